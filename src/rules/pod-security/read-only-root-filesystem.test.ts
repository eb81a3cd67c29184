import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./read-only-root-filesystem.js";

ruleTester(rule, {
  valid: [
    { name: "read-only on every container", manifest: pod({ initContainers: [withSc({ readOnlyRootFilesystem: true }, "init")], containers: [withSc({ readOnlyRootFilesystem: true })] }) },
    { name: "YAML 1.1 yes is true", manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      readOnlyRootFilesystem: yes\n" },
    { name: "Windows pods cannot set it", manifest: pod({ os: { name: "windows" }, containers: [container()] }) },
    { name: "a Service is not a workload", manifest: { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: {} } },
  ],
  invalid: [
    {
      name: "explicit false, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      readOnlyRootFilesystem: false\n",
      errors: [{ messageId: "notTrue", path: "spec.containers[0].securityContext.readOnlyRootFilesystem", container: "a", line: 10 }],
    },
    {
      name: "not set in a Deployment",
      manifest: deployment({ containers: [container()] }),
      errors: [{ messageId: "notSet", path: "spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem", container: "app" }],
    },
    {
      name: "a pod-level readOnlyRootFilesystem is not a Kubernetes field and protects nothing",
      manifest: pod({ securityContext: { readOnlyRootFilesystem: true }, containers: [withSc({ readOnlyRootFilesystem: true }, "a"), container({}, "b")] }),
      errors: [{ messageId: "notSet", path: "spec.containers[1].securityContext.readOnlyRootFilesystem", container: "b" }],
    },
    {
      name: "a quoted \"true\" is refused by the API server and does not count",
      manifest: cronJob({ containers: [withSc({ readOnlyRootFilesystem: "true" })] }),
      errors: [{ messageId: "notTrue", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem", container: "app" }],
    },
    {
      name: "init and ephemeral containers",
      manifest: pod({ initContainers: [container({}, "init")], containers: [withSc({ readOnlyRootFilesystem: true })], ephemeralContainers: [container({}, "debug")] }),
      errors: [
        { messageId: "notSet", path: "spec.initContainers[0].securityContext.readOnlyRootFilesystem", container: "init" },
        { messageId: "notSet", path: "spec.ephemeralContainers[0].securityContext.readOnlyRootFilesystem", container: "debug" },
      ],
    },
  ],
});
