import { defineRule } from "../../engine/rule-types.js";
import { hasTemplate } from "../../model/image.js";
import { containerImages, isIngressNginxController } from "./_images.js";

// The Kubernetes project retired ingress-nginx in March 2026 (kubernetes.io/blog/2025/11/11/ingress-nginx-retirement):
// no further releases, bug fixes or security patches. Every version of the controller is affected.
export default defineRule({
  id: "ingress-nginx-eol",
  title: "ingress-nginx controller at end of life",
  rationale:
    "The community ingress-nginx controller was retired in March 2026: no more releases and no security fixes. An " +
    "ingress controller sits on the internet-facing edge of the cluster and holds the TLS keys of every site it serves, " +
    "and it has had critical vulnerabilities before (CVE-2025-1974 allowed anyone on the pod network to take over the " +
    "controller and read all Secrets of the cluster). New flaws will stay open.",
  attack:
    "An attacker scans for the ingress-nginx controller, which is easy to fingerprint, and waits for the next published " +
    "vulnerability; with no patch coming, every exposed cluster stays exploitable.",
  remediation:
    "Plan a migration to a maintained controller: a Gateway API implementation (Envoy Gateway, Istio, Cilium, NGINX " +
    "Gateway Fabric, …) or another supported Ingress controller. Until then restrict who can create Ingress objects, " +
    "keep the admission webhook unreachable from pods, and disable snippet annotations.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ingress-nginx-controller
spec:
  selector:
    matchLabels: {app: ingress-nginx}
  template:
    metadata:
      labels: {app: ingress-nginx}
    spec:
      containers:
        - name: controller
          image: registry.k8s.io/ingress-nginx/controller:v1.12.1
`,
    secure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: envoy-gateway
spec:
  selector:
    matchLabels: {app: envoy-gateway}
  template:
    metadata:
      labels: {app: envoy-gateway}
    spec:
      containers:
        - name: envoy-gateway
          image: docker.io/envoyproxy/gateway:v1.5.0
`,
  },
  messages: {
    eol: "Container '{{container}}' runs the ingress-nginx controller ('{{image}}'), which is end of life and gets no security fixes",
  },
  check(ctx) {
    for (const { container, image, ref, path } of containerImages(ctx.workload, true)) {
      if (hasTemplate(ref.repository) || !isIngressNginxController(ref)) continue;
      ctx.report({ messageId: "eol", data: { container: container.name, image }, path, container });
    }
  },
});
