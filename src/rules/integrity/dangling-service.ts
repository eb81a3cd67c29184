import { defineRule } from "../../engine/rule-types.js";
import { serviceIndex } from "../../model/services.js";
import { formatLabels } from "./_selectors.js";

// Reports a v1 Service whose `spec.selector` (a non-empty label map) matches the pod labels of no object in
// the same namespace of the scan: Pods, workloads of every kind, and built-in controllers whose template has
// labels but no spec yet. Services without a selector (endpoints managed elsewhere), with `selector: {}`
// (the same for Kubernetes) and of type ExternalName are never reported.
export default defineRule({
  id: "dangling-service",
  title: "Service selects no pods",
  rationale:
    "A Service sends traffic to the pods whose labels contain its selector. When a label is renamed in the " +
    "Deployment but not in the Service, the Service has no endpoints: clients get connection errors, and any pod " +
    "that later carries the old labels, whoever deploys it, silently receives the traffic.",
  attack:
    "An attacker able to create pods in the namespace labels one with the selector of the orphaned Service and " +
    "receives the requests meant for the real application, with their credentials and data.",
  remediation:
    "Make the Service's selector match the pod template labels of the workload it is for (compare with the " +
    "Deployment's `spec.template.metadata.labels`), or delete the Service if the workload is gone.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app.kubernetes.io/name: web}
  template:
    metadata:
      labels: {app.kubernetes.io/name: web}
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
    secure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app.kubernetes.io/name: web}
  template:
    metadata:
      labels: {app.kubernetes.io/name: web}
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
  selector: {app.kubernetes.io/name: web}
  ports:
    - port: 80
`,
  },
  messages: {
    noPods: "Service '{{name}}' selects {{selector}}, but no pod template in namespace '{{namespace}}' has these labels",
  },
  check(ctx) {
    const idx = serviceIndex(ctx.inventory);
    const s = idx.service(ctx.resource);
    if (!s || !s.selector || idx.selectedBy(s).length > 0) return;
    ctx.report({ messageId: "noPods", data: { name: s.name, selector: formatLabels(s.selector), namespace: s.namespace }, path: ["spec", "selector"] });
  },
});
