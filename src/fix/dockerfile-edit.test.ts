import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emptyConfig } from "../engine/config.js";
import { scan } from "../engine/scan.js";
import type { Finding, Fix, TextFixOp } from "../model/finding.js";
import { tempTree } from "../testing/cli.js";
import { applyDockerfileFixes, isDockerfileFix } from "./dockerfile-edit.js";
import { type FixCandidate, planFixes } from "./plan.js";

// ---------------------------------------------------------------------------------------------------------------
// The edit engine on its own: candidates built by hand, spans as the engine resolves them (1-based, end exclusive).

function candidate(ruleId: string, ops: TextFixOp[], safety: Fix["safety"] = "safe"): FixCandidate {
  const finding: Finding = {
    ruleId,
    severity: "low",
    message: ruleId,
    messageId: "m",
    object: { kind: "Dockerfile", name: "0" },
    location: { file: "Dockerfile", line: 1, column: 1 },
    fingerprint: ruleId,
  };
  const fix: Fix = { description: `fix of ${ruleId}`, safety, note: "", ops };
  finding.fix = fix;
  return { finding, fix, file: "Dockerfile", document: 0, prefix: [] };
}

const span = (line: number, column: number, endLine: number, endColumn: number) => ({ line, column, endLine, endColumn });

describe("applyDockerfileFixes", () => {
  const text = "FROM debian:12.5\nRUN apt-get install curl\nUSER root\n";

  it("replaces the span, its end column exclusive", () => {
    const r = applyDockerfileFixes(text, [candidate("a", [{ op: "replaceText", path: ["w"], text: "10001", span: span(3, 6, 3, 10) }])]);
    expect(r.text).toBe("FROM debian:12.5\nRUN apt-get install curl\nUSER 10001\n");
    expect(r.failed).toEqual([]);
    expect(r.applied).toHaveLength(1);
  });

  it("inserts before and after a span", () => {
    const r = applyDockerfileFixes(text, [
      candidate("a", [{ op: "insertText", path: ["w"], text: " -y", position: "after", span: span(2, 13, 2, 20) }]),
      candidate("b", [{ op: "insertText", path: ["w"], text: "sudo ", position: "before", span: span(2, 5, 2, 12) }]),
    ]);
    expect(r.text).toBe("FROM debian:12.5\nRUN sudo apt-get install -y curl\nUSER root\n");
  });

  it("applies several fixes against the text as scanned, whatever their order in the file", () => {
    const r = applyDockerfileFixes(text, [
      candidate("first", [{ op: "replaceText", path: ["w"], text: "ubuntu:24.04", span: span(1, 6, 1, 17) }]),
      candidate("last", [{ op: "insertText", path: ["w"], text: "\nCMD [\"x\"]", position: "after", span: span(3, 1, 3, 10) }]),
      candidate("middle", [{ op: "replaceText", path: ["w"], text: "apt", span: span(2, 5, 2, 12) }]),
    ]);
    expect(r.text).toBe("FROM ubuntu:24.04\nRUN apt install curl\nUSER root\nCMD [\"x\"]\n");
    expect(r.applied.map((c) => c.finding.ruleId)).toEqual(["first", "last", "middle"]);
  });

  it("keeps insertions at one point in the order of their fixes, and around a replacement there", () => {
    const r = applyDockerfileFixes(text, [
      candidate("a", [{ op: "insertText", path: ["w"], text: " -y", position: "after", span: span(2, 13, 2, 20) }]),
      candidate("b", [{ op: "insertText", path: ["w"], text: " --no-install-recommends", position: "after", span: span(2, 13, 2, 20) }]),
      candidate("c", [{ op: "replaceText", path: ["w"], text: "wget", span: span(2, 21, 2, 25) }]),
      candidate("d", [{ op: "insertText", path: ["w"], text: "!", position: "after", span: span(2, 21, 2, 25) }]),
    ]);
    expect(r.text).toBe("FROM debian:12.5\nRUN apt-get install -y --no-install-recommends wget!\nUSER root\n");
  });

  it("nests insertions at one point: text after an element stays inside text after the element enclosing it", () => {
    const r = applyDockerfileFixes(text, [
      // after the whole RUN (fix first in order), after its last command, after its last word
      candidate("instruction", [{ op: "insertText", path: ["i"], text: "\nUSER 10001", position: "after", span: span(2, 1, 2, 25) }]),
      candidate("command", [{ op: "insertText", path: ["c"], text: " && rm -rf /x", position: "after", span: span(2, 5, 2, 25) }]),
      candidate("word", [{ op: "insertText", path: ["w"], text: "=1.0", position: "after", span: span(2, 21, 2, 25) }]),
      // before the RUN and before its command
      candidate("before-command", [{ op: "insertText", path: ["c"], text: "set -e; ", position: "before", span: span(2, 5, 2, 25) }]),
      candidate("before-word", [{ op: "insertText", path: ["w"], text: "sudo ", position: "before", span: span(2, 5, 2, 12) }]),
      candidate("before-instruction", [{ op: "insertText", path: ["i"], text: "# hi\n", position: "before", span: span(2, 1, 2, 25) }]),
    ]);
    expect(r.failed).toEqual([]);
    expect(r.text).toBe("FROM debian:12.5\n# hi\nRUN set -e; sudo apt-get install curl=1.0 && rm -rf /x\nUSER 10001\nUSER root\n");
  });

  it("refuses an edit overlapping that of an earlier fix, and goes on with the others", () => {
    const r = applyDockerfileFixes(text, [
      candidate("a", [{ op: "replaceText", path: ["w"], text: "apt", span: span(2, 5, 2, 12) }]),
      candidate("b", [{ op: "replaceText", path: ["w"], text: "apt-get install -y", span: span(2, 5, 2, 20) }]),
      candidate("c", [{ op: "insertText", path: ["w"], text: "X", position: "before", span: span(2, 8, 2, 9) }]),
      candidate("d", [{ op: "replaceText", path: ["w"], text: "10001", span: span(3, 6, 3, 10) }]),
    ]);
    expect(r.text).toBe("FROM debian:12.5\nRUN apt install curl\nUSER 10001\n");
    expect(r.applied.map((c) => c.finding.ruleId)).toEqual(["a", "d"]);
    expect(r.failed.map((f) => f.candidate.finding.ruleId)).toEqual(["b", "c"]);
    expect(r.failed[0]!.reason).toMatch(/overlaps the fix of a/);
  });

  it("refuses a fix whose own edits overlap", () => {
    const r = applyDockerfileFixes(text, [
      candidate("a", [
        { op: "replaceText", path: ["w"], text: "x", span: span(2, 5, 2, 12) },
        { op: "replaceText", path: ["w"], text: "y", span: span(2, 10, 2, 20) },
      ]),
    ]);
    expect(r.text).toBe(text);
    expect(r.failed[0]!.reason).toMatch(/overlap/);
  });

  it("fails an op without a span, and one outside the text, with a reason", () => {
    const r = applyDockerfileFixes(text, [
      candidate("nospan", [{ op: "replaceText", path: ["instructions", 9], text: "x" }]),
      candidate("past", [{ op: "replaceText", path: ["w"], text: "x", span: span(3, 6, 3, 40) }]),
      candidate("noline", [{ op: "insertText", path: ["w"], text: "x", position: "after", span: span(12, 1, 12, 2) }]),
    ]);
    expect(r.text).toBe(text);
    expect(r.applied).toEqual([]);
    expect(r.failed.map((f) => f.reason)).toEqual([
      expect.stringMatching(/instructions\[9\].*no exact position/),
      expect.stringMatching(/past the end of its line/),
      expect.stringMatching(/not in the file/),
    ]);
  });

  it("refuses other ops (a YAML fix is not a Dockerfile edit)", () => {
    const c = candidate("yaml", []);
    c.fix.ops.push({ op: "set", path: ["spec"], value: 1 });
    expect(applyDockerfileFixes(text, [c]).failed[0]!.reason).toMatch(/not a text edit/);
  });

  it("skips fixes that are not accepted", () => {
    const a = candidate("a", [{ op: "replaceText", path: ["w"], text: "10001", span: span(3, 6, 3, 10) }]);
    const r = applyDockerfileFixes(text, [a], () => false);
    expect(r).toEqual({ text, applied: [], failed: [] });
  });

  it("writes new lines with the line ending of the line they land on (CRLF files)", () => {
    const crlf = "FROM debian:12.5\r\nCMD [\"app\"]\r\n";
    const r = applyDockerfileFixes(crlf, [candidate("a", [{ op: "insertText", path: ["w"], text: "\nUSER 10001", position: "after", span: span(2, 1, 2, 12) }])]);
    expect(r.text).toBe("FROM debian:12.5\r\nCMD [\"app\"]\r\nUSER 10001\r\n");
    // the last line without a line ending takes the file's
    const noEol = "FROM debian:12.5\r\nCMD [\"app\"]";
    expect(applyDockerfileFixes(noEol, [candidate("a", [{ op: "insertText", path: ["w"], text: "\nUSER 10001", position: "after", span: span(2, 1, 2, 12) }])]).text).toBe(
      "FROM debian:12.5\r\nCMD [\"app\"]\r\nUSER 10001",
    );
  });

  it("knows Dockerfile fixes by the kind of their object", () => {
    const c = candidate("a", []);
    expect(isDockerfileFix(c)).toBe(true);
    c.finding.object = { kind: "Pod", name: "x" };
    expect(isDockerfileFix(c)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Golden files: the real scan, plan and edit of test/fixtures/fix/dockerfile/<case>/input.Dockerfile, compared byte
// for byte with expected.Dockerfile. UPDATE_GOLDEN=1 rewrites the expected files (review the diff).

const FIXTURES = path.resolve(import.meta.dirname, "../../test/fixtures/fix/dockerfile");

const CASES: { dir: string; rules: string[]; crlf?: boolean }[] = [
  { dir: "noninteractive-install", rules: ["docker-noninteractive-install"] },
  { dir: "package-cache-apt", rules: ["docker-package-cache-not-cleaned"] },
  { dir: "package-cache-apk", rules: ["docker-package-cache-not-cleaned"] },
  { dir: "package-cache-dnf", rules: ["docker-package-cache-not-cleaned"] },
  { dir: "add-instead-of-copy", rules: ["docker-add-instead-of-copy"], crlf: true },
  { dir: "no-install-recommends", rules: ["docker-no-install-recommends"] },
  { dir: "wget-progress", rules: ["docker-wget-progress"] },
  { dir: "apt-use-apt-get", rules: ["docker-apt-use-apt-get"], crlf: true },
  { dir: "maintainer-deprecated", rules: ["docker-maintainer-deprecated"], crlf: true },
  { dir: "user-root-no-user", rules: ["docker-user-root"], crlf: true },
  { dir: "user-root-then-run", rules: ["docker-user-root"] },
  { dir: "user-root-last", rules: ["docker-user-root"] },
  { dir: "user-root-inherited", rules: ["docker-user-root"] },
  { dir: "user-root-and-cache-at-the-end", rules: ["docker-user-root", "docker-package-cache-not-cleaned"] },
  {
    dir: "several-fixes-one-run",
    rules: ["docker-apt-use-apt-get", "docker-noninteractive-install", "docker-no-install-recommends", "docker-package-cache-not-cleaned", "docker-wget-progress"],
    crlf: true,
  },
];

interface FixRun {
  findings: Finding[];
  text: string;
  failed: string[];
}

async function fixOnce(text: string, rules: string[], unsafe = true): Promise<FixRun> {
  const dir = tempTree({ Dockerfile: text });
  const report = await scan({ paths: ["."], cwd: dir, config: emptyConfig(), only: rules, failOn: "none" });
  const diagnostics = report.findings.filter((f) => !rules.includes(f.ruleId));
  if (diagnostics.length > 0) throw new Error(diagnostics.map((f) => `${f.ruleId}: ${f.message}`).join("; "));
  const plan = planFixes(report.findings, { unsafe });
  const r = applyDockerfileFixes(text, plan.byFile.get("Dockerfile") ?? []);
  return { findings: report.findings, text: r.text, failed: r.failed.map((f) => `${f.candidate.finding.ruleId}: ${f.reason}`) };
}

describe("Dockerfile fixes, golden files", () => {
  it("has a case for every fixture folder", () => {
    expect(readdirSync(FIXTURES).filter((d) => !d.startsWith(".")).sort()).toEqual(CASES.map((c) => c.dir).sort());
  });

  describe.each(CASES)("$dir", ({ dir, rules, crlf }) => {
    const input = readFileSync(path.join(FIXTURES, dir, "input.Dockerfile"), "utf8");
    const expectedFile = path.join(FIXTURES, dir, "expected.Dockerfile");

    it("gives the expected file", async () => {
      const run = await fixOnce(input, rules);
      expect(run.failed).toEqual([]);
      expect(run.findings.some((f) => f.fix)).toBe(true);
      if (process.env.UPDATE_GOLDEN) writeFileSync(expectedFile, run.text);
      expect(run.text).toBe(readFileSync(expectedFile, "utf8"));
      expect(run.text).not.toBe(input);
      if (crlf) {
        expect(input).toMatch(/\r\n/);
        expect(run.text.replace(/\r\n/g, "")).not.toMatch(/\n/);
      } else {
        expect(run.text).not.toMatch(/\r/);
      }
    });

    it("re-scan: only the findings that had no fix are left", async () => {
      const before = await fixOnce(input, rules);
      const after = await fixOnce(before.text, rules);
      const unfixable = (fs: Finding[]) => fs.filter((f) => !f.fix).map((f) => `${f.ruleId} ${f.message}`);
      expect(after.findings.filter((f) => f.fix).map((f) => `${f.location.line} ${f.ruleId}: ${f.message}`)).toEqual([]);
      expect(unfixable(after.findings)).toEqual(unfixable(before.findings));
    });

    it("is idempotent: fixing the output changes nothing", async () => {
      const once = await fixOnce(input, rules);
      const twice = await fixOnce(once.text, rules);
      expect(twice.failed).toEqual([]);
      expect(twice.text).toBe(once.text);
    });
  });

  it("without --unsafe, unsafe fixes are left out (several fixes in one RUN)", async () => {
    const c = CASES.find((x) => x.dir === "several-fixes-one-run")!;
    const input = readFileSync(path.join(FIXTURES, c.dir, "input.Dockerfile"), "utf8");
    const run = await fixOnce(input, c.rules, false);
    expect(run.failed).toEqual([]);
    expect(run.text).toContain("apt-get install -y curl && rm -rf /var/lib/apt/lists/*");
    expect(run.text).not.toContain("--no-install-recommends");
  });
});
