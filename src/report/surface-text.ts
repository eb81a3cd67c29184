import type { SurfaceAnalysis, SurfaceRef } from "../analysis/types.js";

/** Attack paths shown in text (the JSON report carries all kept ones). */
export const TEXT_PATHS = 10;
export const TEXT_RISK = 10;

function where(r: SurfaceRef | undefined): string {
  if (!r || r.file === undefined) return "";
  return `  (${r.file}:${r.line ?? 1})`;
}

/** The `--surface` section of the text report: entry points, top attack paths (one step a line), riskiest workloads. */
export function surfaceText(s: SurfaceAnalysis, c: { bold: (x: string) => string; dim: (x: string) => string }): string[] {
  const lines: string[] = [c.bold("Attack surface"), ""];
  lines.push(`${s.entryPoints.length} entry point${s.entryPoints.length === 1 ? "" : "s"}, ${s.identities.length} ServiceAccount${s.identities.length === 1 ? "" : "s"} in use, ${s.totalPaths} attack path${s.totalPaths === 1 ? "" : "s"}.`);
  lines.push("");
  if (s.attackPaths.length > 0) {
    const shown = s.attackPaths.slice(0, TEXT_PATHS);
    lines.push(c.bold(`Top attack paths (${shown.length} of ${s.totalPaths})`));
    shown.forEach((p, i) => {
      lines.push(`  ${i + 1}. ${p.target.kind}${p.target.scope ? ` (${p.target.scope})` : ""} from ${p.origin === "internet" ? "the internet" : "inside the namespace"}  impact ${p.impact}`);
      for (const st of p.steps) {
        const label = st.type === "internet" || st.type === "namespace" || st.type === "target" ? st.node : `${st.ref?.kind ?? ""} ${st.ref?.namespace ? `${st.ref.namespace}/` : ""}${st.ref?.name ?? st.node}`;
        lines.push(`     -> ${label}: ${st.fact}${c.dim(where(st.ref))}`);
        if (st.breakWith.length > 0) lines.push(c.dim(`        break with: ${st.breakWith.join(", ")}`));
      }
    });
    lines.push("");
  }
  const risky = s.risk.filter((r) => r.score > 1).slice(0, TEXT_RISK);
  if (risky.length > 0) {
    lines.push(c.bold(`Riskiest workloads (top ${risky.length})`));
    for (const r of risky) {
      lines.push(`  ${r.score.toFixed(2).padStart(6)}  ${r.ref.kind} ${r.ref.namespace ? `${r.ref.namespace}/` : ""}${r.ref.name}${c.dim(where(r.ref))}`);
      for (const f of r.factors) lines.push(c.dim(`          x${f.value} ${f.name}: ${f.reason}`));
    }
    lines.push("");
  }
  return lines;
}
