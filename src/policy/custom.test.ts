import { describe, expect, it } from "vitest";
import { makeParams } from "../engine/params.js";
import { runRules } from "../engine/run.js";
import { loadManifestText } from "../loaders/manifest.js";
import { KubeVersion } from "../model/kube-version.js";
import { buildCustomRules } from "./custom.js";

const HEADER = "apiVersion: shipshape.io/v1alpha1\nkind: CustomRule\n";

function build(text: string) {
  const loaded = loadManifestText(text, "rules.yaml");
  expect(loaded.problems).toEqual([]);
  return buildCustomRules(loaded.resources);
}

/** Line and column (1-based) of `needle` in `text`. */
function pos(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, i).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Runs the rules of `policy` on the objects of `objects`: "rule Kind/name severity path: message" per finding. */
function run(policy: string, objects: string, overrides: Record<string, Record<string, unknown>> = {}): string[] {
  const { rules, notices } = build(policy);
  expect(notices.map((n) => n.finding.message)).toEqual([]);
  const resources = loadManifestText(objects, "objects.yaml").resources;
  const result = runRules(resources, {
    rules: rules.map((rule) => ({ rule, severity: rule.severity, params: makeParams(rule.id, rule.params, overrides[rule.id] ?? {}), waivable: true })),
    kubeVersion: KubeVersion.DEFAULT,
    defaultNamespace: "default",
  });
  return result.findings.map((f) => `${f.ruleId} ${f.object?.kind}/${f.object?.name} ${f.severity} ${f.location.path ?? ""}: ${f.message}`);
}

