import { describe, expect, it } from "vitest";
import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester, runRuleOn } from "../../testing/rule-tester.js";
import rule from "./allow-privilege-escalation.js";

const windows = { os: { name: "windows" } };

ruleTester(rule, {
  valid: [
    { name: "false on the container", manifest: pod({ containers: [withSc({ allowPrivilegeEscalation: false })] }) },
    {
      name: "false on every container type",
      manifest: pod({
        initContainers: [withSc({ allowPrivilegeEscalation: false }, "init")],
        containers: [withSc({ allowPrivilegeEscalation: false })],
        ephemeralContainers: [withSc({ allowPrivilegeEscalation: false }, "debug")],
      }),
    },
    { name: "Windows pod is exempt from 1.25", manifest: pod({ ...windows, containers: [container()] }), kubeVersion: "1.25" },
    { name: "Windows pod is exempt on the default version", manifest: pod({ ...windows, containers: [container()] }) },
    { name: "Deployment with false", manifest: deployment({ containers: [withSc({ allowPrivilegeEscalation: false })] }) },
    { name: "allowPrivilegeEscalation: no (YAML 1.1 false)", manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      allowPrivilegeEscalation: no\n" },
    { name: "a ConfigMap is not a workload", manifest: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "b" } } },
  ],
  invalid: [
    {
      name: "unset",
      manifest: pod({ containers: [container()] }),
      errors: [{ messageId: "notSet", path: "spec.containers[0].securityContext.allowPrivilegeEscalation", container: "app" }],
    },
    {
      name: "explicit true, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      allowPrivilegeEscalation: true\n",
      errors: [{ messageId: "allowed", path: "spec.containers[0].securityContext.allowPrivilegeEscalation", container: "a", line: 10, column: 33 }],
    },
    {
      name: "quoted \"false\" is not the boolean false",
      manifest: pod({ containers: [withSc({ allowPrivilegeEscalation: "false" })] }),
      errors: [{ messageId: "allowed", path: "spec.containers[0].securityContext.allowPrivilegeEscalation", container: "app" }],
    },
    {
      name: "a pod-level value does not count (the field is container-only)",
      manifest: pod({ securityContext: { allowPrivilegeEscalation: false }, containers: [container()] }),
      errors: [{ messageId: "notSet", path: "spec.containers[0].securityContext.allowPrivilegeEscalation", container: "app" }],
    },
    {
      name: "init and ephemeral containers are checked",
      manifest: pod({
        initContainers: [container({}, "init")],
        containers: [withSc({ allowPrivilegeEscalation: false })],
        ephemeralContainers: [withSc({ allowPrivilegeEscalation: true }, "debug")],
      }),
      errors: [
        { messageId: "notSet", path: "spec.initContainers[0].securityContext.allowPrivilegeEscalation", container: "init" },
        { messageId: "allowed", path: "spec.ephemeralContainers[0].securityContext.allowPrivilegeEscalation", container: "debug" },
      ],
    },
    {
      name: "Windows pod before 1.25 is not exempt",
      manifest: pod({ ...windows, containers: [container()] }),
      kubeVersion: "1.24",
      errors: [{ messageId: "notSet", path: "spec.containers[0].securityContext.allowPrivilegeEscalation", container: "app" }],
    },
    {
      name: "os linux is not exempt",
      manifest: pod({ os: { name: "linux" }, containers: [container()] }),
      errors: [{ messageId: "notSet", path: "spec.containers[0].securityContext.allowPrivilegeEscalation", container: "app" }],
    },
    {
      name: "hostUsers false changes nothing",
      manifest: pod({ hostUsers: false, containers: [container()] }),
      errors: [{ messageId: "notSet", path: "spec.containers[0].securityContext.allowPrivilegeEscalation", container: "app" }],
    },
    {
      name: "Deployment",
      manifest: deployment({ containers: [withSc({ allowPrivilegeEscalation: true })] }),
      errors: [{ messageId: "allowed", path: "spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation", container: "app" }],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [container()] }),
      errors: [{ messageId: "notSet", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation", container: "app" }],
    },
  ],
});

describe("allow-privilege-escalation fixes", () => {
  it("offers an unsafe fix setting false", () => {
    const [f] = runRuleOn(rule, { name: "x", manifest: pod({ containers: [container()] }) });
    expect(f?.fix?.safety).toBe("unsafe");
    expect(f?.fix?.ops).toEqual([{ op: "set", path: ["spec", "containers", 0, "securityContext", "allowPrivilegeEscalation"], value: false }]);
  });
  it("offers no fix where false would be invalid (privileged or SYS_ADMIN)", () => {
    const found = runRuleOn(rule, {
      name: "x",
      manifest: pod({
        containers: [withSc({ privileged: true }, "a"), withSc({ capabilities: { add: ["CAP_SYS_ADMIN"] } }, "b"), withSc({ capabilities: { add: ["NET_ADMIN"] } }, "c")],
      }),
    });
    expect(found.map((f) => [f.container, f.fix !== undefined])).toEqual([["a", false], ["b", false], ["c", true]]);
  });
});
