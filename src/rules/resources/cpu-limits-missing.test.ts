import { container, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./cpu-limits-missing.js";

const limitRange = (item: Record<string, unknown>) => ({
  apiVersion: "v1", kind: "LimitRange", metadata: { name: "lr", namespace: "default" }, spec: { limits: [{ type: "Container", ...item }] },
});

ruleTester(rule, {
  valid: [
    { name: "cpu limit set", manifest: pod({ containers: [container({ resources: { limits: { cpu: "500m" } } })] }) },
    { name: "numeric limit", manifest: pod({ containers: [container({ resources: { limits: { cpu: 2 } } })] }) },
    { name: "LimitRange default", manifest: [pod({ containers: [container()] }), limitRange({ default: { cpu: "1" } })] },
    { name: "LimitRange max becomes the default limit", manifest: [pod({ containers: [container()] }), limitRange({ max: { cpu: "1" } })] },
    { name: "pod-level CPU limit", manifest: pod({ resources: { limits: { cpu: "2" } }, containers: [container(), container({}, "b")] }) },
    { name: "ephemeral container", manifest: pod({ containers: [container({ resources: { limits: { cpu: "1" } } })], ephemeralContainers: [container({}, "dbg")] }) },
  ],
  invalid: [
    {
      name: "memory limit only",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x\n      resources:\n        limits:\n          memory: 128Mi\n",
      errors: [{ messageId: "missing", path: "spec.containers[0].resources.limits.cpu", container: "app", line: 11 }],
    },
    {
      name: "a CPU request does not limit",
      manifest: deployment({ containers: [container({ resources: { requests: { cpu: "1" } } })] }),
      errors: [{ messageId: "missing", path: "spec.template.spec.containers[0].resources.limits.cpu" }],
    },
    {
      name: "a LimitRange defaultRequest gives no limit",
      manifest: [pod({ containers: [container()] }), limitRange({ defaultRequest: { cpu: "1" } })],
      errors: [{ messageId: "missing", path: "spec.containers[0].resources.limits.cpu" }],
    },
    {
      name: "a pod-level request does not limit",
      manifest: pod({ resources: { requests: { cpu: "1" } }, containers: [container()] }),
      errors: [{ messageId: "missing", path: "spec.containers[0].resources.limits.cpu" }],
    },
    {
      name: "zero limit is no limit",
      manifest: pod({ initContainers: [container({ resources: { limits: { cpu: "0m" } } }, "init")], containers: [container({ resources: { limits: { cpu: 1 } } })] }),
      errors: [{ messageId: "zero", path: "spec.initContainers[0].resources.limits.cpu", container: "init" }],
    },
  ],
});
