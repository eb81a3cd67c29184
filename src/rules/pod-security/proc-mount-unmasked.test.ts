import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./proc-mount-unmasked.js";

ruleTester(rule, {
  valid: [
    { name: "unset", manifest: pod({ containers: [container()] }) },
    { name: "Default", manifest: pod({ initContainers: [withSc({ procMount: "Default" }, "init")], containers: [withSc({ procMount: "Default" })] }) },
    { name: "hostUsers false relaxes the baseline check from 1.35", manifest: pod({ hostUsers: false, containers: [withSc({ procMount: "Unmasked" })] }), kubeVersion: "1.35" },
    { name: "pod-level procMount is not a field (container-only)", manifest: pod({ securityContext: { procMount: "Unmasked" }, containers: [container()] }) },
  ],
  invalid: [
    {
      name: "Unmasked, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      procMount: Unmasked\n",
      errors: [{ messageId: "unmasked", path: "spec.containers[0].securityContext.procMount", container: "a", line: 10, column: 18 }],
    },
    {
      name: "any value other than Default",
      manifest: pod({ containers: [withSc({ procMount: "default" })] }),
      errors: [{ messageId: "other", path: "spec.containers[0].securityContext.procMount", container: "app" }],
    },
    {
      name: "init and ephemeral containers",
      manifest: pod({ initContainers: [withSc({ procMount: "Unmasked" }, "init")], containers: [container()], ephemeralContainers: [withSc({ procMount: "Unmasked" }, "debug")] }),
      errors: [
        { messageId: "unmasked", path: "spec.initContainers[0].securityContext.procMount", container: "init" },
        { messageId: "unmasked", path: "spec.ephemeralContainers[0].securityContext.procMount", container: "debug" },
      ],
    },
    {
      name: "hostUsers false before 1.35 is not relaxed",
      manifest: pod({ hostUsers: false, containers: [withSc({ procMount: "Unmasked" })] }),
      kubeVersion: "1.34",
      errors: [{ messageId: "unmasked", path: "spec.containers[0].securityContext.procMount", container: "app" }],
    },
    {
      name: "hostUsers true is not relaxed",
      manifest: pod({ hostUsers: true, containers: [withSc({ procMount: "Unmasked" })] }),
      errors: [{ messageId: "unmasked", path: "spec.containers[0].securityContext.procMount", container: "app" }],
    },
    {
      name: "Deployment",
      manifest: deployment({ containers: [withSc({ procMount: "Unmasked" })] }),
      errors: [{ messageId: "unmasked", path: "spec.template.spec.containers[0].securityContext.procMount", container: "app" }],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [withSc({ procMount: "Unmasked" })] }),
      errors: [{ messageId: "unmasked", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.procMount", container: "app" }],
    },
  ],
});
