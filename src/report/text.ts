import type { Finding } from "../model/finding.js";
import { SEVERITIES, type Severity } from "../model/types.js";
import type { ScanReport } from "./model.js";
import { surfaceText } from "./surface-text.js";

export interface TextOptions {
  color: boolean;
  /** Show each finding's Pod Security Standards level and CIS/NSA/MITRE references. */
  frameworks?: boolean;
}

export function frameworkLine(f: Finding): string | undefined {
  const r = f.frameworks;
  if (!r) return undefined;
  const parts: string[] = [];
  if (r.pss) parts.push(`PSS ${r.pss.level} (${r.pss.control})`);
  if (r.cis) parts.push(`CIS ${r.cis.join(", ")}`);
  if (r.nsa) parts.push("NSA/CISA");
  if (r.mitre) parts.push(`MITRE ${r.mitre.join(", ")}`);
  return parts.join(" · ");
}

const COLORS: Record<Severity, string> = { critical: "\x1b[1;35m", high: "\x1b[31m", medium: "\x1b[33m", low: "\x1b[36m", info: "\x1b[2m" };
const RESET = "\x1b[0m";
const BOLD = "\x1b[1m";
const DIM = "\x1b[2m";

/** Text for people: findings grouped by file and object, then a summary. */
export function renderText(report: ScanReport, options: TextOptions): string {
  const c = (code: string, s: string) => (options.color ? `${code}${s}${RESET}` : s);
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  // --show-baselined: the baselined findings among the others, in file order, each with a "baselined" tag
  const baselined = new Set(report.baselined ?? []);
  const all = baselined.size === 0 ? report.findings : [...report.findings, ...baselined].sort((a, b) => (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : a.location.line - b.location.line || a.location.column - b.location.column));
  for (const f of all) {
    const list = byFile.get(f.location.file) ?? [];
    list.push(f);
    byFile.set(f.location.file, list);
  }
  for (const [file, findings] of byFile) {
    lines.push(c(BOLD, file));
    const byObject = new Map<string, Finding[]>();
    for (const f of findings) {
      const o = f.object;
      const key = !o ? "(file)" : o.kind === "Dockerfile" && o.apiVersion === undefined ? `stage ${o.name}` : `${o.kind} ${o.namespace ? `${o.namespace}/` : ""}${o.name}`;
      const list = byObject.get(key) ?? [];
      list.push(f);
      byObject.set(key, list);
    }
    for (const [object, list] of byObject) {
      lines.push(`  ${object}`);
      for (const f of list) {
        const sev = c(COLORS[f.severity], f.severity.toUpperCase().padEnd(8));
        lines.push(`    ${sev} ${f.ruleId}  ${f.message}${baselined.has(f) ? c(DIM, "  [baselined]") : ""}`);
        // Objects read from a live cluster have no file lines: name the object's address alone.
        const where = file.startsWith("cluster:") ? file : `${file}${f.location.archivePath ? `!/${f.location.archivePath}` : ""}:${f.location.line}:${f.location.column}`;
        lines.push(c(DIM, `             ${where}${f.location.path ? `  ${f.location.path}` : ""}`));
        if (f.values) lines.push(c(DIM, `             value from ${f.values.key} (${f.values.file}:${f.values.line}:${f.values.column})`));
        if (f.rendered) lines.push(c(DIM, `             rendered by ${f.rendered.tool} from ${f.rendered.root} (document ${f.rendered.document + 1}, line ${f.rendered.line})${f.rendered.helmHooks ? `, Helm hook: ${f.rendered.helmHooks.join(", ")}` : ""}`));
        const refs = options.frameworks ? frameworkLine(f) : undefined;
        if (refs) lines.push(c(DIM, `             ${refs}`));
      }
    }
    lines.push("");
  }
  if (report.surface) lines.push(...surfaceText(report.surface, { bold: (x) => c(BOLD, x), dim: (x) => c(DIM, x) }));
  const s = report.summary;
  const counts = SEVERITIES.filter((sev) => s.bySeverity[sev] > 0).map((sev) => c(COLORS[sev], `${s.bySeverity[sev]} ${sev}`));
  lines.push(
    s.findings === 0
      ? c(BOLD, "No findings.")
      : `${c(BOLD, `${s.findings} finding${s.findings === 1 ? "" : "s"}`)}: ${counts.join(", ")}`,
  );
  lines.push(
    `Scanned ${s.objects} object${s.objects === 1 ? "" : "s"} in ${s.files} file${s.files === 1 ? "" : "s"} with ${s.rules} rules (profile ${report.settings.profile}, Kubernetes ${report.settings.kubeVersion}): ` +
      `${s.checks.passed} checks passed, ${s.checks.failed} failed.`,
  );
  const extras: string[] = [];
  if (s.suppressed > 0) extras.push(`${s.suppressed} suppressed`);
  if (s.baselined !== undefined) extras.push(`${s.baselined} baselined${s.baselined > 0 && !report.baselined ? " (list them with --show-baselined)" : ""}`);
  if (s.baselineGone) extras.push(`${s.baselineGone} baseline entr${s.baselineGone === 1 ? "y" : "ies"} gone (fixed)`);
  if (s.skippedDocuments > 0) extras.push(`${s.skippedDocuments} document${s.skippedDocuments === 1 ? "" : "s"} skipped (no apiVersion/kind, or shipshape policy files)`);
  if (s.errors > 0) extras.push(`${s.errors} file or rule error${s.errors === 1 ? "" : "s"} (see the parse-error, render-error, internal-error and policy-error findings above)`);
  if (extras.length > 0) lines.push(`${extras.join("; ")}.`);
  if (s.findings > 0) lines.push(c(DIM, "Run `shipshape explain RULE` to learn why a rule matters and how to fix it."));
  return `${lines.join("\n")}\n`;
}
