import { container, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./requests-equal-limits.js";

const res = (requests: Record<string, unknown> | undefined, limits: Record<string, unknown> | undefined) => ({
  resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) },
});

ruleTester(rule, {
  valid: [
    { name: "equal", manifest: pod({ containers: [container(res({ cpu: "1", memory: "1Gi" }, { cpu: "1", memory: "1Gi" }))] }) },
    { name: "equal as quantities", manifest: pod({ containers: [container(res({ cpu: "1000m", memory: "1024Mi" }, { cpu: 1, memory: "1Gi" }))] }) },
    { name: "only limits: requests default to them", manifest: pod({ containers: [container(res(undefined, { cpu: "500m", memory: "256Mi" }))] }) },
    {
      name: "LimitRange default gives equal request and limit",
      manifest: [pod({ containers: [container()] }), { apiVersion: "v1", kind: "LimitRange", metadata: { name: "l" }, spec: { limits: [{ type: "Container", default: { cpu: "1", memory: "1Gi" } }] } }],
    },
    {
      name: "pod-level resources decide the QoS class (1.34+)",
      manifest: pod({ resources: { limits: { cpu: "2", memory: "2Gi" } }, containers: [container(), container(res({ cpu: "100m" }, undefined), "b")] }),
    },
    { name: "templated values are not compared", manifest: pod({ containers: [container(res({ cpu: "{{ x }}", memory: "1Gi" }, { cpu: "1", memory: "1Gi" }))] }) },
  ],
  invalid: [
    {
      name: "cpu request below limit",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x\n      resources:\n        requests:\n          cpu: 100m\n          memory: 1Gi\n        limits:\n          cpu: 500m\n          memory: 1Gi\n",
      errors: [{ messageId: "differ", path: "spec.containers[0].resources.requests.cpu", container: "app", line: 11 }],
    },
    {
      name: "no limits at all, in a Deployment with an init container",
      manifest: deployment({ initContainers: [container(res(undefined, { cpu: "1", memory: "1Gi" }), "init")], containers: [container()] }),
      errors: [
        { messageId: "noLimit", path: "spec.template.spec.containers[0].resources.limits.cpu", container: "app" },
        { messageId: "noLimit", path: "spec.template.spec.containers[0].resources.limits.memory", container: "app" },
      ],
    },
    {
      name: "LimitRange default request differs from its default limit",
      manifest: [
        pod({ containers: [container()] }),
        { apiVersion: "v1", kind: "LimitRange", metadata: { name: "l" }, spec: { limits: [{ type: "Container", default: { cpu: "1", memory: "1Gi" }, defaultRequest: { cpu: "100m" } }] } },
      ],
      errors: [{ messageId: "differ", path: "spec.containers[0].resources.requests.cpu", object: "Pod/p" }],
    },
    {
      name: "pod-level request differs from pod-level limit",
      manifest: pod({ resources: { requests: { memory: "1Gi" }, limits: { cpu: "1", memory: "2Gi" } }, containers: [container()] }),
      errors: [{ messageId: "podDiffer", path: "spec.resources.requests.memory" }],
    },
    {
      name: "pod-level without a memory limit",
      manifest: pod({ resources: { limits: { cpu: "1" } }, containers: [container()] }),
      errors: [{ messageId: "podNoLimit", path: "spec.resources.limits.memory" }],
    },
    {
      name: "pod-level resources ignored before 1.34",
      manifest: pod({ resources: { limits: { cpu: "1", memory: "1Gi" } }, containers: [container(res(undefined, { cpu: "1", memory: "1Gi" })), container({}, "b")] }),
      kubeVersion: "1.33",
      errors: [
        { messageId: "noLimit", path: "spec.containers[1].resources.limits.cpu", container: "b" },
        { messageId: "noLimit", path: "spec.containers[1].resources.limits.memory", container: "b" },
      ],
    },
  ],
});
