import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyConfig } from "../engine/config.js";
import { scan } from "../engine/scan.js";
import type { Finding } from "../model/finding.js";
import { attr, renderJunit, text } from "./junit.js";
import type { ScanReport } from "./model.js";

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            privileged: true
        - name: sidecar
          image: proxy:1
          securityContext:
            privileged: true
`;

const AGENT = `apiVersion: v1
kind: Pod
metadata:
  name: agent
  annotations:
    ignore.shipshape.io/privileged-container: "node agent <needs> \\"devices\\" & more"
spec:
  containers:
    - name: agent
      image: agent:1
      securityContext:
        privileged: true
`;

const FINE = `apiVersion: v1
kind: Pod
metadata:
  name: fine
spec:
  containers:
    - name: app
      image: app:1
`;

const BROKEN = `apiVersion: v1
kind: Pod
metadata: {name: [broken
`;

// --- A minimal XML reader: enough to check structure, attributes and well-formedness of what renderJunit writes.

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e.toLowerCase()] ?? "";
  });
}

function parseXml(xml: string): El {
  // XML 1.0 Char production: nothing else may appear anywhere in the document.
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf("?>") + 2);
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const root: El = { name: "#root", attrs: {}, children: [], text: "" };
  const stack = [root];
  let m: RegExpExecArray | null;
  let pos = 0;
  while ((m = token.exec(body)) !== null) {
    pos = token.lastIndex;
    const top = stack[stack.length - 1]!;
    if (m[5] !== undefined) {
      expect(m[5]).not.toMatch(/&(?!(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);)/i);
      expect(m[5]).not.toContain(">");
      top.text += decode(m[5]);
      continue;
    }
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      expect(top.name).toBe(name);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText!.matchAll(/([A-Za-z_][\w.-]*)="([^"<]*)"/g)) {
      expect(Object.hasOwn(attrs, a[1]!)).toBe(false);
      expect(a[2]).not.toMatch(/&(?!(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);)/i);
      attrs[a[1]!] = decode(a[2]!);
    }
    const el: El = { name: name!, attrs, children: [], text: "" };
    top.children.push(el);
    if (!selfClose) stack.push(el);
  }
  expect(pos).toBe(body.length);
  expect(stack).toHaveLength(1);
  const elements = root.children;
  expect(elements).toHaveLength(1);
  return elements[0]!;
}

function kids(el: El, name: string): El[] {
  return el.children.filter((c) => c.name === name);
}

function checkCounts(el: El, cases: El[]): void {
  const has = (tc: El, n: string) => kids(tc, n).length > 0;
  expect(Number(el.attrs.tests)).toBe(cases.length);
  expect(Number(el.attrs.failures)).toBe(cases.filter((tc) => has(tc, "failure")).length);
  expect(Number(el.attrs.errors)).toBe(cases.filter((tc) => has(tc, "error")).length);
  expect(Number(el.attrs.skipped)).toBe(cases.filter((tc) => has(tc, "skipped")).length);
}

let dir: string;
let report: ScanReport;
let doc: El;

beforeAll(async () => {
  dir = realpathSync(mkdtempSync(path.join(tmpdir(), "shipshape-junit-")));
  mkdirSync(path.join(dir, "deploy"));
  writeFileSync(path.join(dir, "deploy", "web.yaml"), WEB);
  writeFileSync(path.join(dir, "deploy", "agent.yaml"), AGENT);
  writeFileSync(path.join(dir, "deploy", "fine.yaml"), FINE);
  writeFileSync(path.join(dir, "deploy", "broken.yaml"), BROKEN);
  report = await scan({ paths: [path.join(dir, "deploy")], config: emptyConfig(), only: ["privileged-container"], keepEvaluations: true });
  doc = parseXml(renderJunit(report));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("renderJunit", () => {
  it("has a testsuite per rule with a testcase per object checked, and a shipshape suite for diagnostics", () => {
    expect(doc.name).toBe("testsuites");
    const suites = kids(doc, "testsuite");
    expect(suites.map((s) => s.attrs.name)).toEqual(["privileged-container", "shipshape"]);
    const cases = kids(suites[0]!, "testcase");
    expect(cases.map((c) => c.attrs.name).sort()).toEqual(["Deployment shop/web", "Pod agent", "Pod fine"]);
    for (const c of cases) expect(c.attrs.classname).toBe("privileged-container");
    expect(report.evaluations).toHaveLength(3);
  });

  it("counts tests, failures, errors and skipped on every level", () => {
    const suites = kids(doc, "testsuite");
    for (const s of suites) checkCounts(s, kids(s, "testcase"));
    checkCounts(doc, suites.flatMap((s) => kids(s, "testcase")));
    const diagnostics = report.findings.filter((f) => f.ruleId === "parse-error").length;
    expect(diagnostics).toBeGreaterThan(0);
    expect(doc.attrs).toMatchObject({ tests: String(3 + diagnostics), failures: String(1 + diagnostics), errors: "0", skipped: "1" });
  });

  it("lists the findings of a failing testcase with file:line:col", () => {
    const web = kids(kids(doc, "testsuite")[0]!, "testcase").find((c) => c.attrs.name === "Deployment shop/web")!;
    expect(web.attrs.file).toBe(path.join(dir, "deploy", "web.yaml"));
    const [failure] = kids(web, "failure");
    expect(failure!.attrs.type).toBe("critical");
    expect(failure!.attrs.message).toContain("Container 'web' runs privileged");
    expect(failure!.attrs.message).toContain("Container 'sidecar' runs privileged");
    expect(failure!.text).toContain(`${path.join(dir, "deploy", "web.yaml")}:17:25:`);
    expect(failure!.text).toContain(`${path.join(dir, "deploy", "web.yaml")}:21:25:`);
    expect(failure!.text.trim().split("\n")).toHaveLength(2);
  });

  it("skips suppressed testcases with the reason, escaped", () => {
    const agent = kids(kids(doc, "testsuite")[0]!, "testcase").find((c) => c.attrs.name === "Pod agent")!;
    expect(kids(agent, "skipped")[0]!.attrs.message).toBe('suppressed: node agent <needs> "devices" & more');
    const fine = kids(kids(doc, "testsuite")[0]!, "testcase").find((c) => c.attrs.name === "Pod fine")!;
    expect(fine.children).toEqual([]);
  });

  it("fails a testcase per diagnostic, so unreadable files show up", () => {
    const suite = kids(doc, "testsuite").find((s) => s.attrs.name === "shipshape")!;
    const cases = kids(suite, "testcase");
    const parseErrors = report.findings.filter((f) => f.ruleId === "parse-error");
    expect(cases).toHaveLength(parseErrors.length);
    expect(new Set(cases.map((c) => c.attrs.name)).size).toBe(cases.length);
    for (const [i, c] of cases.entries()) {
      const f = parseErrors[i]!;
      expect(c.attrs.name).toMatch(new RegExp(`^parse-error ${f.location.file}:${f.location.line}:${f.location.column}( #\\d+)?$`));
      expect(c.attrs.classname).toBe("shipshape");
      expect(c.attrs.file).toBe(path.join(dir, "deploy", "broken.yaml"));
      const [failure] = kids(c, "failure");
      expect(failure!.attrs).toEqual({ message: f.message, type: "high" });
      expect(failure!.text).toBe(`${f.location.file}:${f.location.line}:${f.location.column}: high parse-error: ${f.message}`);
    }
  });

  it("reports a rule that failed on an object as an error testcase", () => {
    const evaluation = report.evaluations.find((e) => e.resource.name === "fine")!;
    const resource = evaluation.resource;
    const internal: Finding = {
      ruleId: "internal-error",
      severity: "medium",
      message: "Rule privileged-container failed on this object and could not check it: boom",
      messageId: "ruleFailed",
      data: { rule: "privileged-container" },
      object: resource.ref(),
      location: { file: resource.source.file, line: 1, column: 1 },
      fingerprint: "0".repeat(32),
    };
    const withError: ScanReport = {
      ...report,
      findings: [...report.findings, internal],
      evaluations: report.evaluations.map((e) => (e === evaluation ? { ...e, status: "error" as const } : e)),
    };
    const x = parseXml(renderJunit(withError));
    const suite = kids(x, "testsuite")[0]!;
    const fine = kids(suite, "testcase").find((c) => c.attrs.name === "Pod fine")!;
    expect(kids(fine, "error")[0]!.attrs.message).toContain("boom");
    checkCounts(suite, kids(suite, "testcase"));
    checkCounts(x, kids(x, "testsuite").flatMap((s) => kids(s, "testcase")));
    expect(x.attrs.errors).toBe("1");
  });

  it("still reports findings when evaluations were not kept", () => {
    const x = parseXml(renderJunit({ ...report, evaluations: [] }));
    const suite = kids(x, "testsuite")[0]!;
    expect(kids(suite, "testcase").map((c) => c.attrs.name).sort()).toEqual(["Deployment shop/web", "Pod agent"]);
    checkCounts(suite, kids(suite, "testcase"));
  });

  it("keeps testcase names unique when objects of the same name live in several files", async () => {
    const other = path.join(dir, "prod");
    mkdirSync(other, { recursive: true });
    writeFileSync(path.join(other, "web.yaml"), WEB);
    const r = await scan({ paths: [path.join(dir, "deploy", "web.yaml"), path.join(other, "web.yaml")], config: emptyConfig(), only: ["privileged-container"], keepEvaluations: true });
    const x = parseXml(renderJunit(r));
    const names = kids(kids(x, "testsuite")[0]!, "testcase").map((c) => c.attrs.name);
    expect(names).toEqual([`Deployment shop/web (${path.join(dir, "deploy", "web.yaml")})`, `Deployment shop/web (${path.join(other, "web.yaml")})`]);
    expect(x.attrs).toMatchObject({ tests: "2", failures: "2" });
  });

  it("escapes markup and removes characters XML 1.0 cannot carry", () => {
    const nasty = 'a<b>&"c"\'\u0000\u001b[31m\u0007\uFFFF\uD800 ok\tx\ny\u{1F600}';
    expect(text(nasty)).toBe("a&lt;b&gt;&amp;\"c\"'\\u0000\\u001B[31m\\u0007\\uFFFF\\uD800 ok\tx\ny\u{1F600}");
    expect(attr(nasty)).toBe("a&lt;b&gt;&amp;&quot;c&quot;'\\u0000\\u001B[31m\\u0007\\uFFFF\\uD800 ok&#9;x&#10;y\u{1F600}");
    const f = report.findings.find((x) => x.ruleId === "privileged-container")!;
    const evil: Finding = { ...f, message: `bad ${nasty} ]]> end`, location: { ...f.location, file: "we<ird>&\u0001.yaml" } };
    const xml = renderJunit({ ...report, findings: [evil, ...report.findings.filter((x) => x !== f)], evaluations: [] });
    const x = parseXml(xml);
    const failure = x.children[0]!.children.flatMap((c) => kids(c, "failure")).find((el) => el.attrs.message?.startsWith("bad"))!;
    expect(failure.attrs.message).toBe("bad a<b>&\"c\"'\\u0000\\u001B[31m\\u0007\\uFFFF\\uD800 ok\tx\ny\u{1F600} ]]> end");
    expect(failure.text).toContain("we<ird>&\\u0001.yaml:17:25:");
  });
});
