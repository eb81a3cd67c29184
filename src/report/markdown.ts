// `--format markdown`: a report sized for a pull-request comment: summary table, the most severe findings,
// the top attack paths as a Mermaid flowchart, and the riskiest workloads.
import type { AttackPath, SurfaceAnalysis } from "../analysis/types.js";
import type { Finding } from "../model/finding.js";
import { redactDiff, sensitiveValuesOf } from "../model/redact.js";
import { SEVERITIES, severityRank } from "../model/types.js";
import { originLabel, refLabel, stepLabel, targetLabel } from "./html.js";
import { md, mdCode, mermaidLabel } from "./markdown-escape.js";
import type { ScanReport } from "./model.js";

export const MD_FINDINGS = 15;
export const MD_PATHS = 5;
export const MD_RISK = 10;

const ICON = { critical: "🟣", high: "🔴", medium: "🟠", low: "🔵", info: "⚪" } as const;

/** A Mermaid `flowchart LR` of the paths: one node per graph node, shared between paths, edges numbered by path. */
export function mermaidPaths(paths: readonly AttackPath[]): string {
  const ids = new Map<string, string>();
  const lines = ["flowchart LR"];
  const classes: Record<string, string[]> = { origin: [], entry: [], workload: [], identity: [], target: [] };
  for (const p of paths) {
    for (const st of p.steps) {
      if (ids.has(st.node)) continue;
      const id = `n${ids.size}`;
      ids.set(st.node, id);
      const shape = st.type === "target" ? [`{{"`, `"}}`] : st.type === "internet" || st.type === "namespace" ? [`(["`, `"])`] : [`["`, `"]`];
      lines.push(`  ${id}${shape[0]}${mermaidLabel(stepLabel(st))}${shape[1]}`);
      classes[st.type === "internet" || st.type === "namespace" ? "origin" : st.type]!.push(id);
    }
  }
  const seen = new Set<string>();
  paths.forEach((p, i) => {
    for (let k = 1; k < p.steps.length; k++) {
      const a = ids.get(p.steps[k - 1]!.node)!;
      const b = ids.get(p.steps[k]!.node)!;
      if (a === b || seen.has(`${a}>${b}`)) continue;
      seen.add(`${a}>${b}`);
      lines.push(`  ${a} -->|${i + 1}| ${b}`);
    }
  });
  const style: Record<string, string> = {
    origin: "fill:#ffe3e3,stroke:#c92a2a",
    entry: "fill:#fff4e6,stroke:#e67700",
    workload: "fill:#e7f5ff,stroke:#1971c2",
    identity: "fill:#ebfbee,stroke:#2b8a3e",
    target: "fill:#ffdeeb,stroke:#a61e4d",
  };
  for (const [c, members] of Object.entries(classes)) {
    if (members.length === 0) continue;
    lines.push(`  classDef ${c} ${style[c]}`);
    lines.push(`  class ${members.join(",")} ${c}`);
  }
  return lines.join("\n");
}

function findingObject(f: Finding): string {
  const o = f.object;
  if (!o) return "";
  return `${o.kind} ${o.namespace ? `${o.namespace}/` : ""}${o.name}`;
}

function surfaceMarkdown(s: SurfaceAnalysis): string[] {
  const out: string[] = [];
  const paths = s.attackPaths.slice(0, MD_PATHS);
  out.push(`### Attack paths`, "");
  out.push(`${s.entryPoints.length} entry point${s.entryPoints.length === 1 ? "" : "s"}, ${s.identities.length} ServiceAccount${s.identities.length === 1 ? "" : "s"} in use, **${s.totalPaths} attack path${s.totalPaths === 1 ? "" : "s"}**.`, "");
  if (paths.length === 0) {
    out.push("No path from the internet or a namespace to cluster-admin, a node or Secrets.", "");
  } else {
    out.push("```mermaid", mermaidPaths(paths), "```", "");
    paths.forEach((p, i) => {
      const fixes = [...new Set(p.steps.flatMap((st) => st.breakWith))];
      out.push(`${i + 1}. **${md(targetLabel(p))}** from ${md(originLabel(p))} (impact ${p.impact}): ${p.steps.slice(1).map((st) => md(stepLabel(st))).join(" → ")}${fixes.length > 0 ? `  \n   Break it with any of: ${fixes.map(mdCode).join(", ")}` : ""}`);
    });
    if (s.totalPaths > paths.length) out.push("", `_${s.totalPaths - paths.length} more path${s.totalPaths - paths.length === 1 ? "" : "s"} in the JSON or HTML report._`);
    out.push("");
  }
  const risky = s.risk.filter((r) => r.score > 1).slice(0, MD_RISK);
  if (risky.length > 0) {
    out.push("### Riskiest workloads", "", "| # | Score | Workload | Why |", "|---:|---:|---|---|");
    risky.forEach((r, i) => {
      out.push(`| ${i + 1} | ${r.score.toFixed(1)} | ${md(refLabel(r.ref))} | ${r.factors.map((f) => `×${f.value} ${md(f.reason)}`).join("; ")} |`);
    });
    out.push("");
  }
  return out;
}

