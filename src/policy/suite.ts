// Policy test suites (`shipshape test-policy`), in the style of Gatekeeper's: each test names policy files, and
// cases give objects with the violations they must (or must not) cause. Same engine as a scan.
import { readFileSync } from "node:fs";
import path from "node:path";
import { LineCounter, type Node, parseDocument } from "yaml";
import { UsageError } from "../engine/errors.js";
import { Inventory } from "../engine/inventory.js";
import { makeParams } from "../engine/params.js";
import type { Rule } from "../engine/rule-types.js";
import { type ActiveRule, runRules } from "../engine/run.js";
import { k8sTags } from "../loaders/k8s-yaml-schema.js";
import { YamlLocator } from "../loaders/locator.js";
import type { Finding } from "../model/finding.js";
import { KubeVersion } from "../model/kube-version.js";
import { Resource } from "../model/resource.js";
import { isObject } from "../model/types.js";
import { buildCustomRules, isCustomRuleObject } from "./custom.js";
import { loadPolicyFiles } from "./load.js";
import { buildVapRules } from "./vap.js";

export const SUITE_KIND = "PolicySuite";

/** What a case expects: `violations` yes (at least one), no (none) or an exact count; optionally a message pattern and a rule. */
export interface Assertion {
  violations: "yes" | "no" | number;
  message?: RegExp;
  rule?: string;
}

export interface CaseResult {
  name: string;
  ok: boolean;
  /** Why it failed, one line each. */
  failures: string[];
  violations: { ruleId: string; message: string; object: string; severity: string }[];
}

export interface TestResult {
  name: string;
  rules: string[];
  /** Broken policies or objects: the test cannot be trusted, so it fails. */
  errors: string[];
  cases: CaseResult[];
}

export interface SuiteResult {
  file: string;
  tests: TestResult[];
}

const line = (f: Finding) => `${f.location.file}:${f.location.line}:${f.location.column}: ${f.message}`;

