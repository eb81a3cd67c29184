import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./image-latest-tag.js";

const digest = `sha256:${"a".repeat(64)}`;

ruleTester(rule, {
  valid: [
    { name: "a version tag", manifest: pod({ containers: [container({ image: "nginx:1.27.3" })] }) },
    { name: "a digest without a tag", manifest: pod({ containers: [container({ image: `nginx@${digest}` })] }) },
    { name: "latest with a digest is pinned", manifest: pod({ containers: [container({ image: `nginx:latest@${digest}` })] }) },
    { name: "registry port is not a tag", manifest: pod({ containers: [container({ image: "localhost:5000/app:1.0" })] }) },
    { name: "Helm leftover is not judged", manifest: pod({ containers: [container({ image: "{{ .Values.image }}" })] }) },
    { name: "templated tag is not judged", manifest: pod({ containers: [container({ image: "repo/app:${TAG}" })] }) },
    { name: "image missing or not a string", manifest: pod({ containers: [{ name: "a" }, { name: "b", image: 42 }, { name: "c", image: ["x"] }] }) },
    { name: "containers not a list", manifest: pod({ containers: "nginx" }) },
    { name: "a tag that only contains latest", manifest: pod({ containers: [container({ image: "app:latest-1.2" })] }) },
    {
      name: "floatingTags configured without latest",
      manifest: pod({ containers: [container({ image: "app:latest" })] }),
      params: { floatingTags: ["stable"] },
    },
  ],
  invalid: [
    {
      name: "no tag",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: web\n      image: nginx\n",
      errors: [{ messageId: "noTag", path: "spec.containers[0].image", container: "web", line: 8 }],
    },
    {
      name: "latest tag",
      manifest: pod({ containers: [container({ image: "docker.io/library/nginx:latest" })] }),
      errors: [{ messageId: "floatingTag", path: "spec.containers[0].image", container: "app" }],
    },
    {
      name: "registry with port and no tag",
      manifest: pod({ containers: [container({ image: "localhost:5000/app" })] }),
      errors: [{ messageId: "noTag", path: "spec.containers[0].image", container: "app" }],
    },
    {
      name: "init and ephemeral containers of a Deployment",
      manifest: deployment({
        initContainers: [container({ image: "busybox" }, "init")],
        containers: [container()],
        ephemeralContainers: [container({ image: "busybox:LATEST" }, "debug")],
      }),
      errors: [
        { messageId: "noTag", path: "spec.template.spec.initContainers[0].image", container: "init" },
        { messageId: "floatingTag", path: "spec.template.spec.ephemeralContainers[0].image", container: "debug" },
      ],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [container({ image: "app:latest" })] }),
      errors: [{ messageId: "floatingTag", path: "spec.jobTemplate.spec.template.spec.containers[0].image", container: "app" }],
    },
    {
      name: "configured floating tags",
      manifest: pod({ containers: [container({ image: "app:stable" }), container({ image: "app:latest" }, "b")] }),
      params: { floatingTags: ["stable", "latest"] },
      errors: [
        { messageId: "floatingTag", path: "spec.containers[0].image", container: "app" },
        { messageId: "floatingTag", path: "spec.containers[1].image", container: "b" },
      ],
    },
    {
      name: "templated registry but no tag",
      manifest: pod({ containers: [container({ image: "${REGISTRY}/team/app" })] }),
      errors: [{ messageId: "noTag", path: "spec.containers[0].image", container: "app" }],
    },
  ],
});
