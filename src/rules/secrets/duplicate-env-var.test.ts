import { describe, expect, it } from "vitest";
import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { runRuleOn, ruleTester } from "../../testing/rule-tester.js";
import rule from "./duplicate-env-var.js";

ruleTester(rule, {
  valid: [
    { name: "distinct names", manifest: pod({ containers: [container({ env: [{ name: "PORT", value: "8080" }, { name: "HOST", value: "localhost" }] })] }) },
    { name: "same name in two containers", manifest: pod({ containers: [container({ env: [{ name: "PORT", value: "1" }] }), container({ env: [{ name: "PORT", value: "2" }] }, "b")] }) },
    { name: "env overriding envFrom", manifest: pod({ containers: [container({ envFrom: [{ configMapRef: { name: "c" } }], env: [{ name: "PORT", value: "1" }] })] }) },
    { name: "names differing in case", manifest: pod({ containers: [container({ env: [{ name: "port", value: "1" }, { name: "PORT", value: "2" }] })] }) },
    { name: "env of the wrong type", manifest: pod({ containers: [container({ env: "PORT=1" }), container({ env: [null, { name: 1 }, { name: 1 }, { value: "x" }, { value: "y" }] }, "b")] }) },
  ],
  invalid: [
    {
      name: "a duplicate in a Pod",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x:1\n      env:\n        - name: PORT\n          value: \"8080\"\n        - name: PORT\n          value: \"9090\"\n",
      errors: [{ messageId: "duplicate", path: "spec.containers[0].env[1].name", container: "app", line: 12 }],
    },
    {
      name: "value and valueFrom, three times, in init and ephemeral containers",
      manifest: deployment({
        initContainers: [container({ env: [{ name: "A", value: "1" }, { name: "A", valueFrom: { secretKeyRef: { name: "s", key: "a" } } }] }, "init")],
        containers: [container({ env: [{ name: "B", value: "1" }] })],
        ephemeralContainers: [container({ env: [{ name: "C", value: "1" }, { name: "C", value: "2" }, { name: "D", value: "x" }, { name: "C", value: "3" }] }, "debug")],
      }),
      errors: [
        { messageId: "duplicate", path: "spec.template.spec.initContainers[0].env[1].name", container: "init" },
        { messageId: "duplicate", path: "spec.template.spec.ephemeralContainers[0].env[3].name", container: "debug" },
      ],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [container({ env: [{ name: "A", value: "1" }, { name: "A", value: "2" }] })] }),
      errors: [{ messageId: "duplicate", path: "spec.jobTemplate.spec.template.spec.containers[0].env[1].name", container: "app" }],
    },
  ],
});

describe("duplicate-env-var fix", () => {
  it("removes the earlier entries, last index first, and is safe when nothing reads them", () => {
    const [f] = runRuleOn(rule, { name: "x", manifest: pod({ containers: [container({ env: [{ name: "C", value: "1" }, { name: "C", value: "2" }, { name: "D", value: "x" }, { name: "C", value: "3" }] })] }) });
    expect(f?.fix?.ops).toEqual([
      { op: "remove", path: ["spec", "containers", 0, "env", 1] },
      { op: "remove", path: ["spec", "containers", 0, "env", 0] },
    ]);
    expect(f?.fix?.safety).toBe("safe");
  });
  it("is unsafe when an entry in between reads the earlier value", () => {
    const [f] = runRuleOn(rule, { name: "x", manifest: pod({ containers: [container({ env: [{ name: "C", value: "1" }, { name: "D", value: "$(C)-x" }, { name: "C", value: "3" }] })] }) });
    expect(f?.fix?.safety).toBe("unsafe");
  });
});
