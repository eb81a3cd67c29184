import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./security-context-missing.js";

ruleTester(rule, {
  valid: [
    { name: "both levels set", manifest: pod({ securityContext: { runAsNonRoot: true }, containers: [withSc({ allowPrivilegeEscalation: false })] }) },
    { name: "no pod-level one, but every container has one", manifest: pod({ containers: [withSc({ runAsNonRoot: true }, "a"), withSc({ privileged: false }, "b")] }) },
    { name: "Windows pod covered by the pod level", manifest: pod({ os: { name: "windows" }, securityContext: { windowsOptions: { runAsUserName: "ContainerUser" } }, containers: [container()] }) },
  ],
  invalid: [
    {
      name: "nothing at all, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n",
      errors: [{ messageId: "none", path: "spec.containers[0].securityContext", container: "a", line: 7 }],
    },
    {
      name: "empty maps count as missing",
      manifest: deployment({ securityContext: {}, containers: [withSc({})] }),
      errors: [{ messageId: "none", path: "spec.template.spec.containers[0].securityContext", container: "app" }],
    },
    {
      name: "a map of nulls is empty too",
      manifest: pod({ securityContext: { runAsUser: null }, containers: [container()] }),
      errors: [{ messageId: "none", path: "spec.containers[0].securityContext", container: "app" }],
    },
    {
      name: "the pod level does not cover container-only settings",
      manifest: pod({ securityContext: { runAsNonRoot: true }, initContainers: [container({}, "init")], containers: [withSc({ allowPrivilegeEscalation: false })] }),
      errors: [{ messageId: "containerMissing", path: "spec.initContainers[0].securityContext", container: "init" }],
    },
    {
      name: "CronJob and ephemeral container",
      manifest: cronJob({ containers: [withSc({ privileged: false })], ephemeralContainers: [container({}, "debug")] }),
      errors: [{ messageId: "none", path: "spec.jobTemplate.spec.template.spec.ephemeralContainers[0].securityContext", container: "debug" }],
    },
    {
      name: "a securityContext of the wrong type is no securityContext",
      manifest: pod({ securityContext: "restricted", containers: [withSc("yes" as unknown as Record<string, unknown>)] }),
      errors: [{ messageId: "none", path: "spec.containers[0].securityContext", container: "app" }],
    },
    {
      name: "Windows pod with nothing anywhere",
      manifest: pod({ os: { name: "windows" }, containers: [container()] }),
      errors: [{ messageId: "none", path: "spec.containers[0].securityContext", container: "app" }],
    },
  ],
});