/** Runs one suite file. A file that is not a readable PolicySuite is a usage error. */
export function runSuite(display: string, cwd: string): SuiteResult {
  const file = path.resolve(cwd, display);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read policy suite ${display}: ${(err as Error).message}`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { customTags: k8sTags, lineCounter: lines, prettyErrors: false });
  const fail = (offset: number | undefined, msg: string): never => {
    const p = offset !== undefined ? lines.linePos(offset) : { line: 1, col: 1 };
    throw new UsageError(`${display}:${p.line}:${p.col}: ${msg}`);
  };
  const bad = (at: Node | undefined, msg: string): never => fail(at?.range?.[0], msg);
  // the position of the YAML error itself, not the start of the file
  if (doc.errors.length > 0) fail(doc.errors[0]!.pos[0], `malformed YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
  const suite = doc.toJS() as unknown;
  if (!isObject(suite) || suite.kind !== SUITE_KIND) bad(undefined, `not a policy suite (kind: ${SUITE_KIND}, apiVersion: shipshape.io/v1alpha1)`);
  const s = suite as Record<string, unknown>;
  if (!Array.isArray(s.tests) || s.tests.length === 0) bad(doc.get("tests", true) as Node | undefined, "tests must list at least one test");
  const dir = path.dirname(file);
  const rel = (p: string) => path.relative(cwd, path.resolve(dir, p)) || ".";
  const kubeVersion = KubeVersion.DEFAULT;

  const tests: TestResult[] = [];
  (s.tests as unknown[]).forEach((t, ti) => {
    const tNode = doc.getIn(["tests", ti], true) as Node | undefined;
    if (!isObject(t)) bad(tNode, `tests[${ti}] must be a mapping`);
    const test = t as Record<string, unknown>;
    const name = typeof test.name === "string" ? test.name : `tests[${ti}]`;
    const policyPaths = [...strings(test.policies), ...(typeof test.policy === "string" ? [test.policy] : [])];
    if (policyPaths.length === 0) bad(tNode, `test "${name}" names no policy files (policy: FILE or policies: [FILES])`);
    if (!Array.isArray(test.cases) || test.cases.length === 0) bad(tNode, `test "${name}" has no cases`);
    const result: TestResult = { name, rules: [], errors: [], cases: [] };
    tests.push(result);

    const policies = loadPolicyFiles(policyPaths.map(rel), cwd);
    const shared = loadPolicyFiles(strings(test.inventory).map(rel), cwd);
    for (const p of [...policies.problems, ...shared.problems]) {
      if (p.severity !== "info") result.errors.push(`${p.file}:${p.line}:${p.column}: ${p.message}`);
    }
    const custom = buildCustomRules(policies.resources);
    const vap = buildVapRules([], [...policies.resources.filter((r) => !isCustomRuleObject(r)), ...shared.resources]);
    for (const n of [...custom.notices, ...vap.notices]) {
      if (n.finding.severity !== "info") result.errors.push(line(n.finding));
    }
    const rules: Rule[] = [...custom.rules, ...vap.rules];
    result.rules = rules.map((r) => r.id);
    if (rules.length === 0 && result.errors.length === 0) result.errors.push(`no CustomRule and no bound ValidatingAdmissionPolicy in ${policyPaths.join(", ")}`);
    const active: ActiveRule[] = rules.map((rule) => ({ rule, severity: rule.severity, params: makeParams(rule.id, rule.params), waivable: false }));

    (test.cases as unknown[]).forEach((c, ci) => {
      const cNode = doc.getIn(["tests", ti, "cases", ci], true) as Node | undefined;
      if (!isObject(c)) bad(cNode, `tests[${ti}].cases[${ci}] must be a mapping`);
      const kase = c as Record<string, unknown>;
      const caseName = typeof kase.name === "string" ? kase.name : `cases[${ci}]`;
      const assertions = readAssertions(kase, (msg) => bad(cNode, `case "${caseName}": ${msg}`));
      const cr: CaseResult = { name: caseName, ok: false, failures: [], violations: [] };
      result.cases.push(cr);
      // the objects under test: a file (every object in it) or an inline mapping, located in the suite
      let objects: Resource[] = [];
      if (typeof kase.object === "string") {
        const loaded = loadPolicyFiles([rel(kase.object)], cwd);
        objects = loaded.resources;
        for (const p of loaded.problems) cr.failures.push(`${p.file}:${p.line}:${p.column}: ${p.message}`);
      } else if (isObject(kase.object)) {
        const node = doc.getIn(["tests", ti, "cases", ci, "object"], true) as Node;
        objects = [new Resource(kase.object, { file: display, document: 0, prefix: [], locator: new YamlLocator(doc, node, lines, text) })];
      } else {
        bad(cNode, `case "${caseName}" needs an object: a file path or an inline mapping`);
      }
      if (objects.length === 0 && cr.failures.length === 0) cr.failures.push("the object file holds no Kubernetes object");
      const extra = loadPolicyFiles(strings(kase.inventory).map(rel), cwd);
      for (const p of extra.problems) cr.failures.push(`${p.file}:${p.line}:${p.column}: ${p.message}`);
      const all = [...objects, ...shared.resources, ...extra.resources];
      // only the objects under test are evaluated; the inventory (Namespaces, params) is only looked up
      const run = runRules(objects, { rules: active, kubeVersion, defaultNamespace: "default" }, new Inventory(all, "default"));
      for (const f of run.findings) {
        // the policy's own message, without the policy/binding suffix the scan adds
        const message = typeof f.data?.message === "string" ? f.data.message : f.message;
        cr.violations.push({ ruleId: f.ruleId, message, object: `${f.object?.kind}/${f.object?.name}`, severity: f.severity });
        if (f.ruleId === "internal-error") cr.failures.push(`internal error: ${f.message}`);
      }
      if (result.errors.length > 0) cr.failures.push("the test's policies have errors (above)");
      for (const a of assertions) {
        const relevant = cr.violations.filter((v) => v.ruleId !== "internal-error" && (a.rule === undefined || v.ruleId === a.rule) && (a.message === undefined || a.message.test(v.message)));
        const n = relevant.length;
        const what = `${a.rule ? `${a.rule} ` : ""}violations${a.message ? ` matching /${a.message.source}/` : ""}`;
        if (a.violations === "yes" && n === 0) cr.failures.push(`expected ${what}, got none`);
        if (a.violations === "no" && n > 0) cr.failures.push(`expected no ${what}, got ${n}: ${relevant.map((v) => v.message).join(" | ")}`);
        if (typeof a.violations === "number" && n !== a.violations) cr.failures.push(`expected ${a.violations} ${what}, got ${n}${n ? `: ${relevant.map((v) => v.message).join(" | ")}` : ""}`);
      }
      cr.ok = cr.failures.length === 0;
    });
  });
  return { file: display, tests };
}

function strings(v: unknown): string[] {
  if (typeof v === "string") return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function readAssertions(kase: Record<string, unknown>, fail: (msg: string) => never): Assertion[] {
  const out: Assertion[] = [];
  if (kase.expect !== undefined) {
    if (kase.expect !== "pass" && kase.expect !== "fail") fail(`expect must be pass or fail`);
    out.push({ violations: kase.expect === "pass" ? "no" : "yes" });
  }
  if (kase.assertions !== undefined) {
    if (!Array.isArray(kase.assertions)) fail("assertions must be a list");
    for (const a of kase.assertions as unknown[]) {
      if (!isObject(a)) fail("each assertion is a mapping with violations: yes | no | <count>");
      const v = (a as Record<string, unknown>).violations;
      let violations: Assertion["violations"];
      if (v === true || v === "yes") violations = "yes";
      else if (v === false || v === "no") violations = "no";
      else if (typeof v === "number" && Number.isInteger(v) && v >= 0) violations = v;
      else fail(`violations must be yes, no or a count, not ${JSON.stringify(v)}`);
      const as: Assertion = { violations };
      const m = (a as Record<string, unknown>).message;
      if (m !== undefined) {
        try {
          as.message = new RegExp(String(m));
        } catch (err) {
          fail(`message is not a regular expression: ${(err as Error).message}`);
        }
      }
      const rule = (a as Record<string, unknown>).rule;
      if (typeof rule === "string") as.rule = rule;
      out.push(as);
    }
  }
  if (out.length === 0) fail("no assertions: give expect: pass|fail or assertions: [{violations: yes|no|N}]");
  return out;
}
