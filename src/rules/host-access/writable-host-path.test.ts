import { describe, expect, it } from "vitest";
import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester, runRuleOn } from "../../testing/rule-tester.js";
import rule from "./writable-host-path.js";

const mount = (name: string, extra: object = {}) => ({ name, mountPath: `/mnt/${name}`, ...extra });
const app = (mounts: unknown, name = "app") => container({ volumeMounts: mounts }, name);
const hp = { name: "host", hostPath: { path: "/var/log" } };

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "no volumes", manifest: pod({ containers: [container()] }) },
    { name: "hostPath mounted read-only", manifest: pod({ containers: [app([mount("host", { readOnly: true })])], volumes: [hp] }) },
    { name: "hostPath volume mounted by no container", manifest: pod({ containers: [container()], volumes: [hp] }) },
    { name: "writable mount of an emptyDir", manifest: pod({ containers: [app([mount("scratch")])], volumes: [{ name: "scratch", emptyDir: {} }] }) },
    { name: "YAML 1.1 readOnly: yes is true", manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    volumeMounts:\n    - {name: host, mountPath: /h, readOnly: yes}\n  volumes:\n  - name: host\n    hostPath: {path: /var/log}\n" },
    { name: "volumeMounts is a string (wrong type)", manifest: pod({ containers: [app("host")], volumes: [hp] }) },
    { name: "hostPath: null volume is not a hostPath", manifest: pod({ containers: [app([mount("host")])], volumes: [{ name: "host", hostPath: null }] }) },
  ],
  invalid: [
    {
      name: "example insecure",
      manifest: rule.example!.insecure,
      errors: [{ messageId: "writable", path: "spec.containers[0].volumeMounts[0].readOnly", container: "reader", line: 10 }],
    },
    {
      name: "readOnly false",
      manifest: pod({ containers: [app([mount("host", { readOnly: false })])], volumes: [hp] }),
      errors: [{ messageId: "writable", path: "spec.containers[0].volumeMounts[0].readOnly", container: "app" }],
    },
    {
      name: "quoted \"true\" is not the boolean true",
      manifest: pod({ containers: [app([mount("host", { readOnly: "true" })])], volumes: [hp] }),
      errors: [{ messageId: "writable", path: "spec.containers[0].volumeMounts[0].readOnly", container: "app" }],
    },
    {
      name: "once per writable mount, only the writable ones",
      manifest: pod({
        containers: [
          app([mount("scratch"), mount("host", { readOnly: true }), mount("host", { mountPath: "/again", subPath: "x" })], "a"),
          app([mount("host")], "b"),
        ],
        volumes: [{ name: "scratch", emptyDir: {} }, hp],
      }),
      errors: [
        { messageId: "writable", path: "spec.containers[0].volumeMounts[2].readOnly", container: "a" },
        { messageId: "writable", path: "spec.containers[1].volumeMounts[0].readOnly", container: "b" },
      ],
    },
    {
      name: "init and ephemeral containers of a Deployment",
      manifest: deployment({
        initContainers: [app([mount("host")], "init")],
        containers: [app([mount("host", { readOnly: true })])],
        ephemeralContainers: [app([mount("host")], "debug")],
        volumes: [hp],
      }),
      errors: [
        { messageId: "writable", path: "spec.template.spec.initContainers[0].volumeMounts[0].readOnly", container: "init" },
        { messageId: "writable", path: "spec.template.spec.ephemeralContainers[0].volumeMounts[0].readOnly", container: "debug" },
      ],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [app([mount("host")])], volumes: [hp] }),
      errors: [{ messageId: "writable", path: "spec.jobTemplate.spec.template.spec.containers[0].volumeMounts[0].readOnly", container: "app" }],
    },
    {
      name: "Windows pod",
      manifest: pod({ os: { name: "windows" }, containers: [app([mount("host")])], volumes: [{ name: "host", hostPath: { path: "C:\\logs" } }] }),
      errors: [{ messageId: "writable", path: "spec.containers[0].volumeMounts[0].readOnly", container: "app" }],
    },
  ],
});

describe("writable-host-path fix", () => {
  it("sets readOnly: true on the mount, as an unsafe fix", () => {
    const [f] = runRuleOn(rule, { name: "fix", manifest: pod({ containers: [app([mount("host")])], volumes: [hp] }) });
    expect(f?.fix?.ops).toEqual([{ op: "set", path: ["spec", "containers", 0, "volumeMounts", 0, "readOnly"], value: true }]);
    expect(f?.fix?.safety).toBe("unsafe");
  });
});
