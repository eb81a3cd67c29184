// Baselines: the findings a team has accepted for now, recorded by fingerprint (rule, object kind/namespace/name,
// container, path: no line numbers), so that a later scan reports only what is new (`scan --baseline FILE`).
import { readFileSync } from "node:fs";
import { LineCounter, isMap, isScalar, isSeq, parseDocument, stringify } from "yaml";
import { DIAGNOSTIC_IDS, type Finding } from "../model/finding.js";
import { SEVERITIES, type Severity } from "../model/types.js";
import type { ScanReport } from "../report/model.js";
import { UsageError } from "./errors.js";

/** Version of the baseline file's shape. */
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  object?: { kind: string; namespace?: string; name: string };
  container?: string;
  path?: string;
  /** Informational: where the finding was when the baseline was written (matching is by fingerprint alone). */
  file?: string;
  message: string;
}

export interface Baseline {
  /** The file as given, for messages. */
  file: string;
  entries: BaselineEntry[];
  fingerprints: ReadonlySet<string>;
}

const DIAGNOSTICS = new Set<string>(DIAGNOSTIC_IDS);

/** The findings a baseline records: unsuppressed, not diagnostics (parse-error and the like), one per fingerprint. */
export function baselineEntries(findings: readonly Finding[]): BaselineEntry[] {
  const byPrint = new Map<string, BaselineEntry>();
  for (const f of findings) {
    if (f.suppressed || DIAGNOSTICS.has(f.ruleId) || byPrint.has(f.fingerprint)) continue;
    const entry = { fingerprint: f.fingerprint, ruleId: f.ruleId } as BaselineEntry;
    if (f.object) entry.object = { kind: f.object.kind, ...(f.object.namespace !== undefined ? { namespace: f.object.namespace } : {}), name: f.object.name };
    if (f.container !== undefined) entry.container = f.container;
    if (f.location.path !== undefined && f.location.path !== "") entry.path = f.location.path;
    entry.file = f.location.file;
    entry.message = f.message;
    byPrint.set(f.fingerprint, entry);
  }
  return [...byPrint.values()].sort(byEntry);
}

const cmp = (a: string | undefined, b: string | undefined) => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0);
function byEntry(a: BaselineEntry, b: BaselineEntry): number {
  return (
    cmp(a.file, b.file) ||
    cmp(a.object?.kind, b.object?.kind) ||
    cmp(a.object?.namespace, b.object?.namespace) ||
    cmp(a.object?.name, b.object?.name) ||
    cmp(a.container, b.container) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.path, b.path) ||
    cmp(a.fingerprint, b.fingerprint)
  );
}

/** The baseline file's text: YAML with a header comment that says how it was made. */
export function renderBaseline(report: ScanReport, made: { version: string; command?: string }): string {
  const entries = baselineEntries(report.findings);
  const s = report.settings;
  const header = [
    "# shipshape baseline: findings accepted for now. `shipshape scan --baseline FILE` leaves them out of the",
    "# report and never fails on them; it reports only findings not listed here, and counts the entries gone (fixed).",
    `# Written by shipshape ${made.version}${made.command ? ` (${made.command})` : ""}, profile ${s.profile}, Kubernetes ${s.kubeVersion}.`,
    `# ${entries.length} finding${entries.length === 1 ? "" : "s"}: the unsuppressed ones; diagnostics (parse-error, render-error, ...) are never recorded.`,
    "# Findings match by fingerprint (rule, object kind/namespace/name, container, path; not line numbers): file",
    "# and message are for review. Delete an entry to report its finding again; rewrite with --write-baseline.",
  ];
  const body = stringify({ baselineVersion: BASELINE_VERSION, findings: entries }, { lineWidth: 0 });
  return `${header.join("\n")}\n${body}`;
}

/** Reads a baseline file (YAML or JSON). Missing or malformed: a usage error that names file:line. */
export function loadBaseline(absolute: string, display: string): Baseline {
  let text: string;
  try {
    text = readFileSync(absolute, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`--baseline ${display}: ${code === "ENOENT" ? "no such file (write one with --write-baseline)" : `cannot read: ${(err as Error).message}`}`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    const p = lines.linePos(offset ?? 0);
    return `${display}:${p.line}:${p.col}`;
  };
  const fail = (offset: number | undefined, what: string): never => {
    throw new UsageError(`${at(offset)}: not a shipshape baseline: ${what}`);
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    fail(e.pos[0], e.message.split("\n")[0]!);
  }
  const root = doc.contents;
  if (!isMap(root)) return fail(root?.range?.[0], "expected a map with baselineVersion and findings");
  const version: unknown = root.get("baselineVersion", true);
  if (!isScalar(version) || version.value !== BASELINE_VERSION) {
    fail((version as { range?: number[] } | undefined)?.range?.[0] ?? root.range?.[0], `baselineVersion must be ${BASELINE_VERSION}`);
  }
  const list: unknown = root.get("findings", true);
  if (!isSeq(list)) return fail((list as { range?: number[] } | undefined)?.range?.[0] ?? root.range?.[0], "findings must be a list");
  const entries: BaselineEntry[] = [];
  const fingerprints = new Set<string>();
  for (const item of list.items) {
    const offset = (item as { range?: [number, number, number] } | null)?.range?.[0] ?? list.range?.[0];
    if (!isMap(item)) fail(offset, "each finding must be a map");
    const value = (item as { toJSON(): unknown }).toJSON() as Record<string, unknown>;
    const print = value.fingerprint;
    if (typeof print !== "string" || !/^[0-9a-f]{32}$/.test(print)) fail(offset, "each finding needs a fingerprint (32 hex digits)");
    if (typeof value.ruleId !== "string") fail(offset, "each finding needs a ruleId");
    // one entry per fingerprint (a hand-edited file may repeat one)
    if (!fingerprints.has(print as string)) entries.push(value as unknown as BaselineEntry);
    fingerprints.add(print as string);
  }
  return { file: display, entries, fingerprints };
}

/**
 * The report with the baseline applied: findings in the baseline move out of `findings` (into `baselined` when
 * `show`), the summary counts them (`baselined`) and the entries no finding matches (`baselineGone`). Diagnostics
 * stay. Findings left out cannot trip --fail-on: exitCodeFor reads `findings`. Entries of rules that did not run are
 * not counted as gone.
 */
export function applyBaseline(report: ScanReport, baseline: Baseline, show: boolean): ScanReport {
  const kept: Finding[] = [];
  const baselined: Finding[] = [];
  for (const f of report.findings) {
    if (!DIAGNOSTICS.has(f.ruleId) && baseline.fingerprints.has(f.fingerprint)) baselined.push(f);
    else kept.push(f);
  }
  // Gone: no finding (suppressed ones included) matches the entry, and its rule ran (--rules may leave it out).
  const seen = new Set([...report.findings, ...report.suppressed].map((f) => f.fingerprint));
  const ran = new Set(report.rules.map((r) => r.id));
  const gone = baseline.entries.filter((e) => !seen.has(e.fingerprint) && ran.has(e.ruleId)).length;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of kept) bySeverity[f.severity]++;
  return {
    ...report,
    settings: { ...report.settings, baseline: baseline.file },
    findings: kept,
    ...(show ? { baselined } : {}),
    summary: { ...report.summary, findings: kept.length, bySeverity, baselined: baselined.length, baselineGone: gone },
  };
}
