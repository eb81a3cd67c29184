import { describe, expect, it } from "vitest";
import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester, runRuleOn } from "../../testing/rule-tester.js";
import rule from "./run-as-root-user.js";

ruleTester(rule, {
  valid: [
    { name: "runAsUser unset", manifest: pod({ containers: [container()] }) },
    { name: "non-zero at both levels", manifest: pod({ securityContext: { runAsUser: 1000 }, containers: [withSc({ runAsUser: 2000 })] }) },
    { name: "runAsNonRoot false alone is run-as-non-root's business", manifest: pod({ securityContext: { runAsNonRoot: false }, containers: [container()] }) },
    { name: "hostUsers false skips the check from 1.35", manifest: pod({ hostUsers: false, securityContext: { runAsUser: 0 }, containers: [withSc({ runAsUser: 0 })] }) },
    { name: "not checked before policy version 1.23", manifest: pod({ securityContext: { runAsUser: 0 }, containers: [container()] }), kubeVersion: "1.22" },
  ],
  invalid: [
    {
      name: "container runAsUser 0, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      runAsUser: 0\n",
      errors: [{ messageId: "containerRoot", path: "spec.containers[0].securityContext.runAsUser", container: "a", line: 10, column: 18 }],
    },
    {
      name: "pod runAsUser 0 is reported once, not per inheriting container",
      manifest: pod({ securityContext: { runAsUser: 0 }, containers: [container({}, "a"), container({}, "b")] }),
      errors: [{ messageId: "podRoot", path: "spec.securityContext.runAsUser" }],
    },
    {
      name: "pod runAsUser 0 is forbidden even when every container overrides it",
      manifest: pod({ securityContext: { runAsUser: 0 }, containers: [withSc({ runAsUser: 1000 })] }),
      errors: [{ messageId: "podRoot", path: "spec.securityContext.runAsUser" }],
    },
    {
      name: "container 0 overriding a non-root pod",
      manifest: pod({ securityContext: { runAsUser: 1000 }, containers: [container({}, "ok"), withSc({ runAsUser: 0 }, "root")] }),
      errors: [{ messageId: "containerRoot", path: "spec.containers[1].securityContext.runAsUser", container: "root" }],
    },
    {
      name: "runAsUser 0 next to container runAsNonRoot true: the kubelet refuses to start it",
      manifest: pod({ containers: [withSc({ runAsUser: 0, runAsNonRoot: true })] }),
      errors: [{ messageId: "containerRootBlocked", path: "spec.containers[0].securityContext.runAsUser", container: "app" }],
    },
    {
      name: "container runAsUser 0 with runAsNonRoot true inherited from the pod",
      manifest: pod({ securityContext: { runAsNonRoot: true }, containers: [withSc({ runAsUser: 0 })] }),
      errors: [{ messageId: "containerRootBlocked", path: "spec.containers[0].securityContext.runAsUser", container: "app" }],
    },
    {
      name: "pod runAsUser 0 and pod runAsNonRoot true",
      manifest: pod({ securityContext: { runAsUser: 0, runAsNonRoot: true }, containers: [container()] }),
      errors: [{ messageId: "podRootBlocked", path: "spec.securityContext.runAsUser" }],
    },
    {
      name: "pod 0 with runAsNonRoot true, but one container opts out of runAsNonRoot and really runs as root",
      manifest: pod({ securityContext: { runAsUser: 0, runAsNonRoot: true }, containers: [container({}, "a"), withSc({ runAsNonRoot: false }, "b")] }),
      errors: [{ messageId: "podRoot", path: "spec.securityContext.runAsUser" }],
    },
    {
      name: "init and ephemeral containers",
      manifest: pod({ initContainers: [withSc({ runAsUser: 0 }, "init")], containers: [container()], ephemeralContainers: [withSc({ runAsUser: 0 }, "debug")] }),
      errors: [
        { messageId: "containerRoot", path: "spec.initContainers[0].securityContext.runAsUser", container: "init" },
        { messageId: "containerRoot", path: "spec.ephemeralContainers[0].securityContext.runAsUser", container: "debug" },
      ],
    },
    {
      name: "quoted \"0\" counts as 0",
      manifest: pod({ containers: [withSc({ runAsUser: "0" })] }),
      errors: [{ messageId: "containerRoot", path: "spec.containers[0].securityContext.runAsUser", container: "app" }],
    },
    {
      name: "hostUsers false is not relaxed before 1.35",
      manifest: pod({ hostUsers: false, containers: [withSc({ runAsUser: 0 })] }),
      kubeVersion: "1.34",
      errors: [{ messageId: "containerRoot", path: "spec.containers[0].securityContext.runAsUser", container: "app" }],
    },
    {
      name: "checked from 1.23",
      manifest: pod({ securityContext: { runAsUser: 0 }, containers: [container()] }),
      kubeVersion: "1.23",
      errors: [{ messageId: "podRoot", path: "spec.securityContext.runAsUser" }],
    },
    {
      name: "Deployment",
      manifest: deployment({ securityContext: { runAsUser: 0 }, containers: [container()] }),
      errors: [{ messageId: "podRoot", path: "spec.template.spec.securityContext.runAsUser" }],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [withSc({ runAsUser: 0 })] }),
      errors: [{ messageId: "containerRoot", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.runAsUser", container: "app" }],
    },
  ],
});

describe("run-as-root-user fixes", () => {
  it("removes the 0 safely when the container cannot start anyway", () => {
    const [f] = runRuleOn(rule, { name: "x", manifest: pod({ containers: [withSc({ runAsUser: 0, runAsNonRoot: true })] }) });
    expect(f?.fix?.safety).toBe("safe");
    expect(f?.fix?.ops).toEqual([{ op: "remove", path: ["spec", "containers", 0, "securityContext", "runAsUser"] }]);
  });
  it("sets a non-root UID, unsafe, otherwise", () => {
    const [f] = runRuleOn(rule, { name: "x", manifest: pod({ containers: [withSc({ runAsUser: 0 })] }) });
    expect(f?.fix?.safety).toBe("unsafe");
    expect(f?.fix?.ops).toEqual([{ op: "set", path: ["spec", "containers", 0, "securityContext", "runAsUser"], value: 10001 }]);
  });
});
