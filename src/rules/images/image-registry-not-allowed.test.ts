import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./image-registry-not-allowed.js";

const allow = { allowedRegistries: ["registry.example.com", "gcr.io/my-project"] };

ruleTester(rule, {
  valid: [
    { name: "nothing configured reports nothing", manifest: pod({ containers: [container({ image: "evil.example/app:1" })] }) },
    { name: "an allowed registry", manifest: pod({ containers: [container({ image: "registry.example.com/app:1" })] }), params: allow },
    { name: "an allowed path prefix", manifest: pod({ containers: [container({ image: "gcr.io/my-project/app:1" })] }), params: allow },
    { name: "templated registry is not judged", manifest: pod({ containers: [container({ image: "${REGISTRY}/app:1" })] }), params: allow },
    { name: "fully templated image", manifest: pod({ containers: [container({ image: "{{ .Values.image }}" })] }), params: allow },
    { name: "Docker Hub allowed by name", manifest: pod({ containers: [container({ image: "nginx:1.27" })] }), params: { allowedRegistries: ["docker.io"] } },
    { name: "not denied", manifest: pod({ containers: [container({ image: "quay.io/org/app:1" })] }), params: { deniedRegistries: ["docker.io"] } },
    { name: "empty strings in the lists", manifest: pod({ containers: [container({ image: "quay.io/org/app:1" })] }), params: { allowedRegistries: [""] } },
  ],
  invalid: [
    {
      name: "not on the allow-list",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n",
      params: allow,
      errors: [{ messageId: "notAllowed", path: "spec.containers[0].image", container: "web", line: 8 }],
    },
    {
      name: "another project of an allowed host",
      manifest: deployment({
        initContainers: [container({ image: "gcr.io/other-project/init:1" }, "init")],
        containers: [container({ image: "registry.example.com/app:1" })],
        ephemeralContainers: [container({ image: "busybox" }, "debug")],
      }),
      params: allow,
      errors: [
        { messageId: "notAllowed", path: "spec.template.spec.initContainers[0].image", container: "init" },
        { messageId: "notAllowed", path: "spec.template.spec.ephemeralContainers[0].image", container: "debug" },
      ],
    },
    {
      name: "denied wins over allowed",
      manifest: cronJob({ containers: [container({ image: "docker.io/library/alpine:3" })] }),
      params: { allowedRegistries: ["docker.io"], deniedRegistries: ["index.docker.io"] },
      errors: [{ messageId: "denied", path: "spec.jobTemplate.spec.template.spec.containers[0].image", container: "app" }],
    },
  ],
});
