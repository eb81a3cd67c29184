import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./topology-spread-missing.js";

const tsc = (extra: Record<string, unknown> = {}) => ({
  maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { app: "d" } }, ...extra,
});

ruleTester(rule, {
  valid: [
    { name: "valid constraint", manifest: deployment({ topologySpreadConstraints: [tsc()], containers: [container()] }) },
    { name: "one valid among invalid ones", manifest: deployment({ topologySpreadConstraints: [tsc({ maxSkew: 0 }), tsc()], containers: [container()] }) },
    { name: "bare Pod", manifest: pod({ containers: [container()] }) },
    { name: "CronJob", manifest: cronJob({ containers: [container()], restartPolicy: "OnFailure" }) },
    { name: "DaemonSet", manifest: { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "ds" }, spec: { template: { spec: { containers: [container()] } } } } },
    {
      name: "a custom resource whose pods run to completion",
      manifest: { apiVersion: "keda.sh/v1alpha1", kind: "ScaledJob", metadata: { name: "j" }, spec: { jobTargetRef: { template: { spec: { restartPolicy: "Never", containers: [container()] } } } } },
    },
    { name: "scaled to zero", manifest: { ...deployment({ containers: [container()] }), spec: { replicas: 0, template: { spec: { containers: [container()] } } } } },
  ],
  invalid: [
    {
      name: "none set",
      manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: x\n",
      errors: [{ messageId: "missing", path: "spec.template.spec.topologySpreadConstraints", line: 8 }],
    },
    { name: "empty list", manifest: deployment({ topologySpreadConstraints: [], containers: [container()] }), errors: [{ messageId: "missing", path: "spec.template.spec.topologySpreadConstraints" }] },
    {
      name: "invalid constraints only",
      manifest: deployment({ topologySpreadConstraints: [tsc({ whenUnsatisfiable: "Sometimes" }), tsc({ labelSelector: undefined }), "zone"], containers: [container()] }),
      errors: [{ messageId: "invalid", path: "spec.template.spec.topologySpreadConstraints" }],
    },
    {
      name: "StatefulSet",
      manifest: { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "s" }, spec: { replicas: 3, template: { spec: { containers: [container()] } } } },
      errors: [{ messageId: "missing", path: "spec.template.spec.topologySpreadConstraints" }],
    },
  ],
});