const POD = `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: team}
spec:
  containers: [{name: app, image: "nginx:1.27"}]
`;
const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: s, namespace: team}
spec: {ports: [{port: 80}]}
`;

describe("buildCustomRules", () => {
  it("turns a CustomRule into the rule custom:<name> with the spec's metadata", () => {
    const text = `# comment\n${HEADER}metadata:\n  name: full\nspec:\n  title: A title\n  severity: high\n  category: supply-chain\n  rationale: Why.\n  remediation: Fix it.\n  attack: How.\n  params: {count: 2}\n  matchConstraints: {kinds: [Pod]}\n  validations: [{expression: "true"}]\n`;
    const { rules, notices } = build(text);
    expect(notices).toEqual([]);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ id: "custom:full", title: "A title", severity: "high", category: "supply-chain", rationale: "Why.", remediation: "Fix it.", attack: "How.", params: { count: 2 }, target: "kubernetes", source: { file: "rules.yaml", line: 2 } });
  });

  it("gives defaults to what the spec leaves out", () => {
    const { rules } = build(`${HEADER}metadata:\n  name: bare\nspec:\n  matchConstraints: {kinds: [Pod]}\n  validations: [{expression: "true"}]\n`);
    expect(rules[0]).toMatchObject({ id: "custom:bare", title: "bare", severity: "medium", category: "custom", attack: "", params: {} });
    expect(rules[0]!.rationale).not.toBe("");
    expect(rules[0]!.remediation).not.toBe("");
  });

  it.each([
    ["an unsupported apiVersion", "apiVersion: shipshape.io/v1beta9\nkind: CustomRule\nmetadata:\n  name: x\nspec: {}\n", "shipshape.io/v1beta9", "is not supported"],
    ["a name that is not a DNS label", `${HEADER}metadata:\n  name: Not_A_Label\nspec: {}\n`, "Not_A_Label", "lowercase DNS label"],
    ["no spec", `${HEADER}metadata:\n  name: nospec\n`, "apiVersion", "spec is missing"],
    ["params that are not a mapping", `${HEADER}metadata:\n  name: p\nspec:\n  params: [a, b]\n  matchConstraints: {kinds: [Pod]}\n  validations: [{expression: "true"}]\n`, "[a, b]", "spec.params must be a mapping"],
    ["no kinds and no resourceRules", `${HEADER}metadata:\n  name: nomatch\nspec:\n  matchConstraints: {namespaces: [a]}\n  validations: [{expression: "true"}]\n`, "{namespaces", "must name kinds"],
    ["empty validations", `${HEADER}metadata:\n  name: noval\nspec:\n  matchConstraints: {kinds: [Pod]}\n  validations: []\n`, "[]\n", "at least one validation"],
    ["a validation severity that does not exist", `${HEADER}metadata:\n  name: vsev\nspec:\n  matchConstraints: {kinds: [Pod]}\n  validations:\n    - expression: "true"\n    - expression: "false"\n      severity: severe\n`, "severe", "severity must be one of"],
  ])("%s is a policy-error at its position, and no rule", (_what, text, at, message) => {
    const { rules, notices } = build(text);
    expect(rules).toEqual([]);
    expect(notices).toHaveLength(1);
    const f = notices[0]!.finding;
    expect(notices[0]!.ruleId).toBe("policy-error");
    expect(f.severity).toBe("high");
    expect(f.message).toContain(message);
    expect({ line: f.location.line, column: f.location.column }).toEqual(pos(text, at));
  });

  it("uses the first of two rules with one name and reports the second", () => {
    const one = (title: string) => `${HEADER}metadata:\n  name: twice\nspec:\n  title: ${title}\n  matchConstraints: {kinds: [Pod]}\n  validations: [{expression: "true"}]\n`;
    const text = `${one("first")}---\n${one("second")}`;
    const { rules, notices } = build(text);
    expect(rules.map((r) => r.title)).toEqual(["first"]);
    expect(notices.map((n) => `${n.finding.location.line}: ${n.finding.message}`)).toEqual([`${text.split("\n").indexOf("  name: twice", 8) + 1}: CustomRule twice: a second CustomRule named twice: only the first one is used`]);
  });

  it("a variable without a name, or a validation without an expression, is reported where it is, without an offset", () => {
    const text = `${HEADER}metadata:\n  name: parts\nspec:\n  matchConstraints: {kinds: [Pod]}\n  variables:\n    - expression: object.metadata.name\n  validations:\n    - message: no expression\n`;
    const { notices } = build(text);
    expect(notices.map((n) => `${n.finding.location.line}:${n.finding.location.column} ${n.finding.message}`)).toEqual([
      `${pos(text, "- expression").line}:${pos(text, "expression: object").column} CustomRule parts: a variable needs a name and an expression`,
      `${pos(text, "message: no").line}:${pos(text, "message: no").column} CustomRule parts: validation expression is missing or not a string`,
    ]);
  });

  it("ignores documents that are not CustomRules", () => {
    const { rules, notices } = build(`${POD}---\napiVersion: shipshape.io/v1alpha1\nkind: PolicySuite\nmetadata: {name: s}\n`);
    expect(rules).toEqual([]);
    expect(notices).toEqual([]);
  });

  it("reports a validation that does not compile at the expression, and still runs the ones that do", () => {
    const text = `${HEADER}metadata:\n  name: half\nspec:\n  matchConstraints: {kinds: [Pod]}\n  validations:\n    - expression: object.metadata.name == nosuchthing\n    - expression: object.metadata.name != "p"\n      message: named p\n`;
    const { rules, notices } = build(text);
    expect(notices.map((n) => `${n.finding.location.line}:${n.finding.location.column}`)).toEqual([`${pos(text, "nosuchthing").line}:${pos(text, "nosuchthing").column}`]);
    expect(rules).toHaveLength(1);
    expect(run(`${HEADER}metadata:\n  name: ok\nspec:\n  matchConstraints: {kinds: [Pod]}\n  validations:\n    - expression: object.metadata.name != "p"\n      message: named p\n`, POD)).toEqual(["custom:ok Pod/p medium : named p"]);
  });
});

