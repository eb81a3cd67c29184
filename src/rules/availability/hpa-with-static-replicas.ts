import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { autoscalersOf, isHelmTestHook } from "./_availability.js";

// Runs on Deployments. Reported when `spec.replicas` is set and a HorizontalPodAutoscaler or KEDA
// ScaledObject of the same namespace targets the Deployment (scaleTargetRef kind and name).
export default defineRule({
  id: "hpa-with-static-replicas",
  title: "Deployment targeted by an HPA sets replicas",
  rationale:
    "When an autoscaler manages a Deployment, the replica count is the autoscaler's to change. A fixed `spec.replicas` in the " +
    "manifest is applied again on every deploy and overwrites the count the autoscaler chose, so each rollout first scales " +
    "the workload to that number, often down in the middle of peak load.",
  attack:
    "During an attack or a traffic spike the autoscaler has added pods; the next routine deploy resets the count and removes " +
    "the capacity that kept the service up.",
  remediation:
    "Remove `spec.replicas` from the Deployment manifest and let the autoscaler's `minReplicas` decide the starting count. " +
    "With `kubectl apply`, remove it in two steps (see the fix note) to avoid a one-time scale-down.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
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
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 3
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
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 3
  maxReplicas: 10
`,
  },
  messages: {
    static: "Deployment '{{name}}' sets replicas although {{autoscaler}} manages its replica count; every apply resets the count the autoscaler chose",
  },
  check(ctx) {
    const r = ctx.resource;
    if (isHelmTestHook(r)) return;
    const spec = r.object.spec;
    if (!isObject(spec) || spec.replicas === undefined || spec.replicas === null) return;
    const scalers = autoscalersOf(ctx.inventory, r);
    const first = scalers[0];
    if (!first) return;
    const path = ["spec", "replicas"];
    ctx.report({
      messageId: "static",
      data: { name: r.name, autoscaler: `${first.resource.kind} '${first.resource.name}'` },
      path,
      fix: fixes.remove(path, {
        description: "Remove spec.replicas",
        safety: "unsafe",
        note: "With kubectl apply, removing a field that the last apply set resets it to its default (1 replica) once; " +
          "first run `kubectl apply edit-last-applied` (or server-side apply) to drop replicas from the applied configuration.",
      }),
    });
  },
});
