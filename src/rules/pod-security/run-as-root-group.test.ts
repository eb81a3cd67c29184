import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./run-as-root-group.js";

ruleTester(rule, {
  valid: [
    { name: "nothing set (the image decides)", manifest: pod({ containers: [container()] }) },
    { name: "non-zero groups everywhere", manifest: pod({ securityContext: { runAsGroup: 1000, fsGroup: 2000, supplementalGroups: [3000] }, containers: [withSc({ runAsGroup: 4000 })] }) },
    { name: "runAsUser 0 is not this rule's business", manifest: pod({ containers: [withSc({ runAsUser: 0 })] }) },
    { name: "a Windows pod is skipped", manifest: pod({ os: { name: "windows" }, securityContext: { runAsGroup: 0 }, containers: [container()] }) },
    { name: "supplementalGroups of the wrong type without 0", manifest: pod({ securityContext: { supplementalGroups: "x" }, containers: [container()] }) },
    { name: "a non-numeric runAsGroup is left alone", manifest: pod({ containers: [withSc({ runAsGroup: "root" })] }) },
  ],
  invalid: [
    {
      name: "pod-level runAsGroup 0, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsGroup: 0\n  containers:\n  - name: a\n    image: x\n",
      errors: [{ messageId: "podRunAsGroup", path: "spec.securityContext.runAsGroup", line: 7 }],
    },
    {
      name: "pod-level 0 is reported even when every container overrides it",
      manifest: pod({ securityContext: { runAsGroup: 0 }, containers: [withSc({ runAsGroup: 1000 })] }),
      errors: [{ messageId: "podRunAsGroup", path: "spec.securityContext.runAsGroup" }],
    },
    {
      name: "container-level 0 overriding a non-zero pod value",
      manifest: pod({ securityContext: { runAsGroup: 1000 }, containers: [container({}, "ok"), withSc({ runAsGroup: 0 }, "bad")] }),
      errors: [{ messageId: "containerRunAsGroup", path: "spec.containers[1].securityContext.runAsGroup", container: "bad" }],
    },
    {
      name: "fsGroup and a supplemental group 0",
      manifest: pod({ securityContext: { fsGroup: 0, supplementalGroups: [1000, 0] }, containers: [container()] }),
      errors: [
        { messageId: "fsGroup", path: "spec.securityContext.fsGroup" },
        { messageId: "supplementalGroup", path: "spec.securityContext.supplementalGroups[1]" },
      ],
    },
    {
      name: "supplementalGroups written as a single number",
      manifest: pod({ securityContext: { supplementalGroups: 0 }, containers: [container()] }),
      errors: [{ messageId: "supplementalGroup", path: "spec.securityContext.supplementalGroups" }],
    },
    {
      name: "init and ephemeral containers in a Deployment",
      manifest: deployment({
        initContainers: [withSc({ runAsGroup: 0 }, "init")],
        containers: [container()],
        ephemeralContainers: [withSc({ runAsGroup: "0" }, "debug")],
      }),
      errors: [
        { messageId: "containerRunAsGroup", path: "spec.template.spec.initContainers[0].securityContext.runAsGroup", container: "init" },
        { messageId: "containerRunAsGroup", path: "spec.template.spec.ephemeralContainers[0].securityContext.runAsGroup", container: "debug" },
      ],
    },
    {
      name: "CronJob (kube-linter's group-zero case)",
      manifest: cronJob({ containers: [withSc({ runAsUser: 1001, runAsGroup: 0 })] }),
      errors: [{ messageId: "containerRunAsGroup", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.runAsGroup", container: "app" }],
    },
  ],
});