describe("custom rules at run time", () => {
  it("podSpec and containers are the workload's; null and empty for other kinds", () => {
    const policy = `${HEADER}metadata:\n  name: shape\nspec:\n  matchConstraints: {kinds: [Pod, Service]}\n  validations:\n    - expression: podSpec == null && size(containers) == 0\n      messageExpression: '"has " + string(size(containers)) + " containers"'\n`;
    expect(run(policy, `${POD}---\n${SERVICE}`)).toEqual(["custom:shape Pod/p medium : has 1 containers"]);
  });

  it("the admission variables are a CREATE with no old object, and namespaceObject carries the name label", () => {
    const policy = `${HEADER}metadata:\n  name: req\nspec:\n  matchConstraints: {kinds: [Pod]}\n  validations:\n    - expression: request.operation == "CREATE" && oldObject == null && namespaceObject.metadata.labels["kubernetes.io/metadata.name"] == "team" && request.namespace == "team"\n      message: unexpected\n`;
    expect(run(policy, POD)).toEqual([]);
  });

  it("params come from the rule, overridden by the configuration", () => {
    const policy = `${HEADER}metadata:\n  name: max\nspec:\n  params: {max: 0, label: containers}\n  matchConstraints: {kinds: [workloads]}\n  validations:\n    - expression: size(containers) <= params.max\n      messageExpression: 'string(size(containers)) + " " + params.label + " > " + string(params.max)'\n`;
    expect(run(policy, POD)).toEqual(["custom:max Pod/p medium : 1 containers > 0"]);
    expect(run(policy, POD, { "custom:max": { max: 1 } })).toEqual([]);
    expect(run(policy, POD, { "custom:max": { label: "boxes" } })).toEqual(["custom:max Pod/p medium : 1 boxes > 0"]);
  });

  it("matchConditions skip objects; variables are shared by validations", () => {
    const policy = `${HEADER}metadata:\n  name: cond\nspec:\n  matchConstraints: {kinds: [Pod]}\n  matchConditions:\n    - name: not-system\n      expression: object.metadata.namespace != "kube-system"\n  variables:\n    - name: nm\n      expression: object.metadata.name\n  validations:\n    - expression: variables.nm != "p"\n      messageExpression: '"name " + variables.nm'\n`;
    expect(run(policy, `${POD}---\n${POD.replace("namespace: team", "namespace: kube-system")}`)).toEqual(["custom:cond Pod/p medium : name p"]);
  });

  it("an expression that fails at run time is a finding with failurePolicy Fail, nothing with Ignore", () => {
    const policy = (fp: string) => `${HEADER}metadata:\n  name: boom\nspec:\n  failurePolicy: ${fp}\n  matchConstraints: {kinds: [Pod]}\n  validations:\n    - expression: object.spec.replicas > 1\n`;
    const fail = run(policy("Fail"), POD);
    expect(fail).toHaveLength(1);
    expect(fail[0]).toMatch(/^custom:boom Pod\/p medium : expression 'object\.spec\.replicas > 1' resulted in error: .* \(failurePolicy Fail\)$/);
    expect(run(policy("Ignore"), POD)).toEqual([]);
  });

  it("message, messageExpression (falling back to message) and the expression itself", () => {
    const policy = `${HEADER}metadata:\n  name: msgs\nspec:\n  matchConstraints: {kinds: [Pod]}\n  validations:\n    - expression: "false"\n      message: plain\n    - expression: "false"\n      message: fallback\n      messageExpression: '""'\n    - expression: 1 > 2\n`;
    expect(run(policy, POD)).toEqual(["custom:msgs Pod/p medium : plain", "custom:msgs Pod/p medium : fallback", "custom:msgs Pod/p medium : failed expression: 1 > 2"]);
  });

  it("fieldPath and severity per validation", () => {
    const policy = `${HEADER}metadata:\n  name: where\nspec:\n  severity: low\n  matchConstraints: {kinds: [Pod]}\n  validations:\n    - expression: "false"\n      message: image\n      fieldPath: spec.containers[0].image\n      severity: critical\n    - expression: "false"\n      message: whole\n`;
    expect(run(policy, POD)).toEqual(["custom:where Pod/p critical spec.containers[0].image: image", "custom:where Pod/p low : whole"]);
  });
});
