import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../model/finding.js";
import type { ScanReport } from "../report/model.js";
import { applyBaseline, baselineEntries, loadBaseline, renderBaseline } from "./baseline.js";
import { UsageError } from "./errors.js";

const finding = (ruleId: string, fp: string, extra: Partial<Finding> = {}): Finding => ({
  ruleId,
  severity: "high",
  message: `${ruleId} message`,
  messageId: "m",
  location: { file: "a.yaml", line: 3, column: 1, path: "spec.x" },
  object: { apiVersion: "v1", kind: "Pod", namespace: "ns", name: "p" },
  fingerprint: fp.repeat(32),
  ...extra,
});

const report = (findings: Finding[]): ScanReport => ({
  tool: { name: "shipshape", version: "0" },
  settings: { profile: "recommended", kubeVersion: "1.35", defaultNamespace: "default", failOn: "high" },
  findings,
  suppressed: [],
  evaluations: [],
  rules: ["a-rule", "b-rule", "new-rule"].map((id) => ({ id }) as ScanReport["rules"][number]),
  summary: {
    files: 1, documents: 1, objects: 1, skippedDocuments: 0, rules: 1, checks: { evaluated: 0, passed: 0, failed: 0 },
    findings: findings.length, bySeverity: { critical: 0, high: findings.length, medium: 0, low: 0, info: 0 }, suppressed: 0, errors: 0,
  },
});

describe("baselines", () => {
  it("records unsuppressed findings, not diagnostics, once per fingerprint, sorted", () => {
    const entries = baselineEntries([
      finding("b-rule", "b"),
      finding("a-rule", "a"),
      finding("a-rule", "a"),
      finding("parse-error", "c"),
      finding("c-rule", "d", { suppressed: { kind: "annotation", reason: "ok" } }),
    ]);
    expect(entries.map((e) => e.ruleId)).toEqual(["a-rule", "b-rule"]);
    expect(entries[0]).toEqual({ fingerprint: "a".repeat(32), ruleId: "a-rule", object: { kind: "Pod", namespace: "ns", name: "p" }, path: "spec.x", file: "a.yaml", message: "a-rule message" });
  });

  it("round-trips through the file, and applies: baselined out, gone counted, diagnostics kept", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-baseline-"));
    const file = path.join(dir, "b.yaml");
    writeFileSync(file, renderBaseline(report([finding("a-rule", "a"), finding("b-rule", "b")]), { version: "0" }));
    const baseline = loadBaseline(file, "b.yaml");
    expect([...baseline.fingerprints].sort()).toEqual(["a".repeat(32), "b".repeat(32)]);
    const applied = applyBaseline(report([finding("a-rule", "a"), finding("new-rule", "e"), finding("parse-error", "a")]), baseline, true);
    expect(applied.findings.map((f) => f.ruleId)).toEqual(["new-rule", "parse-error"]);
    expect(applied.baselined?.map((f) => f.ruleId)).toEqual(["a-rule"]);
    expect(applied.summary).toEqual(expect.objectContaining({ findings: 2, baselined: 1, baselineGone: 1 }));
    expect(applied.summary.bySeverity.high).toBe(2);
  });

  it("refuses malformed files with file:line", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-baseline-"));
    const file = path.join(dir, "b.yaml");
    writeFileSync(file, "baselineVersion: 1\nfindings:\n  - ruleId: x\n");
    expect(() => loadBaseline(file, "b.yaml")).toThrow(UsageError);
    expect(() => loadBaseline(file, "b.yaml")).toThrow(/^b\.yaml:3:5: /);
    expect(() => loadBaseline(path.join(dir, "none.yaml"), "none.yaml")).toThrow(/no such file/);
  });
});
