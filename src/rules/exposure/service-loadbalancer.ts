import { defineRule } from "../../engine/rule-types.js";
import { hasInternalAnnotation } from "../../model/services.js";
import { isObject } from "../../model/types.js";

// Reports `spec.type: LoadBalancer` on a v1 Service unless one of `internalAnnotations` (`key=value`, value
// compared without regard to case; `key` alone for any value) marks the load balancer internal.
// loadBalancerSourceRanges narrow who may connect but still leave the Service reachable from outside the
// cluster, so they do not silence the rule.
export default defineRule({
  id: "service-loadbalancer",
  title: "LoadBalancer Service",
  rationale:
    "On a cloud, a LoadBalancer Service provisions a load balancer with its own address, which is public unless an " +
    "annotation asks for an internal one. The workload is then reachable from the internet directly, without the " +
    "ingress controller's TLS, authentication, rate limiting or web application firewall in front of it.",
  attack:
    "Internet-wide scanners find the new address within minutes and probe the workload: default credentials, " +
    "unauthenticated admin endpoints, known vulnerabilities of the exposed software.",
  remediation:
    "Publish HTTP workloads through an Ingress or Gateway instead. If the Service needs its own load balancer but " +
    "only clients in your network use it, add your cloud's internal-load-balancer annotation (for example " +
    "`service.beta.kubernetes.io/aws-load-balancer-scheme: internal`); otherwise restrict `loadBalancerSourceRanges` " +
    "and make sure the workload authenticates its clients.",
  example: {
    insecure: `apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  type: LoadBalancer
  selector: {app: api}
  ports:
    - port: 443
      targetPort: 8443
`,
    secure: `apiVersion: v1
kind: Service
metadata:
  name: api
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-scheme: internal
spec:
  type: LoadBalancer
  selector: {app: api}
  ports:
    - port: 443
      targetPort: 8443
`,
  },
  messages: {
    loadBalancer: "Service '{{name}}' is of type LoadBalancer without an internal-load-balancer annotation: it is likely reachable from the internet",
  },
  check(ctx) {
    const r = ctx.resource;
    if (r.apiVersion !== "v1" || !isObject(r.object.spec) || r.object.spec.type !== "LoadBalancer") return;
    if (hasInternalAnnotation(r.annotations(), ctx.params.strings("internalAnnotations"))) return;
    ctx.report({ messageId: "loadBalancer", data: { name: r.name }, path: ["spec", "type"] });
  },
});
