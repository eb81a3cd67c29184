import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./seccomp-profile-missing.js";

const runtimeDefault = { seccompProfile: { type: "RuntimeDefault" } };
const localhost = { seccompProfile: { type: "Localhost", localhostProfile: "p.json" } };

ruleTester(rule, {
  valid: [
    {
      name: "pod-level RuntimeDefault covers every container type",
      manifest: pod({ securityContext: runtimeDefault, initContainers: [container({}, "init")], containers: [container()], ephemeralContainers: [container({}, "debug")] }),
    },
    { name: "every container sets its own", manifest: pod({ initContainers: [withSc(localhost, "init")], containers: [withSc(runtimeDefault)] }) },
    { name: "explicit Unconfined is left to seccomp-unconfined", manifest: pod({ containers: [withSc({ seccompProfile: { type: "Unconfined" } })] }) },
    { name: "pod-level Unconfined inherited is left to seccomp-unconfined", manifest: pod({ securityContext: { seccompProfile: { type: "Unconfined" } }, containers: [container()] }) },
    { name: "Windows pods are exempt from 1.25", manifest: pod({ os: { name: "windows" }, containers: [container()] }), kubeVersion: "1.25" },
    { name: "not checked before 1.19", manifest: pod({ containers: [container()] }), kubeVersion: "1.18" },
    { name: "empty allowedTypes means not configured", manifest: pod({ containers: [container()] }), params: { allowedTypes: [] } },
    { name: "Deployment with pod-level Localhost", manifest: deployment({ securityContext: localhost, containers: [container()] }) },
  ],
  invalid: [
    {
      name: "nothing set, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      runAsNonRoot: true\n",
      errors: [{ messageId: "missing", path: "spec.containers[0].securityContext.seccompProfile", container: "a", line: 10 }],
    },
    {
      name: "one container without, the other with",
      manifest: pod({ containers: [withSc(runtimeDefault, "ok"), container({}, "bare")] }),
      errors: [{ messageId: "missing", path: "spec.containers[1].securityContext.seccompProfile", container: "bare" }],
    },
    {
      name: "init and ephemeral containers without a pod-level profile",
      manifest: pod({ initContainers: [container({}, "init")], containers: [withSc(runtimeDefault)], ephemeralContainers: [container({}, "debug")] }),
      errors: [
        { messageId: "missing", path: "spec.initContainers[0].securityContext.seccompProfile", container: "init" },
        { messageId: "missing", path: "spec.ephemeralContainers[0].securityContext.seccompProfile", container: "debug" },
      ],
    },
    {
      name: "a null profile is unset",
      manifest: pod({ securityContext: { seccompProfile: null }, containers: [container()] }),
      errors: [{ messageId: "missing", path: "spec.containers[0].securityContext.seccompProfile", container: "app" }],
    },
    {
      name: "Windows pods before 1.25 are not exempt",
      manifest: pod({ os: { name: "windows" }, containers: [container()] }),
      kubeVersion: "1.24",
      errors: [{ messageId: "missing", path: "spec.containers[0].securityContext.seccompProfile", container: "app" }],
    },
    {
      name: "allowedTypes narrowed to Localhost: a pod-level RuntimeDefault is reported once",
      manifest: pod({ securityContext: runtimeDefault, containers: [container({}, "a"), container({}, "b")] }),
      params: { allowedTypes: ["Localhost"] },
      errors: [{ messageId: "podNotAllowed", path: "spec.securityContext.seccompProfile.type" }],
    },
    {
      name: "allowedTypes narrowed to Localhost: a container RuntimeDefault",
      manifest: pod({ securityContext: localhost, containers: [withSc(runtimeDefault)] }),
      params: { allowedTypes: ["Localhost"] },
      errors: [{ messageId: "containerNotAllowed", path: "spec.containers[0].securityContext.seccompProfile.type", container: "app" }],
    },
    {
      name: "hostUsers false changes nothing",
      manifest: pod({ hostUsers: false, containers: [container()] }),
      errors: [{ messageId: "missing", path: "spec.containers[0].securityContext.seccompProfile", container: "app" }],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [container()] }),
      errors: [{ messageId: "missing", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.seccompProfile", container: "app" }],
    },
  ],
});
