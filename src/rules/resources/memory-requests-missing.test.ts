import { container, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./memory-requests-missing.js";

ruleTester(rule, {
  valid: [
    { name: "memory request set", manifest: pod({ containers: [container({ resources: { requests: { memory: "512Mi" } } })] }) },
    { name: "only a memory limit: the request defaults to it", manifest: pod({ containers: [container({ resources: { limits: { memory: "1Gi" } } })] }) },
    {
      name: "LimitRange defaultRequest",
      manifest: [pod({ containers: [container()] }, { namespace: "x" }), { apiVersion: "v1", kind: "LimitRange", metadata: { name: "l", namespace: "x" }, spec: { limits: [{ type: "Container", defaultRequest: { memory: "64Mi" } }] } }],
    },
    { name: "pod-level memory request", manifest: pod({ resources: { requests: { memory: "1Gi" } }, containers: [container()] }) },
  ],
  invalid: [
    {
      name: "empty requests",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x\n      resources:\n        requests:\n",
      errors: [{ messageId: "missing", path: "spec.containers[0].resources.requests.memory", container: "app", line: 10 }],
    },
    {
      name: "cpu only, in a Deployment with an init container",
      manifest: deployment({
        initContainers: [container({ resources: { requests: { memory: "1Gi" } } }, "init")],
        containers: [container({ resources: { requests: { cpu: "1" } } })],
      }),
      errors: [{ messageId: "missing", path: "spec.template.spec.containers[0].resources.requests.memory", container: "app" }],
    },
    {
      name: "zero limit gives a zero request",
      manifest: pod({ containers: [container({ resources: { limits: { memory: 0 } } })] }),
      errors: [{ messageId: "zero", path: "spec.containers[0].resources.requests.memory" }],
    },
  ],
});
