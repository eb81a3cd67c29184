import { describe, expect, it } from "vitest";
import { UsageError } from "../engine/errors.js";
import { tempTree } from "../testing/cli.js";
import { runSuite } from "./suite.js";

const RULE = `apiVersion: shipshape.io/v1alpha1
kind: CustomRule
metadata:
  name: owner
spec:
  severity: high
  matchConstraints:
    kinds: [workloads]
  validations:
    - expression: '"owner" in object.metadata.?labels.orValue({})'
      message: no owner label
    - expression: object.spec.?priority.orValue(0) >= 0
      message: negative priority
`;
const pod = (labels = "{}") => `{apiVersion: v1, kind: Pod, metadata: {name: p, labels: ${labels}}, spec: {containers: [{name: a, image: "a:1"}]}}`;
const suite = (tests: string) => `apiVersion: shipshape.io/v1alpha1\nkind: PolicySuite\nmetadata: {name: s}\ntests:\n${tests}`;

function run(files: Record<string, string>, file = "s.suite.yaml") {
  const dir = tempTree({ "rule.yaml": RULE, ...files });
  return runSuite(file, dir);
}

/** The UsageError message runSuite throws. */
function usage(files: Record<string, string>): string {
  try {
    run(files);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error("no usage error");
}

/** Line and column of `needle` in `text`. */
function pos(text: string, needle: string): string {
  const before = text.slice(0, text.indexOf(needle)).split("\n");
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

describe("runSuite", () => {
  it("checks expect and every kind of assertion", () => {
    const r = run({
      "s.suite.yaml": suite(`  - name: t
    policy: rule.yaml
    cases:
      - {name: pass, object: ${pod("{owner: a}")}, expect: pass}
      - {name: fail, object: ${pod()}, expect: fail}
      - name: count and message
        object: ${pod()}
        assertions: [{violations: 1, message: "^no owner", rule: "custom:owner"}, {violations: 0, rule: custom:other}]
      - {name: yes-no, object: ${pod()}, assertions: [{violations: yes}, {violations: no, message: priority}]}
`),
    });
    expect(r.tests[0]!.rules).toEqual(["custom:owner"]);
    expect(r.tests[0]!.errors).toEqual([]);
    expect(r.tests[0]!.cases.map((c) => `${c.name} ${c.ok} ${c.failures.join("; ")}`)).toEqual(["pass true ", "fail true ", "count and message true ", "yes-no true "]);
    expect(r.tests[0]!.cases[1]!.violations).toEqual([{ ruleId: "custom:owner", message: "no owner label", object: "Pod/p", severity: "high" }]);
  });

  it("explains each failed assertion", () => {
    const r = run({
      "s.suite.yaml": suite(`  - name: t
    policy: rule.yaml
    cases:
      - {name: a, object: ${pod()}, expect: pass}
      - {name: b, object: ${pod("{owner: a}")}, expect: fail}
      - {name: c, object: ${pod()}, assertions: [{violations: 2}, {violations: yes, message: "nope"}, {violations: no, rule: "custom:owner"}]}
`),
    });
    expect(r.tests[0]!.cases.map((c) => c.failures)).toEqual([
      ["expected no violations, got 1: no owner label"],
      ["expected violations, got none"],
      ["expected 2 violations, got 1: no owner label", "expected violations matching /nope/, got none", "expected no custom:owner violations, got 1: no owner label"],
    ]);
  });

  it("an object file: every object in it is evaluated; inventory files only looked up", () => {
    const r = run({
      "objects/two.yaml": `apiVersion: v1\nkind: Pod\nmetadata: {name: one}\nspec: {containers: [{name: a, image: "a:1"}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: two}\nspec: {containers: [{name: a, image: "a:1"}]}\n`,
      "objects/empty.yaml": "# nothing\n",
      "s.suite.yaml": suite(`  - name: t
    policy: rule.yaml
    inventory: [objects/two.yaml]
    cases:
      - {name: file, object: objects/two.yaml, assertions: [{violations: 2}]}
      - {name: inline, object: ${pod("{owner: a}")}, expect: pass}
      - {name: empty, object: objects/empty.yaml, expect: pass}
`),
    });
    const [file, inline, empty] = r.tests[0]!.cases;
    expect(file!.violations.map((v) => v.object)).toEqual(["Pod/one", "Pod/two"]);
    // the unlabelled pods of the inventory are not evaluated with the inline object
    expect(inline!.ok).toBe(true);
    expect(empty!.ok).toBe(false);
    expect(empty!.failures.join("\n")).toContain("no Kubernetes object");
  });

  it("a broken policy is an error of the test, with its position, and fails its cases", () => {
    const broken = RULE.replace("orValue(0) >= 0", "orValue(0) >= ");
    const r = run({ "rule.yaml": broken, "s.suite.yaml": suite(`  - name: t\n    policy: rule.yaml\n    cases:\n      - {name: c, object: ${pod("{owner: a}")}, expect: pass}\n`) });
    // the expression ends after ">=" (a plain scalar loses its trailing space): the end is where it is missing an operand
    const [line, col] = pos(broken, ">= \n").split(":").map(Number);
    expect(r.tests[0]!.errors).toEqual([`rule.yaml:${line}:${col! + 2}: CustomRule owner: syntax error: Unexpected token: EOF`]);
    expect(r.tests[0]!.cases[0]!.ok).toBe(false);
    expect(r.tests[0]!.cases[0]!.failures).toEqual(["the test's policies have errors (above)"]);
  });

  it("a policy file without rules is an error of the test", () => {
    const r = run({ "none.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n", "s.suite.yaml": suite(`  - name: t\n    policy: none.yaml\n    cases:\n      - {name: c, object: ${pod()}, expect: pass}\n`) });
    expect(r.tests[0]!.errors).toEqual(["no CustomRule and no bound ValidatingAdmissionPolicy in none.yaml"]);
  });

  it("paths are relative to the suite, shown relative to where it runs", () => {
    const dir = tempTree({ "policies/rule.yaml": RULE, "policies/tests/s.suite.yaml": suite(`  - name: t\n    policy: ../rule.yaml\n    cases:\n      - {name: c, object: ${pod()}, expect: fail}\n`) });
    const r = runSuite("policies/tests/s.suite.yaml", dir);
    expect(r.file).toBe("policies/tests/s.suite.yaml");
    expect(r.tests[0]!.cases[0]!.ok).toBe(true);
  });

  it.each([
    ["malformed YAML", "apiVersion: shipshape.io/v1alpha1\nkind: PolicySuite\ntests:\n  - name: a: b\n", "4:11: malformed YAML: Nested mappings are not allowed in compact mappings"],
    ["not a suite", "apiVersion: v1\nkind: ConfigMap\n", "1:1: not a policy suite"],
    ["no tests", "apiVersion: shipshape.io/v1alpha1\nkind: PolicySuite\ntests: []\n", "3:8: tests must list at least one test"],
    ["a test without policy", suite("  - name: t\n    cases: [{name: c, object: {kind: Pod}, expect: pass}]\n"), '5:5: test "t" names no policy files'],
    ["a test without cases", suite("  - name: t\n    policy: rule.yaml\n"), '5:5: test "t" has no cases'],
    ["a case without object", suite("  - name: t\n    policy: rule.yaml\n    cases:\n      - name: c\n        expect: pass\n"), '8:9: case "c" needs an object'],
    ["a case without assertions", suite(`  - name: t\n    policy: rule.yaml\n    cases:\n      - name: c\n        object: ${pod()}\n`), 'case "c": no assertions'],
    ["a bad count", suite(`  - name: t\n    policy: rule.yaml\n    cases:\n      - name: c\n        object: ${pod()}\n        assertions: [{violations: -1}]\n`), "violations must be yes, no or a count, not -1"],
    ["a bad regular expression", suite(`  - name: t\n    policy: rule.yaml\n    cases:\n      - name: c\n        object: ${pod()}\n        assertions: [{violations: yes, message: "("}]\n`), "message is not a regular expression"],
  ])("%s is a usage error with its position", (_what, text, message) => {
    expect(usage({ "s.suite.yaml": text })).toContain(message);
  });

  it("an unreadable suite, or a policy or object path that does not exist, is a usage error", () => {
    const dir = tempTree({ "rule.yaml": RULE });
    expect(() => runSuite("missing.suite.yaml", dir)).toThrow(/cannot read policy suite missing\.suite\.yaml/);
    expect(usage({ "s.suite.yaml": suite(`  - name: t\n    policy: gone.yaml\n    cases: [{name: c, object: ${pod()}, expect: pass}]\n`) })).toContain("policy path gone.yaml does not exist");
    expect(usage({ "s.suite.yaml": suite("  - name: t\n    policy: rule.yaml\n    cases: [{name: c, object: gone.yaml, expect: pass}]\n") })).toContain("policy path gone.yaml does not exist");
  });
});
