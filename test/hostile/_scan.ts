// Shared by the hostile-input tests: each hostile file is scanned next to a normal insecure manifest, and the scan
// must still report that manifest's findings (exit 1, not 2) with no internal-error finding.
import { expect } from "vitest";
import { PRIVILEGED_POD, runCli, tempTree } from "../../src/testing/cli.js";

export interface HostileFinding {
  ruleId: string;
  severity: string;
  message: string;
  messageId?: string;
  location: { file: string; line: number; column: number; path?: string };
}

export interface HostileScan {
  code: number;
  stderr: string;
  dir: string;
  findings: HostileFinding[];
  summary: { files: number; documents: number; objects: number; errors: number };
  /** The findings of one file. */
  of(file: string): HostileFinding[];
}

/** The normal insecure manifest put next to every hostile file: privileged-container at line 11. */
export const GOOD = "good.yaml";

export async function scanDir(dir: string, args: string[] = [], stdin?: string): Promise<HostileScan> {
  const r = await runCli(["scan", "--format", "json", ...args], dir, stdin === undefined ? {} : { stdin });
  if (r.code === 2) return { code: 2, stderr: r.stderr, dir, findings: [], summary: { files: 0, documents: 0, objects: 0, errors: 0 }, of: () => [] };
  const report = JSON.parse(r.stdout) as { findings: HostileFinding[]; summary: HostileScan["summary"] };
  return { code: r.code, stderr: r.stderr, dir, findings: report.findings, summary: report.summary, of: (file) => report.findings.filter((f) => f.location.file === file) };
}

/** Scans `files` next to good.yaml (with `--no-config` unless a configuration is among them). */
export async function scanBeside(files: Record<string, string | Buffer>, args: string[] = []): Promise<HostileScan> {
  const dir = tempTree({ [GOOD]: PRIVILEGED_POD, ...files });
  const config = Object.keys(files).some((f) => f.startsWith(".shipshape.")) ? [] : ["--no-config"];
  return scanDir(dir, [...config, ...args, "."]);
}

/** The rest of the scan is intact: good.yaml's finding, exit 1, no internal error. */
export function expectIntact(r: HostileScan): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.findings.filter((f) => f.ruleId === "internal-error")).toEqual([]);
  expect(r.of(GOOD).map((f) => [f.ruleId, f.location.line])).toContainEqual(["privileged-container", 11]);
}

/** One parse-error of `file` with this messageId, at a real line. */
export function parseError(r: HostileScan, file: string, messageId: string): HostileFinding {
  const errors = r.of(file).filter((f) => f.ruleId === "parse-error" && f.messageId === messageId);
  expect(errors, JSON.stringify(r.of(file).map((f) => [f.ruleId, f.messageId, f.message]))).toHaveLength(1);
  const e = errors[0]!;
  expect(e.location.line).toBeGreaterThanOrEqual(1);
  expect(e.location.column).toBeGreaterThanOrEqual(1);
  return e;
}
