import { container, deployment } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./hpa-with-static-replicas.js";

type Obj = Record<string, unknown>;
const dep = (replicas: unknown, namespace?: string) => {
  const d = deployment({ containers: [container()] }) as { spec: Obj; metadata: Obj };
  if (replicas !== undefined) d.spec.replicas = replicas;
  if (namespace) d.metadata.namespace = namespace;
  return d;
};
const hpa = (name = "d", namespace?: string, kind = "Deployment") => ({
  apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name: "h", ...(namespace ? { namespace } : {}) },
  spec: { scaleTargetRef: { apiVersion: "apps/v1", kind, name }, minReplicas: 2, maxReplicas: 5 },
});

ruleTester(rule, {
  valid: [
    { name: "targeted, no replicas", manifest: [dep(undefined), hpa()] },
    { name: "replicas, not targeted", manifest: dep(3) },
    { name: "HPA targets another Deployment", manifest: [dep(3), hpa("other")] },
    { name: "HPA in another namespace", manifest: [dep(3, "a"), hpa("d", "b")] },
    { name: "HPA targets a StatefulSet of the same name", manifest: [dep(3), hpa("d", undefined, "StatefulSet")] },
  ],
  invalid: [
    {
      name: "replicas set and targeted",
      manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers: []\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {kind: Deployment, name: web}\n  maxReplicas: 5\n",
      errors: [{ messageId: "static", path: "spec.replicas", line: 6, object: "Deployment/web" }],
    },
    {
      name: "targeted by a KEDA ScaledObject",
      manifest: [dep(1), { apiVersion: "keda.sh/v1alpha1", kind: "ScaledObject", metadata: { name: "s" }, spec: { scaleTargetRef: { name: "d" } } }],
      errors: [{ messageId: "static", path: "spec.replicas", object: "Deployment/d" }],
    },
  ],
});
