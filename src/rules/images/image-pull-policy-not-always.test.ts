import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./image-pull-policy-not-always.js";

const digest = `sha256:${"e".repeat(64)}`;

ruleTester(rule, {
  valid: [
    { name: "Always", manifest: pod({ containers: [container({ imagePullPolicy: "Always" })] }) },
    { name: "unset with no tag defaults to Always", manifest: pod({ containers: [container({ image: "nginx" })] }) },
    { name: "unset with latest defaults to Always", manifest: pod({ containers: [container({ image: "nginx:latest" })] }) },
    { name: "unset with latest and a digest defaults to Always", manifest: pod({ containers: [container({ image: `nginx:latest@${digest}` })] }) },
    { name: "unset with a templated image", manifest: pod({ containers: [container({ image: "{{ .Values.image }}" })] }) },
    { name: "templated policy", manifest: pod({ containers: [container({ imagePullPolicy: "{{ .Values.pullPolicy }}" })] }) },
    { name: "unset with no image", manifest: pod({ containers: [{ name: "a" }] }) },
  ],
  invalid: [
    {
      name: "IfNotPresent",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      imagePullPolicy: IfNotPresent\n",
      errors: [{ messageId: "explicit", path: "spec.containers[0].imagePullPolicy", container: "web", line: 9 }],
    },
    {
      name: "Never on latest is still reported",
      manifest: pod({ containers: [container({ image: "nginx:latest", imagePullPolicy: "Never" })] }),
      errors: [{ messageId: "explicit", path: "spec.containers[0].imagePullPolicy", container: "app" }],
    },
    {
      name: "unset with a version tag defaults to IfNotPresent",
      manifest: deployment({ containers: [container({ image: "nginx:1.14.2" })] }),
      errors: [{ messageId: "defaulted", path: "spec.template.spec.containers[0].imagePullPolicy", container: "app" }],
    },
    {
      name: "unset with a digest only defaults to IfNotPresent",
      manifest: pod({ containers: [container({ image: `nginx@${digest}` })] }),
      errors: [{ messageId: "defaulted", path: "spec.containers[0].imagePullPolicy", container: "app" }],
    },
    {
      name: "init and ephemeral containers in a CronJob",
      manifest: cronJob({
        initContainers: [container({ imagePullPolicy: "IfNotPresent" }, "init")],
        containers: [container({ imagePullPolicy: "Always" })],
        ephemeralContainers: [container({ image: "busybox:1.36" }, "debug")],
      }),
      errors: [
        { messageId: "explicit", path: "spec.jobTemplate.spec.template.spec.initContainers[0].imagePullPolicy", container: "init" },
        { messageId: "defaulted", path: "spec.jobTemplate.spec.template.spec.ephemeralContainers[0].imagePullPolicy", container: "debug" },
      ],
    },
    {
      name: "wrong case and wrong type",
      manifest: pod({ containers: [container({ imagePullPolicy: "always" }), container({ imagePullPolicy: true }, "b")] }),
      errors: [
        { messageId: "explicit", path: "spec.containers[0].imagePullPolicy", container: "app" },
        { messageId: "explicit", path: "spec.containers[1].imagePullPolicy", container: "b" },
      ],
    },
  ],
});
