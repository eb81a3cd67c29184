import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./cpu-requests-missing.js";

const limitRange = (item: Record<string, unknown>, namespace?: string) => ({
  apiVersion: "v1",
  kind: "LimitRange",
  metadata: { name: "lr", ...(namespace ? { namespace } : {}) },
  spec: { limits: [{ type: "Container", ...item }] },
});

ruleTester(rule, {
  valid: [
    { name: "cpu request set", manifest: pod({ containers: [container({ resources: { requests: { cpu: "100m" } } })] }) },
    { name: "only a CPU limit: the request defaults to it", manifest: pod({ containers: [container({ resources: { limits: { cpu: 1 } } })] }) },
    { name: "LimitRange defaultRequest in the same namespace", manifest: [pod({ containers: [container()] }), limitRange({ defaultRequest: { cpu: "100m" } })] },
    { name: "LimitRange default (limit) also defaults the request", manifest: [pod({ containers: [container()] }), limitRange({ default: { cpu: "1" } })] },
    { name: "LimitRange max defaults the limit, and so the request", manifest: [pod({ containers: [container()] }, { namespace: "a" }), limitRange({ max: { cpu: "2" } }, "a")] },
    { name: "LimitRange min defaults the request", manifest: [pod({ containers: [container()] }), limitRange({ min: { cpu: "50m" } })] },
    {
      name: "pod-level CPU request (1.34+)",
      manifest: pod({ resources: { requests: { cpu: "1" } }, containers: [container(), container({}, "b")] }),
      kubeVersion: "1.34",
    },
    { name: "pod-level CPU limit defaults the pod request", manifest: pod({ resources: { limits: { cpu: "1" } }, containers: [container()] }) },
    {
      name: "ephemeral containers cannot set resources",
      manifest: pod({ containers: [container({ resources: { requests: { cpu: "1" } } })], ephemeralContainers: [container({}, "debug")] }),
    },
    { name: "a templated value counts as set", manifest: pod({ containers: [container({ resources: { requests: { cpu: "{{ .Values.cpu }}" } } })] }) },
    { name: "a Service is not a workload", manifest: { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: {} } },
  ],
  invalid: [
    {
      name: "no resources at all",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x\n",
      errors: [{ messageId: "missing", path: "spec.containers[0].resources.requests.cpu", container: "app", line: 7 }],
    },
    {
      name: "memory request only, in a Deployment",
      manifest: deployment({ containers: [container({ resources: { requests: { memory: "1Gi" } } })] }),
      errors: [{ messageId: "missing", path: "spec.template.spec.containers[0].resources.requests.cpu", container: "app" }],
    },
    {
      name: "init container without a request",
      manifest: pod({ initContainers: [container({}, "init")], containers: [container({ resources: { requests: { cpu: "1" } } })] }),
      errors: [{ messageId: "missing", path: "spec.initContainers[0].resources.requests.cpu", container: "init" }],
    },
    {
      name: "a LimitRange of another namespace does not count",
      manifest: [pod({ containers: [container()] }, { namespace: "a" }), limitRange({ defaultRequest: { cpu: "1" } }, "b")],
      errors: [{ messageId: "missing", path: "spec.containers[0].resources.requests.cpu", object: "Pod/p" }],
    },
    {
      name: "a LimitRange of type Pod gives no container defaults",
      manifest: [pod({ containers: [container()] }), { apiVersion: "v1", kind: "LimitRange", metadata: { name: "lr" }, spec: { limits: [{ type: "Pod", max: { cpu: "2" } }] } }],
      errors: [{ messageId: "missing", path: "spec.containers[0].resources.requests.cpu" }],
    },
    {
      name: "pod-level resources are ignored before 1.34",
      manifest: pod({ resources: { requests: { cpu: "1" } }, containers: [container()] }),
      kubeVersion: "1.33",
      errors: [{ messageId: "missing", path: "spec.containers[0].resources.requests.cpu" }],
    },
    {
      name: "an explicit zero request is kept even with a limit",
      manifest: pod({ containers: [container({ resources: { requests: { cpu: "0" }, limits: { cpu: "1" } } })] }),
      errors: [{ messageId: "zero", path: "spec.containers[0].resources.requests.cpu" }],
    },
    {
      name: "resources of the wrong type",
      manifest: pod({ containers: [container({ resources: "lots" }), container({ resources: { requests: ["cpu"] } }, "b")] }),
      errors: [
        { messageId: "missing", path: "spec.containers[0].resources.requests.cpu", container: "app" },
        { messageId: "missing", path: "spec.containers[1].resources.requests.cpu", container: "b" },
      ],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [container()], restartPolicy: "OnFailure" }),
      errors: [{ messageId: "missing", path: "spec.jobTemplate.spec.template.spec.containers[0].resources.requests.cpu" }],
    },
  ],
});
