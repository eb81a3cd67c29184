import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";

// Reports a HorizontalPodAutoscaler (any autoscaling version) whose `spec.scaleTargetRef` names no object of
// that kind and name in the HPA's namespace in the scan (`missingTarget`, at the name), or has no kind/name at
// all (`noTarget`). The apiVersion of the reference is not compared: apps/v1 and extensions/v1beta1
// Deployments are the same object to the API server.
export default defineRule({
  id: "dangling-hpa",
  title: "HorizontalPodAutoscaler target missing",
  rationale:
    "A HorizontalPodAutoscaler scales the object its scaleTargetRef names. After a rename, the autoscaler points at " +
    "nothing: the workload stays at its fixed replica count under load, and the stale autoscaler takes over any " +
    "object created later under the old name.",
  attack:
    "Not an attack path in itself; the risk is availability: under a traffic spike, or a denial-of-service attempt, " +
    "the workload that was meant to scale out does not, and the service goes down.",
  remediation:
    "Set `scaleTargetRef` to the kind and name of the workload to scale (`kind: Deployment`, `name: <its " +
    "metadata.name>`), or delete the autoscaler.",
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
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: website
  minReplicas: 2
  maxReplicas: 10
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
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 10
`,
  },
  messages: {
    missingTarget: "HorizontalPodAutoscaler '{{name}}' scales {{kind}} '{{target}}', which is not in namespace '{{namespace}}'",
    noTarget: "HorizontalPodAutoscaler '{{name}}' has no scaleTargetRef kind and name: it scales nothing",
  },
  check(ctx) {
    const r = ctx.resource;
    if (!r.apiVersion.startsWith("autoscaling/")) return;
    const ns = ctx.inventory.namespaceOf(r) ?? ctx.defaultNamespace;
    const spec = isObject(r.object.spec) ? r.object.spec : {};
    const ref = spec.scaleTargetRef;
    if (!isObject(ref) || typeof ref.kind !== "string" || ref.kind === "" || typeof ref.name !== "string" || ref.name === "") {
      ctx.report({ messageId: "noTarget", data: { name: r.name }, path: ["spec", "scaleTargetRef"] });
      return;
    }
    if (ctx.inventory.get(ref.kind, ns, ref.name)) return;
    ctx.report({ messageId: "missingTarget", data: { name: r.name, kind: ref.kind, target: ref.name, namespace: ns }, path: ["spec", "scaleTargetRef", "name"] });
  },
});
