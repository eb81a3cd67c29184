import { createHash } from "node:crypto";
import path from "node:path";
import type { Finding } from "../model/finding.js";
import type { Severity } from "../model/types.js";
import { findRepositoryRoot, objectName } from "./sarif.js";
import type { ScanReport } from "./model.js";

/**
 * GitLab Code Quality report (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format): a JSON
 * array of issues, each with exactly `description`, `check_name`, `fingerprint`, `severity` and
 * `location: { path, lines: { begin } }`. GitLab shows them in merge requests, on changed lines, and compares the
 * fingerprints of the source and target branches to tell new issues from fixed ones.
 */

export interface GitlabOptions {
  /** The folder relative file names in the report are resolved against (the CLI's working directory). */
  cwd: string;
  /** The folder paths are relative to; default: the repository root above `cwd` (as SARIF), else `cwd`. */
  root?: string;
}

export type GitlabSeverity = "info" | "minor" | "major" | "critical" | "blocker";

/**
 * shipshape's five severities onto GitLab's five, one to one and in order, so that no two levels merge:
 * critical → blocker (cluster takeover: stop the merge), high → critical, medium → major, low → minor,
 * info → info.
 */
export const GITLAB_SEVERITY: Record<Severity, GitlabSeverity> = {
  critical: "blocker",
  high: "critical",
  medium: "major",
  low: "minor",
  info: "info",
};

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: GitlabSeverity;
  location: { path: string; lines: { begin: number } };
}

const STDIN = "<stdin>";

function fingerprint(parts: readonly string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}

/** The unsuppressed findings and diagnostics (parse-error, render-error, …) as Code Quality issues. */
export function gitlabIssues(report: ScanReport, options: GitlabOptions): GitlabIssue[] {
  const cwd = path.resolve(options.cwd);
  const root = path.resolve(cwd, options.root ?? findRepositoryRoot(cwd));
  const seen = new Map<string, number>();
  return report.findings.map((f) => {
    // Fingerprints must be unique in a report: a repeat (same rule, object and path) gets a counter mixed in,
    // in report order, so that it stays the same from run to run.
    let fp = f.fingerprint;
    const n = seen.get(fp) ?? 0;
    seen.set(f.fingerprint, n + 1);
    if (n > 0) {
      fp = fingerprint([f.fingerprint, String(n)]);
      while (seen.has(fp)) fp = fingerprint([fp, String(n)]);
      seen.set(fp, 1);
    }
    return {
      description: description(f),
      check_name: f.ruleId,
      fingerprint: fp,
      severity: GITLAB_SEVERITY[f.severity],
      location: { path: reportPath(f.location.file, cwd, root), lines: { begin: Math.max(1, Math.trunc(f.location.line) || 1) } },
    };
  });
}

export function renderGitlab(report: ScanReport, options: GitlabOptions): string {
  return `${JSON.stringify(gitlabIssues(report, options), null, 2)}\n`;
}

/** The message, with the object it is about when there is one (GitLab shows only this text and the file). */
function description(f: Finding): string {
  const where = f.object ? `${objectName(f.object)}${f.container !== undefined ? ` (container ${f.container})` : ""}: ` : "";
  return `${where}${f.message}`;
}

/** Relative to the repository root, with forward slashes; relative to `cwd` outside it. */
export function reportPath(file: string, cwd: string, root: string): string {
  if (file === STDIN) return "stdin";
  const absolute = path.resolve(cwd, file);
  let rel = path.relative(root, absolute);
  if (rel === "" || rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) rel = path.relative(cwd, absolute) || path.basename(absolute);
  return rel.split(path.sep).join("/");
}
