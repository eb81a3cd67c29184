import type { Evaluation } from "../engine/run.js";
import { DIAGNOSTIC_IDS, type Finding } from "../model/finding.js";
import type { ObjectRef } from "../model/resource.js";
import { type Severity, severityRank } from "../model/types.js";
import type { ScanReport } from "./model.js";

/**
 * JUnit XML for CI test views: one testsuite per rule, one testcase per (rule, object) checked, and a
 * `shipshape` testsuite with a failing testcase per diagnostic (unreadable file, failed rule, expired exemption).
 */

/** Name of the testsuite that holds the diagnostics. */
export const DIAGNOSTICS_SUITE = "shipshape";

type Status = Evaluation["status"];

interface TestCase {
  name: string;
  classname: string;
  file?: string;
  status: Status;
  findings: Finding[];
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

export function renderJunit(report: ScanReport): string {
  const diagnostics = new Set<string>(DIAGNOSTIC_IDS);
  const ruleIds = report.rules.map((r) => r.id);
  const cases = new Map<string, Map<string, TestCase>>();
  for (const id of ruleIds) cases.set(id, new Map());
  const suiteOf = (ruleId: string): Map<string, TestCase> => {
    let suite = cases.get(ruleId);
    if (!suite) {
      suite = new Map();
      cases.set(ruleId, suite);
    }
    return suite;
  };

  // Every (rule, object) checked.
  for (const e of report.evaluations) {
    const ref = e.resource.ref();
    const key = objectKey(e.resource.source.file, ref);
    const suite = suiteOf(e.ruleId);
    const existing = suite.get(key);
    if (existing) {
      // The same object twice in one file: keep the worst status.
      if (STATUS_RANK[e.status] > STATUS_RANK[existing.status]) existing.status = e.status;
      continue;
    }
    suite.set(key, { name: objectLabel(ref), classname: e.ruleId, file: e.resource.source.file, status: e.status, findings: [] });
  }

  // Attach findings to their testcase; findings without one (no evaluations kept) make their own.
  const attach = (f: Finding, ruleId: string, status: Status) => {
    const object = f.object;
    if (!object) return false;
    const suite = suiteOf(ruleId);
    const key = objectKey(f.location.file, object);
    let tc = suite.get(key);
    if (!tc) {
      tc = { name: objectLabel(object), classname: ruleId, file: f.location.file, status, findings: [] };
      suite.set(key, tc);
    } else if (STATUS_RANK[status] > STATUS_RANK[tc.status]) {
      tc.status = status;
    }
    tc.findings.push(f);
    return true;
  };
  const diagnosticCases: TestCase[] = [];
  for (const f of report.findings) {
    if (f.ruleId === "internal-error" && typeof f.data?.rule === "string" && attach(f, f.data.rule, "error")) continue;
    if (diagnostics.has(f.ruleId)) {
      diagnosticCases.push({
        name: `${f.ruleId} ${f.location.file}:${f.location.line}:${f.location.column}`,
        classname: DIAGNOSTICS_SUITE,
        file: f.location.file,
        status: "fail",
        findings: [f],
      });
      continue;
    }
    attach(f, f.ruleId, "fail");
  }
  for (const f of report.suppressed) attach(f, f.ruleId, "suppressed");

  const suites: { name: string; cases: TestCase[]; properties: [string, string][] }[] = [];
  const rulesById = new Map(report.rules.map((r) => [r.id, r]));
  for (const [ruleId, suite] of cases) {
    const rule = rulesById.get(ruleId);
    const properties: [string, string][] = rule ? [["title", rule.title], ["severity", rule.severity], ["category", rule.category]] : [];
    suites.push({ name: ruleId, cases: uniqueNames([...suite.values()]), properties });
  }
  if (diagnosticCases.length > 0) suites.push({ name: DIAGNOSTICS_SUITE, cases: uniqueNames(diagnosticCases), properties: [] });

  const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const body: string[] = [];
  for (const s of suites) {
    const c = count(s.cases);
    total.tests += c.tests;
    total.failures += c.failures;
    total.errors += c.errors;
    total.skipped += c.skipped;
    body.push(`  <testsuite ${attrs([["name", s.name], ...countAttrs(c)])}>`);
    if (s.properties.length > 0) {
      body.push("    <properties>");
      for (const [name, value] of s.properties) body.push(`      <property ${attrs([["name", name], ["value", value]])}/>`);
      body.push("    </properties>");
    }
    for (const tc of s.cases) body.push(...testcase(tc));
    body.push("  </testsuite>");
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attrs([["name", "shipshape"], ...countAttrs(total)])}>`,
    ...body,
    "</testsuites>",
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * CI views key testcases by classname and name: objects with the same name in several files (overlays, one
 * file per environment) get the file added to their name, and what still collides a number.
 */
function uniqueNames(cases: TestCase[]): TestCase[] {
  const countOf = (names: string[]) => names.reduce((m, n) => m.set(n, (m.get(n) ?? 0) + 1), new Map<string, number>());
  const byName = countOf(cases.map((tc) => tc.name));
  for (const tc of cases) if ((byName.get(tc.name) ?? 0) > 1 && tc.file !== undefined && !tc.name.includes(tc.file)) tc.name = `${tc.name} (${tc.file})`;
  const seen = new Map<string, number>();
  for (const tc of cases) {
    const n = (seen.get(tc.name) ?? 0) + 1;
    seen.set(tc.name, n);
    if (n > 1) tc.name = `${tc.name} #${n}`;
  }
  return cases;
}

