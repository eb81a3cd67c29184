import { container, cronJob, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./memory-limits-missing.js";

ruleTester(rule, {
  valid: [
    { name: "memory limit set", manifest: pod({ containers: [container({ resources: { limits: { memory: "512Mi" } } })] }) },
    {
      name: "LimitRange default in the default namespace",
      manifest: [pod({ containers: [container()] }), { apiVersion: "v1", kind: "LimitRange", metadata: { name: "l" }, spec: { limits: [{ type: "Container", default: { memory: "256Mi" } }] } }],
    },
    { name: "pod-level memory limit", manifest: pod({ resources: { limits: { memory: "1Gi" } }, containers: [container()] }) },
  ],
  invalid: [
    {
      name: "cpu limit only",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x\n      resources:\n        limits:\n          cpu: 100m\n",
      errors: [{ messageId: "missing", path: "spec.containers[0].resources.limits.memory", container: "app", line: 11 }],
    },
    {
      name: "limits: null",
      manifest: pod({ containers: [container({ resources: { limits: null } })] }),
      errors: [{ messageId: "missing", path: "spec.containers[0].resources.limits.memory" }],
    },
    {
      name: "a memory request does not limit, in a CronJob",
      manifest: cronJob({ containers: [container({ resources: { requests: { memory: "1Gi" } } })], restartPolicy: "Never" }),
      errors: [{ messageId: "missing", path: "spec.jobTemplate.spec.template.spec.containers[0].resources.limits.memory" }],
    },
    {
      name: "a LimitRange that is not v1 Container type does not count",
      manifest: [pod({ containers: [container()] }), { apiVersion: "v1", kind: "LimitRange", metadata: { name: "l" }, spec: { limits: [{ default: { memory: "256Mi" } }] } }],
      errors: [{ messageId: "missing", path: "spec.containers[0].resources.limits.memory" }],
    },
  ],
});
