import { container, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./run-as-high-gid.js";

ruleTester(rule, {
  valid: [
    { name: "pod-level high GID inherited", manifest: pod({ securityContext: { runAsGroup: 10001 }, containers: [container()] }) },
    { name: "fsGroup and supplementalGroups are not judged against the threshold", manifest: pod({ securityContext: { runAsGroup: 10001, fsGroup: 2000, supplementalGroups: [3] }, containers: [container()] }) },
    { name: "Windows pod", manifest: pod({ os: { name: "windows" }, containers: [container()] }) },
    { name: "user namespace", manifest: pod({ hostUsers: false, containers: [container()] }) },
    { name: "threshold parameter", manifest: pod({ containers: [withSc({ runAsGroup: 5001 })] }), params: { minGid: 5000 } },
  ],
  invalid: [
    {
      name: "pod-level low GID, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsGroup: 1000\n  containers:\n  - name: a\n    image: x\n",
      errors: [{ messageId: "podLow", path: "spec.securityContext.runAsGroup", line: 7 }],
    },
    {
      name: "unset in a Deployment",
      manifest: deployment({ securityContext: { runAsUser: 10001 }, containers: [container()] }),
      errors: [{ messageId: "unset", path: "spec.template.spec.containers[0].securityContext.runAsGroup", container: "app" }],
    },
    {
      name: "unset with runAsNonRoot",
      manifest: pod({ securityContext: { runAsNonRoot: true }, containers: [container()] }),
      errors: [{ messageId: "unsetNonRoot", path: "spec.containers[0].securityContext.runAsGroup", container: "app" }],
    },
    {
      name: "a container overriding a high pod value with group 0",
      manifest: pod({ securityContext: { runAsGroup: 10001 }, initContainers: [withSc({ runAsGroup: 0 }, "init")], containers: [container()] }),
      errors: [{ messageId: "containerLow", path: "spec.initContainers[0].securityContext.runAsGroup", container: "init" }],
    },
  ],
});
