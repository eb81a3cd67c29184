import { container, deployment } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./dangling-hpa.js";

const hpa = (scaleTargetRef: unknown, metadata: object = {}, apiVersion = "autoscaling/v2"): object => ({
  apiVersion,
  kind: "HorizontalPodAutoscaler",
  metadata: { name: "h", ...metadata },
  spec: { scaleTargetRef, minReplicas: 1, maxReplicas: 3 },
});

ruleTester(rule, {
  valid: [
    { name: "targets a Deployment", manifest: [deployment({ containers: [container()] }), hpa({ apiVersion: "apps/v1", kind: "Deployment", name: "d" })] },
    { name: "an older apiVersion in the reference", manifest: [deployment({ containers: [container()] }), hpa({ apiVersion: "extensions/v1beta1", kind: "Deployment", name: "d" }, {}, "autoscaling/v1")] },
    {
      name: "a custom resource target (Argo Rollout) in a namespace",
      manifest: [
        { apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", metadata: { name: "r", namespace: "x" }, spec: { template: { spec: { containers: [container()] } } } },
        hpa({ apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", name: "r" }, { namespace: "x" }),
      ],
    },
    { name: "a custom resource named HorizontalPodAutoscaler", manifest: { apiVersion: "example.com/v1", kind: "HorizontalPodAutoscaler", metadata: { name: "h" }, spec: {} } },
  ],
  invalid: [
    {
      name: "targets a missing Deployment",
      manifest: "apiVersion: autoscaling/v2beta1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: hpa1\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: app2\n",
      errors: [{ messageId: "missingTarget", path: "spec.scaleTargetRef.name", line: 9 }],
    },
    {
      name: "the target is in another namespace",
      manifest: [deployment({ containers: [container()] }), hpa({ kind: "Deployment", name: "d" }, { namespace: "other" })],
      errors: [{ messageId: "missingTarget", path: "spec.scaleTargetRef.name", object: "HorizontalPodAutoscaler/h" }],
    },
    {
      name: "same name, other kind",
      manifest: [deployment({ containers: [container()] }), hpa({ kind: "StatefulSet", name: "d" })],
      errors: [{ messageId: "missingTarget", path: "spec.scaleTargetRef.name" }],
    },
    { name: "no scaleTargetRef", manifest: hpa(undefined), errors: [{ messageId: "noTarget", path: "spec.scaleTargetRef" }] },
    { name: "a scaleTargetRef of the wrong type", manifest: hpa("Deployment/d"), errors: [{ messageId: "noTarget", path: "spec.scaleTargetRef" }] },
  ],
});
