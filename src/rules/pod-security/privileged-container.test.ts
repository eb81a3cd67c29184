import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./privileged-container.js";

ruleTester(rule, {
  valid: [
    { name: "no securityContext", manifest: pod({ containers: [container()] }) },
    { name: "privileged false", manifest: pod({ containers: [withSc({ privileged: false })] }) },
    { name: "privileged: no (YAML 1.1 false)", manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      privileged: no\n" },
    { name: "a Service is not a workload", manifest: { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { privileged: true } } },
  ],
  invalid: [
    {
      name: "privileged true in a Pod",
      manifest: pod({ containers: [withSc({ privileged: true })] }),
      errors: [{ messageId: "privileged", path: "spec.containers[0].securityContext.privileged", container: "app" }],
    },
    {
      name: "privileged: yes is true for Kubernetes",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      privileged: yes\n",
      errors: [{ messageId: "privileged", path: "spec.containers[0].securityContext.privileged", container: "a", line: 9, column: 19 }],
    },
    {
      name: "quoted \"true\" is reported too",
      manifest: pod({ containers: [withSc({ privileged: "true" })] }),
      errors: [{ messageId: "privileged", path: "spec.containers[0].securityContext.privileged", container: "app" }],
    },
    {
      name: "initContainer and ephemeral container in a Deployment",
      manifest: deployment({
        initContainers: [withSc({ privileged: true }, "init")],
        containers: [container()],
        ephemeralContainers: [withSc({ privileged: true }, "debug")],
      }),
      errors: [
        { messageId: "privileged", path: "spec.template.spec.initContainers[0].securityContext.privileged", container: "init" },
        { messageId: "privileged", path: "spec.template.spec.ephemeralContainers[0].securityContext.privileged", container: "debug" },
      ],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [withSc({ privileged: true })] }),
      errors: [{ messageId: "privileged", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged", container: "app" }],
    },
  ],
});
