import { container, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./ephemeral-storage-limits-missing.js";

ruleTester(rule, {
  valid: [
    { name: "limit set", manifest: pod({ containers: [container({ resources: { limits: { "ephemeral-storage": "1Gi" } } })] }) },
    {
      name: "LimitRange default",
      manifest: [pod({ containers: [container()] }), { apiVersion: "v1", kind: "LimitRange", metadata: { name: "l" }, spec: { limits: [{ type: "Container", default: { "ephemeral-storage": "2Gi" } }] } }],
    },
    { name: "ephemeral containers are not checked", manifest: pod({ containers: [container({ resources: { limits: { "ephemeral-storage": "1Gi" } } })], ephemeralContainers: [container({}, "d")] }) },
  ],
  invalid: [
    {
      name: "nothing set",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x\n",
      errors: [{ messageId: "missing", path: 'spec.containers[0].resources.limits.ephemeral-storage', container: "app", line: 7 }],
    },
    {
      name: "a request alone does not bound",
      manifest: deployment({ containers: [container({ resources: { requests: { "ephemeral-storage": "1Gi" } } })] }),
      errors: [{ messageId: "missing", path: 'spec.template.spec.containers[0].resources.limits.ephemeral-storage' }],
    },
    {
      name: "pod-level resources do not cover ephemeral storage",
      manifest: pod({ resources: { limits: { "ephemeral-storage": "1Gi", memory: "1Gi" } }, initContainers: [container({}, "init")], containers: [container({ resources: { limits: { "ephemeral-storage": "1Gi" } } })] }),
      errors: [{ messageId: "missing", path: 'spec.initContainers[0].resources.limits.ephemeral-storage', container: "init" }],
    },
  ],
});
