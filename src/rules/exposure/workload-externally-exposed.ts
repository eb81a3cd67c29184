import { defineRule } from "../../engine/rule-types.js";
import { serviceIndex } from "../../model/services.js";
import { describeExposure, listForMessage } from "./_exposure.js";

// Context for risk ranking (info, off by default): one finding per workload whose pods can be reached from
// outside the cluster, listing how. Counted: a selecting Service of type NodePort, LoadBalancer (not one marked
// internal by the catalogue's default annotations) or with externalIPs; an Ingress, a Gateway API route
// attached to a Gateway, or an Istio VirtualService bound to a gateway that sends traffic to a selecting
// Service (any namespace); a hostPort; hostNetwork.
export default defineRule({
  id: "workload-externally-exposed",
  title: "Workload reachable from outside the cluster",
  rationale:
    "Workloads that outside clients can reach are the first ones an attacker meets. Knowing which they are lets a " +
    "team rank every other finding: a vulnerable library or a root container matters most where the internet can " +
    "talk to it. This rule reports the exposure itself, as context, not as a defect.",
  attack:
    "Attackers scan public addresses, load balancers and host names for exposed services and try known " +
    "vulnerabilities, default credentials and unauthenticated endpoints on what they find; a compromise there is " +
    "the foothold for everything else.",
  remediation:
    "Check that exposure is intended. Publish through one well-guarded path (an Ingress or Gateway with TLS and " +
    "authentication), keep other Services ClusterIP, avoid hostPort and hostNetwork, and give exposed workloads the " +
    "strictest security settings and NetworkPolicies.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example/web:1.0
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector: {app: web}
  ports:
    - port: 80
`,
    secure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example/web:1.0
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
    - port: 80
`,
  },
  messages: {
    exposed: "The pods of {{kind}} '{{name}}' can be reached from outside the cluster through {{via}}",
  },
  check(ctx) {
    const idx = serviceIndex(ctx.inventory);
    const template = idx.template(ctx.resource);
    if (!template) return;
    const exposures = idx.exposures(template).filter((e) => !(e.via === "LoadBalancer" && e.internal));
    if (exposures.length === 0) return;
    const first = exposures[0]!;
    const path =
      first.via === "hostNetwork" && template.workload ? template.workload.at("hostNetwork")
      : first.via === "hostPort" ? [...first.port.path, "hostPort"]
      : template.labelsPath;
    ctx.report({
      messageId: "exposed",
      data: { kind: ctx.resource.kind, name: ctx.resource.name, via: listForMessage(exposures.map(describeExposure)) },
      path,
    });
  },
});
