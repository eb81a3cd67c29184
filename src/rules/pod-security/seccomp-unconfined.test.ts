import { describe, expect, it } from "vitest";
import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester, runRuleOn } from "../../testing/rule-tester.js";
import rule from "./seccomp-unconfined.js";

const unconfined = { seccompProfile: { type: "Unconfined" } };
const runtimeDefault = { seccompProfile: { type: "RuntimeDefault" } };

ruleTester(rule, {
  valid: [
    { name: "unset everywhere (baseline allows it)", manifest: pod({ containers: [container()] }) },
    { name: "RuntimeDefault at pod level", manifest: pod({ securityContext: runtimeDefault, containers: [container()] }) },
    { name: "Localhost on a container", manifest: pod({ containers: [withSc({ seccompProfile: { type: "Localhost", localhostProfile: "p.json" } })] }) },
    {
      name: "legacy annotations are ignored from 1.19",
      manifest: pod({ containers: [container()] }, { annotations: { "seccomp.security.alpha.kubernetes.io/pod": "unconfined" } }),
    },
    {
      name: "legacy annotations with allowed values before 1.19",
      manifest: pod({ containers: [container()] }, {
        annotations: { "seccomp.security.alpha.kubernetes.io/pod": "docker/default", "container.seccomp.security.alpha.kubernetes.io/app": "localhost/p.json" },
      }),
      kubeVersion: "1.18",
    },
    {
      name: "before 1.19 the fields are not checked",
      manifest: pod({ securityContext: unconfined, containers: [container()] }),
      kubeVersion: "1.18",
    },
    {
      name: "annotation for a container that does not exist is not checked",
      manifest: pod({ containers: [container()] }, { annotations: { "container.seccomp.security.alpha.kubernetes.io/other": "unconfined" } }),
      kubeVersion: "1.18",
    },
  ],
  invalid: [
    {
      name: "pod-level Unconfined, reported once, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    seccompProfile:\n      type: Unconfined\n  containers:\n  - name: a\n    image: x\n  - name: b\n    image: x\n",
      errors: [{ messageId: "podUnconfined", path: "spec.securityContext.seccompProfile.type", line: 8, column: 13 }],
    },
    {
      name: "pod-level Unconfined is forbidden even when every container overrides it",
      manifest: pod({ securityContext: unconfined, containers: [withSc(runtimeDefault)] }),
      errors: [{ messageId: "podUnconfined", path: "spec.securityContext.seccompProfile.type" }],
    },
    {
      name: "container Unconfined overriding a RuntimeDefault pod",
      manifest: pod({ securityContext: runtimeDefault, containers: [container({}, "ok"), withSc(unconfined, "bad")] }),
      errors: [{ messageId: "containerUnconfined", path: "spec.containers[1].securityContext.seccompProfile.type", container: "bad" }],
    },
    {
      name: "init and ephemeral containers",
      manifest: pod({ initContainers: [withSc(unconfined, "init")], containers: [container()], ephemeralContainers: [withSc(unconfined, "debug")] }),
      errors: [
        { messageId: "containerUnconfined", path: "spec.initContainers[0].securityContext.seccompProfile.type", container: "init" },
        { messageId: "containerUnconfined", path: "spec.ephemeralContainers[0].securityContext.seccompProfile.type", container: "debug" },
      ],
    },
    {
      name: "a type that is not RuntimeDefault or Localhost (wrong case)",
      manifest: pod({ containers: [withSc({ seccompProfile: { type: "runtime/default" } })] }),
      errors: [{ messageId: "containerInvalid", path: "spec.containers[0].securityContext.seccompProfile.type", container: "app" }],
    },
    {
      name: "a profile without a type",
      manifest: pod({ securityContext: { seccompProfile: { localhostProfile: "p.json" } }, containers: [container()] }),
      errors: [{ messageId: "podInvalid", path: "spec.securityContext.seccompProfile" }],
    },
    {
      name: "Windows pods are not exempt from the baseline control",
      manifest: pod({ os: { name: "windows" }, securityContext: unconfined, containers: [container()] }),
      errors: [{ messageId: "podUnconfined", path: "spec.securityContext.seccompProfile.type" }],
    },
    {
      name: "legacy annotations before 1.19",
      manifest: pod({ containers: [container()] }, {
        annotations: { "seccomp.security.alpha.kubernetes.io/pod": "unconfined", "container.seccomp.security.alpha.kubernetes.io/app": "" },
      }),
      kubeVersion: "1.18",
      errors: [
        { messageId: "annotation", path: 'metadata.annotations["seccomp.security.alpha.kubernetes.io/pod"]' },
        { messageId: "annotation", path: 'metadata.annotations["container.seccomp.security.alpha.kubernetes.io/app"]', container: "app" },
      ],
    },
    {
      name: "Deployment",
      manifest: deployment({ containers: [withSc(unconfined)] }),
      errors: [{ messageId: "containerUnconfined", path: "spec.template.spec.containers[0].securityContext.seccompProfile.type", container: "app" }],
    },
    {
      name: "CronJob",
      manifest: cronJob({ securityContext: unconfined, containers: [container()] }),
      errors: [{ messageId: "podUnconfined", path: "spec.jobTemplate.spec.template.spec.securityContext.seccompProfile.type" }],
    },
  ],
});

describe("seccomp-unconfined fixes", () => {
  it("replaces the whole profile with RuntimeDefault, unsafe", () => {
    const [f] = runRuleOn(rule, { name: "x", manifest: pod({ containers: [withSc({ seccompProfile: { type: "Unconfined", localhostProfile: "x" } })] }) });
    expect(f?.fix?.safety).toBe("unsafe");
    expect(f?.fix?.ops).toEqual([{ op: "set", path: ["spec", "containers", 0, "securityContext", "seccompProfile"], value: { type: "RuntimeDefault" } }]);
  });
});