/** Diffs shown in a comment: enough to show the idea, not a wall. */
const MD_FIX_DIFFS = 10;

function longestBacktickRun(s: string): number {
  let best = 0;
  for (const m of s.matchAll(/`+/g)) best = Math.max(best, m[0].length);
  return best;
}

/** Renders the report as GitHub-flavoured Markdown for a pull-request comment. */
export function renderMarkdown(report: ScanReport): string {
  const s = report.summary;
  const out: string[] = [];
  out.push(`## shipshape: ${s.findings === 0 ? "no findings" : `${s.findings} finding${s.findings === 1 ? "" : "s"}`}`, "");
  out.push("| Severity | Findings |", "|---|---:|");
  for (const sev of SEVERITIES) out.push(`| ${ICON[sev]} ${sev} | ${s.bySeverity[sev]} |`);
  out.push("");
  out.push(`Scanned ${s.objects} object${s.objects === 1 ? "" : "s"} in ${s.files} file${s.files === 1 ? "" : "s"} with ${s.rules} rules (profile ${md(report.settings.profile)}, Kubernetes ${md(report.settings.kubeVersion)}).${s.suppressed > 0 ? ` ${s.suppressed} suppressed.` : ""}${s.baselined ? ` ${s.baselined} baselined.` : ""}${s.baselineGone ? ` ${s.baselineGone} baseline entr${s.baselineGone === 1 ? "y" : "ies"} gone (fixed).` : ""}`, "");
  const top = [...report.findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line);
  if (top.length > 0) {
    const shown = top.slice(0, MD_FINDINGS);
    out.push(`### Top findings`, "", "| Severity | Rule | Object | Where | Message |", "|---|---|---|---|---|");
    for (const f of shown) {
      out.push(`| ${ICON[f.severity]} ${f.severity} | ${mdCode(f.ruleId)} | ${md(findingObject(f))} | ${mdCode(`${f.location.file}:${f.location.line}`)} | ${md(f.message)} |`);
    }
    if (top.length > shown.length) out.push("", `_…and ${top.length - shown.length} more. Run \`shipshape explain RULE\` to learn why a rule matters and how to fix it._`);
    out.push("");
    const withDiff = shown.filter((f) => f.fix?.preview).slice(0, MD_FIX_DIFFS);
    const secrets = withDiff.length > 0 ? sensitiveValuesOf(report.findings) : new Set<string>();
    if (withDiff.length > 0) {
      out.push("### Suggested fixes", "", "`shipshape fix` applies the safe ones (`--unsafe` the others, after checking what each note says).", "");
      for (const f of withDiff) {
        const fix = f.fix!;
        // credentials on the diff's lines are masked: this report is often posted as a pull-request comment
        const diff = redactDiff(fix.preview!.diff, secrets);
        const fence = "`".repeat(Math.max(3, longestBacktickRun(diff) + 1));
        out.push(
          `<details><summary>${mdCode(f.ruleId)} ${md(findingObject(f))}: ${md(fix.description)} (${fix.safety})</summary>`,
          "",
          ...(fix.safety === "unsafe" ? [`Check first: ${md(fix.note)}`, ""] : []),
          `${fence}diff`,
          diff,
          fence,
          "",
          "</details>",
          "",
        );
      }
    }
  }
  if (report.surface) out.push(...surfaceMarkdown(report.surface));
  return `${out.join("\n").trimEnd()}\n`;
}
