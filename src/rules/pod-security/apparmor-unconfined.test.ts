import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./apparmor-unconfined.js";

const unconfined = { appArmorProfile: { type: "Unconfined" } };
const runtimeDefault = { appArmorProfile: { type: "RuntimeDefault" } };
const KEY = "container.apparmor.security.beta.kubernetes.io/";

ruleTester(rule, {
  valid: [
    { name: "unset", manifest: pod({ containers: [container()] }) },
    { name: "RuntimeDefault at pod level", manifest: pod({ securityContext: runtimeDefault, containers: [container()] }) },
    { name: "Localhost on a container", manifest: pod({ containers: [withSc({ appArmorProfile: { type: "Localhost", localhostProfile: "k8s-web" } })] }) },
    {
      name: "allowed annotation values",
      manifest: pod({ containers: [container({}, "a"), container({}, "b"), container({}, "c")] }, {
        annotations: { [`${KEY}a`]: "runtime/default", [`${KEY}b`]: "localhost/k8s-web", [`${KEY}c`]: "" },
      }),
    },
    { name: "unrelated annotations", manifest: pod({ containers: [container()] }, { annotations: { "apparmor.example.com/app": "unconfined" } }) },
  ],
  invalid: [
    {
      name: "container Unconfined, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      appArmorProfile:\n        type: Unconfined\n",
      errors: [{ messageId: "containerUnconfined", path: "spec.containers[0].securityContext.appArmorProfile.type", container: "a", line: 11, column: 15 }],
    },
    {
      name: "pod-level Unconfined, reported once",
      manifest: pod({ securityContext: unconfined, containers: [container({}, "a"), container({}, "b")] }),
      errors: [{ messageId: "podUnconfined", path: "spec.securityContext.appArmorProfile.type" }],
    },
    {
      name: "pod-level Unconfined is forbidden even when every container overrides it",
      manifest: pod({ securityContext: unconfined, containers: [withSc(runtimeDefault)] }),
      errors: [{ messageId: "podUnconfined", path: "spec.securityContext.appArmorProfile.type" }],
    },
    {
      name: "init and ephemeral containers",
      manifest: pod({ securityContext: runtimeDefault, initContainers: [withSc(unconfined, "init")], containers: [container()], ephemeralContainers: [withSc(unconfined, "debug")] }),
      errors: [
        { messageId: "containerUnconfined", path: "spec.initContainers[0].securityContext.appArmorProfile.type", container: "init" },
        { messageId: "containerUnconfined", path: "spec.ephemeralContainers[0].securityContext.appArmorProfile.type", container: "debug" },
      ],
    },
    {
      name: "an unknown type",
      manifest: pod({ containers: [withSc({ appArmorProfile: { type: "runtime/default" } })] }),
      errors: [{ messageId: "containerInvalid", path: "spec.containers[0].securityContext.appArmorProfile.type", container: "app" }],
    },
    {
      name: "deprecated annotation unconfined",
      manifest: pod({ containers: [container()] }, { annotations: { [`${KEY}app`]: "unconfined" } }),
      errors: [{ messageId: "annotation", path: 'metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"]', container: "app" }],
    },
    {
      name: "annotation for a container that does not exist is still checked",
      manifest: pod({ containers: [container()] }, { annotations: { [`${KEY}ghost`]: "unconfined" } }),
      errors: [{ messageId: "annotation", path: 'metadata.annotations["container.apparmor.security.beta.kubernetes.io/ghost"]' }],
    },
    {
      name: "Deployment template annotation",
      manifest: deployment({ containers: [container()] }, { annotations: { [`${KEY}app`]: "unconfined" } }),
      errors: [{ messageId: "annotation", path: 'spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"]', container: "app" }],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [withSc(unconfined)] }),
      errors: [{ messageId: "containerUnconfined", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.appArmorProfile.type", container: "app" }],
    },
    {
      name: "checked on every version (old cluster)",
      manifest: pod({ securityContext: unconfined, containers: [container()] }),
      kubeVersion: "1.25",
      errors: [{ messageId: "podUnconfined", path: "spec.securityContext.appArmorProfile.type" }],
    },
  ],
});
