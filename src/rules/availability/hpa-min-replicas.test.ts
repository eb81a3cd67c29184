import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./hpa-min-replicas.js";

const hpa = (spec: Record<string, unknown>, apiVersion = "autoscaling/v2") => ({
  apiVersion, kind: "HorizontalPodAutoscaler", metadata: { name: "h" }, spec: { scaleTargetRef: { kind: "Deployment", name: "d" }, ...spec },
});

ruleTester(rule, {
  valid: [
    { name: "min 2, max 10", manifest: hpa({ minReplicas: 2, maxReplicas: 10 }) },
    { name: "min 3 with a minimum of 3", manifest: hpa({ minReplicas: 3, maxReplicas: 5 }), params: { minReplicas: 3 } },
    { name: "templated minReplicas", manifest: hpa({ minReplicas: "{{ .Values.min }}", maxReplicas: 10 }) },
    { name: "autoscaling/v1", manifest: hpa({ minReplicas: 2, maxReplicas: 4 }, "autoscaling/v1") },
    { name: "not an autoscaling HPA", manifest: hpa({ minReplicas: 1, maxReplicas: 1 }, "example.com/v1") },
  ],
  invalid: [
    {
      name: "min 1",
      manifest: "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec:\n  minReplicas: 1\n  maxReplicas: 10\n",
      errors: [{ messageId: "tooLow", path: "spec.minReplicas", line: 6 }],
    },
    { name: "unset minReplicas defaults to 1", manifest: hpa({ maxReplicas: 10 }), errors: [{ messageId: "unset", path: "spec.minReplicas" }] },
    { name: "min equals max", manifest: hpa({ minReplicas: 5, maxReplicas: 5 }), errors: [{ messageId: "cannotScale", path: "spec.maxReplicas" }] },
    {
      name: "min 2 below a configured minimum of 3",
      manifest: hpa({ minReplicas: 2, maxReplicas: 100 }, "autoscaling/v2beta1"),
      params: { minReplicas: 3 },
      errors: [{ messageId: "tooLow", path: "spec.minReplicas" }],
    },
    {
      name: "min 1 and max 1",
      manifest: hpa({ minReplicas: 1, maxReplicas: 1 }),
      errors: [{ messageId: "tooLow", path: "spec.minReplicas" }, { messageId: "cannotScale", path: "spec.maxReplicas" }],
    },
  ],
});
