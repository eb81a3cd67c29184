import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./run-as-high-uid.js";

ruleTester(rule, {
  valid: [
    { name: "pod-level high UID inherited", manifest: pod({ securityContext: { runAsUser: 10001 }, containers: [container(), container({}, "b")] }) },
    { name: "container-level high UID", manifest: pod({ containers: [withSc({ runAsUser: 20000 })] }) },
    { name: "a low pod value that every container overrides applies to none", manifest: pod({ securityContext: { runAsUser: 1000 }, containers: [withSc({ runAsUser: 10001 })] }) },
    { name: "Windows pods have no numeric UIDs", manifest: pod({ os: { name: "windows" }, containers: [container()] }) },
    { name: "a user namespace maps UIDs away from the node's", manifest: pod({ hostUsers: false, containers: [withSc({ runAsUser: 1000 })] }) },
    { name: "the threshold is a parameter", manifest: pod({ containers: [withSc({ runAsUser: 1001 })] }), params: { minUid: 1000 } },
    { name: "a non-numeric value is left alone", manifest: pod({ containers: [withSc({ runAsUser: "nobody" })] }) },
  ],
  invalid: [
    {
      name: "container-level low UID, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      runAsUser: 1000\n",
      errors: [{ messageId: "containerLow", path: "spec.containers[0].securityContext.runAsUser", container: "a", line: 10 }],
    },
    {
      name: "10000 itself is not above the threshold",
      manifest: pod({ containers: [withSc({ runAsUser: 10000 })] }),
      errors: [{ messageId: "containerLow", path: "spec.containers[0].securityContext.runAsUser", container: "app" }],
    },
    {
      name: "a low pod value is reported once for all the containers that inherit it",
      manifest: pod({ securityContext: { runAsUser: 1000 }, containers: [container({}, "a"), container({}, "b")] }),
      errors: [{ messageId: "podLow", path: "spec.securityContext.runAsUser" }],
    },
    {
      name: "unset: the image decides",
      manifest: deployment({ containers: [container()] }),
      errors: [{ messageId: "unset", path: "spec.template.spec.containers[0].securityContext.runAsUser", container: "app" }],
    },
    {
      name: "unset with runAsNonRoot: not root, but not proven high either",
      manifest: pod({ securityContext: { runAsNonRoot: true }, containers: [container()] }),
      errors: [{ messageId: "unsetNonRoot", path: "spec.containers[0].securityContext.runAsUser", container: "app" }],
    },
    {
      name: "init and ephemeral containers, and root",
      manifest: pod({
        securityContext: { runAsUser: 10001 },
        initContainers: [withSc({ runAsUser: 0 }, "init")],
        containers: [container()],
        ephemeralContainers: [withSc({ runAsUser: 999 }, "debug")],
      }),
      errors: [
        { messageId: "containerLow", path: "spec.initContainers[0].securityContext.runAsUser", container: "init" },
        { messageId: "containerLow", path: "spec.ephemeralContainers[0].securityContext.runAsUser", container: "debug" },
      ],
    },
    {
      name: "CronJob with a quoted numeric UID",
      manifest: cronJob({ containers: [withSc({ runAsUser: "1000" })] }),
      errors: [{ messageId: "containerLow", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.runAsUser", container: "app" }],
    },
  ],
});
