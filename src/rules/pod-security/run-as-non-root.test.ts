import { describe, expect, it } from "vitest";
import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester, runRuleOn } from "../../testing/rule-tester.js";
import rule from "./run-as-non-root.js";

ruleTester(rule, {
  valid: [
    { name: "pod-level true covers every container", manifest: pod({ securityContext: { runAsNonRoot: true }, initContainers: [container({}, "init")], containers: [container()], ephemeralContainers: [container({}, "debug")] }) },
    {
      name: "every container sets true, pod unset",
      manifest: pod({ initContainers: [withSc({ runAsNonRoot: true }, "init")], containers: [withSc({ runAsNonRoot: true })] }),
    },
    { name: "container true overrides nothing bad", manifest: pod({ securityContext: { runAsNonRoot: true }, containers: [withSc({ runAsNonRoot: true })] }) },
    {
      name: "runAsUser 0 next to runAsNonRoot true is run-as-root-user's business",
      manifest: pod({ securityContext: { runAsNonRoot: true }, containers: [withSc({ runAsUser: 0 })] }),
    },
    { name: "hostUsers false skips the check from 1.35", manifest: pod({ hostUsers: false, containers: [container()] }), kubeVersion: "1.35" },
    { name: "hostUsers false, pod false, still skipped on 1.36", manifest: pod({ hostUsers: false, securityContext: { runAsNonRoot: false }, containers: [container()] }), kubeVersion: "1.36" },
    { name: "Deployment with pod-level true", manifest: deployment({ securityContext: { runAsNonRoot: true }, containers: [container()] }) },
    { name: "runAsNonRoot: yes (YAML 1.1 true)", manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext:\n    runAsNonRoot: yes\n  containers:\n  - name: a\n    image: x\n" },
  ],
  invalid: [
    {
      name: "nothing set: reported where the container would set it, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n",
      errors: [{ messageId: "notSet", path: "spec.containers[0].securityContext.runAsNonRoot", container: "a", line: 7 }],
    },
    {
      name: "runAsUser non-zero does not replace runAsNonRoot",
      manifest: pod({ securityContext: { runAsUser: 1000 }, containers: [container()] }),
      errors: [{ messageId: "notSet", path: "spec.containers[0].securityContext.runAsNonRoot", container: "app" }],
    },
    {
      name: "pod false is reported once, not per inheriting container",
      manifest: pod({ securityContext: { runAsNonRoot: false }, containers: [container({}, "a"), container({}, "b")] }),
      errors: [{ messageId: "podNotTrue", path: "spec.securityContext.runAsNonRoot" }],
    },
    {
      name: "pod false is forbidden even when every container overrides it",
      manifest: pod({ securityContext: { runAsNonRoot: false }, containers: [withSc({ runAsNonRoot: true })] }),
      errors: [{ messageId: "podNotTrue", path: "spec.securityContext.runAsNonRoot" }],
    },
    {
      name: "container false overrides pod true",
      manifest: pod({ securityContext: { runAsNonRoot: true }, containers: [container({}, "ok"), withSc({ runAsNonRoot: false }, "bad")] }),
      errors: [{ messageId: "containerNotTrue", path: "spec.containers[1].securityContext.runAsNonRoot", container: "bad" }],
    },
    {
      name: "pod false plus a container false: both setters",
      manifest: pod({ securityContext: { runAsNonRoot: false }, containers: [withSc({ runAsNonRoot: false })] }),
      errors: [
        { messageId: "podNotTrue", path: "spec.securityContext.runAsNonRoot" },
        { messageId: "containerNotTrue", path: "spec.containers[0].securityContext.runAsNonRoot", container: "app" },
      ],
    },
    {
      name: "init and ephemeral containers without pod-level true",
      manifest: pod({
        initContainers: [container({}, "init")],
        containers: [withSc({ runAsNonRoot: true })],
        ephemeralContainers: [container({}, "debug")],
      }),
      errors: [
        { messageId: "notSet", path: "spec.initContainers[0].securityContext.runAsNonRoot", container: "init" },
        { messageId: "notSet", path: "spec.ephemeralContainers[0].securityContext.runAsNonRoot", container: "debug" },
      ],
    },
    {
      name: "quoted \"true\" is not the boolean true",
      manifest: pod({ containers: [withSc({ runAsNonRoot: "true" })] }),
      errors: [{ messageId: "containerNotTrue", path: "spec.containers[0].securityContext.runAsNonRoot", container: "app" }],
    },
    {
      name: "hostUsers false is not relaxed before 1.35 (feature gate off by default)",
      manifest: pod({ hostUsers: false, containers: [container()] }),
      kubeVersion: "1.34",
      errors: [{ messageId: "notSet", path: "spec.containers[0].securityContext.runAsNonRoot", container: "app" }],
    },
    {
      name: "hostUsers true is not relaxed",
      manifest: pod({ hostUsers: true, containers: [container()] }),
      errors: [{ messageId: "notSet", path: "spec.containers[0].securityContext.runAsNonRoot", container: "app" }],
    },
    {
      name: "Windows pods are not exempt",
      manifest: pod({ os: { name: "windows" }, containers: [container()] }),
      errors: [{ messageId: "notSet", path: "spec.containers[0].securityContext.runAsNonRoot", container: "app" }],
    },
    {
      name: "Deployment pod-level false",
      manifest: deployment({ securityContext: { runAsNonRoot: false }, containers: [container()] }),
      errors: [{ messageId: "podNotTrue", path: "spec.template.spec.securityContext.runAsNonRoot" }],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [container()] }),
      errors: [{ messageId: "notSet", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.runAsNonRoot", container: "app" }],
    },
  ],
});

describe("run-as-non-root fixes", () => {
  it("sets true where the finding points, unsafe", () => {
    const [f] = runRuleOn(rule, { name: "x", manifest: pod({ securityContext: { runAsNonRoot: false }, containers: [container()] }) });
    expect(f?.fix?.safety).toBe("unsafe");
    expect(f?.fix?.ops).toEqual([{ op: "set", path: ["spec", "securityContext", "runAsNonRoot"], value: true }]);
  });
});
