import type { SurfaceAnalysis } from "../analysis/types.js";
import type { Evaluation } from "../engine/run.js";
import type { Rule } from "../engine/rule-types.js";
import type { Finding } from "../model/finding.js";
import type { Severity } from "../model/types.js";

/** Everything a scan produced: what every report format is written from. */
export interface ScanReport {
  tool: { name: "shipshape"; version: string };
  settings: {
    profile: string;
    kubeVersion: string;
    defaultNamespace: string;
    failOn: Severity | "none";
    config?: string;
    /** The baseline file applied (`scan --baseline`). */
    baseline?: string;
  };
  /** Unsuppressed findings and diagnostics (parse-error, internal-error, exemption-expired), sorted by file and line. */
  findings: Finding[];
  /** Findings an annotation or exemption suppressed, with the reason. */
  suppressed: Finding[];
  /** Findings left out because the baseline lists them, when asked for (`scan --show-baselined`). */
  baselined?: Finding[];
  /** Every (rule, object) pair checked, when the report format needs passes (JUnit). */
  evaluations: Evaluation[];
  /** The rules that ran. */
  rules: readonly Rule[];
  summary: Summary;
  /** The attack-surface analysis, when asked for (`scan --surface`). */
  surface?: SurfaceAnalysis;
}

export interface Summary {
  files: number;
  documents: number;
  objects: number;
  /** Documents that are not Kubernetes objects (no apiVersion/kind). */
  skippedDocuments: number;
  rules: number;
  checks: { evaluated: number; passed: number; failed: number };
  findings: number;
  bySeverity: Record<Severity, number>;
  suppressed: number;
  /** Diagnostics among the findings: files that could not be read, rules that failed. */
  errors: number;
  /** With `--baseline`: findings left out because the baseline lists them. */
  baselined?: number;
  /** With `--baseline`: baseline entries no current finding matches (fixed, or their object is gone). */
  baselineGone?: number;
}