const STATUS_RANK: Record<Status, number> = { pass: 0, suppressed: 1, fail: 2, error: 3 };

function count(cases: readonly TestCase[]): Counts {
  const c: Counts = { tests: cases.length, failures: 0, errors: 0, skipped: 0 };
  for (const tc of cases) {
    if (tc.status === "fail") c.failures++;
    else if (tc.status === "error") c.errors++;
    else if (tc.status === "suppressed") c.skipped++;
  }
  return c;
}

function countAttrs(c: Counts): [string, string][] {
  return [
    ["tests", String(c.tests)],
    ["failures", String(c.failures)],
    ["errors", String(c.errors)],
    ["skipped", String(c.skipped)],
  ];
}

function testcase(tc: TestCase): string[] {
  const open = `    <testcase ${attrs([["name", tc.name], ["classname", tc.classname], ...(tc.file !== undefined ? [["file", tc.file] as [string, string]] : [])])}`;
  const own = tc.findings.filter((f) => (tc.status === "suppressed" ? f.suppressed : !f.suppressed));
  switch (tc.status) {
    case "pass":
      return [`${open}/>`];
    case "suppressed": {
      const reasons = [...new Set(own.map((f) => f.suppressed?.reason).filter((r): r is string => r !== undefined))];
      const message = `suppressed: ${reasons.length > 0 ? reasons.join("; ") : "by an exemption"}`;
      return [`${open}>`, `      <skipped ${attrs([["message", message]])}/>`, "    </testcase>"];
    }
    case "fail":
    case "error": {
      const element = tc.status === "fail" ? "failure" : "error";
      const message = own.length === 0 ? (tc.status === "error" ? "the rule failed on this object" : "failed") : own.map((f) => f.message).join("; ");
      const severity = worst(own.map((f) => f.severity)) ?? (tc.status === "error" ? "medium" : "high");
      const details = own.map(describe).join("\n");
      return [`${open}>`, `      <${element} ${attrs([["message", message], ["type", severity]])}>${text(details)}</${element}>`, "    </testcase>"];
    }
  }
}

function describe(f: Finding): string {
  const loc = f.location;
  const where = `${loc.file}:${loc.line}:${loc.column}`;
  const extra = [f.container !== undefined ? `container ${f.container}` : "", loc.path ? `at ${loc.path}` : ""].filter((s) => s !== "");
  return `${where}: ${f.severity} ${f.ruleId}: ${f.message}${extra.length > 0 ? ` (${extra.join(", ")})` : ""}`;
}

function worst(severities: readonly Severity[]): Severity | undefined {
  let out: Severity | undefined;
  for (const s of severities) if (out === undefined || severityRank(s) > severityRank(out)) out = s;
  return out;
}

function objectKey(file: string, o: ObjectRef): string {
  return [file, o.apiVersion ?? "", o.kind, o.namespace ?? "", o.name].join("\u0000");
}

/** `Kind namespace/name`, or `Kind name` when the manifest sets no namespace. */
function objectLabel(o: ObjectRef): string {
  return `${o.kind} ${o.namespace !== undefined ? `${o.namespace}/` : ""}${o.name}`;
}

function attrs(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([k, v]) => `${k}="${attr(v)}"`).join(" ");
}

/**
 * Characters XML 1.0 cannot carry at all (C0 controls other than tab/newline/return, lone surrogates,
 * U+FFFE/U+FFFF) become a visible `\uXXXX`.
 */
function legal(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) =>
    `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}

export function text(s: string): string {
  return legal(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function attr(s: string): string {
  return legal(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}
