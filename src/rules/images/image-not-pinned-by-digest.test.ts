import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./image-not-pinned-by-digest.js";

const digest = `sha256:${"c".repeat(64)}`;

ruleTester(rule, {
  valid: [
    { name: "digest only", manifest: pod({ containers: [container({ image: `nginx@${digest}` })] }) },
    { name: "tag and digest", manifest: pod({ containers: [container({ image: `nginx:1.27@${digest}` })] }) },
    { name: "templated image", manifest: pod({ containers: [container({ image: "{{ .Values.image }}" })] }) },
    { name: "no image", manifest: pod({ containers: [{ name: "a" }] }) },
    {
      name: "exempt registry",
      manifest: pod({ containers: [container({ image: "registry.internal:5000/team/app:1.0" })] }),
      params: { exemptRegistries: ["registry.internal:5000"] },
    },
    {
      name: "exempt docker.io covers short names",
      manifest: pod({ containers: [container({ image: "nginx:1.27" })] }),
      params: { exemptRegistries: ["docker.io"] },
    },
  ],
  invalid: [
    {
      name: "a version tag",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27.3\n",
      errors: [{ messageId: "notPinned", path: "spec.containers[0].image", container: "web", line: 8 }],
    },
    {
      name: "init, regular and ephemeral containers",
      manifest: deployment({
        initContainers: [container({ image: "busybox:1.36" }, "init")],
        containers: [container({ image: `app@${digest}` })],
        ephemeralContainers: [container({ image: "busybox" }, "debug")],
      }),
      errors: [
        { messageId: "notPinned", path: "spec.template.spec.initContainers[0].image", container: "init" },
        { messageId: "notPinned", path: "spec.template.spec.ephemeralContainers[0].image", container: "debug" },
      ],
    },
    {
      name: "CronJob with another registry than the exempt one",
      manifest: cronJob({ containers: [container({ image: "quay.io/org/app:1" })] }),
      params: { exemptRegistries: ["gcr.io"] },
      errors: [{ messageId: "notPinned", path: "spec.jobTemplate.spec.template.spec.containers[0].image", container: "app" }],
    },
  ],
});
