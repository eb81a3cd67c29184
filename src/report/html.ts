// `--format html`: one self-contained page (inline CSS and script, no network) with the summary, the ranked
// workloads, the attack graph with its paths, every finding in a filterable table and each rule's explanation.
// Every string that comes from a manifest goes through `esc` (manifests are untrusted input), and the page's
// Content-Security-Policy only lets the one inline script (by hash) run and forbids every request.
import { createHash } from "node:crypto";
import type { AttackPath, SurfaceAnalysis, SurfaceRef } from "../analysis/types.js";
import type { Rule } from "../engine/rule-types.js";
import type { Finding } from "../model/finding.js";
import { redactDiff, sensitiveValuesOf } from "../model/redact.js";
import { SEVERITIES, type Severity, severityRank } from "../model/types.js";
import { CSS, SCRIPT } from "./html-assets.js";
import { COLUMN_TITLES, COL_GAP, type Graph, NODE_H, NODE_W, buildGraph, edgePath } from "./html-graph.js";
import type { ScanReport } from "./model.js";

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Attack paths drawn in the graph and listed under it. */
export const HTML_PATHS = 25;
/** Workloads listed in the ranking. */
export const HTML_RISK = 50;

export function refLabel(r: SurfaceRef | undefined): string {
  if (!r) return "";
  return `${r.kind} ${r.namespace ? `${r.namespace}/` : ""}${r.name}`;
}

function where(r: SurfaceRef | undefined): string {
  return r?.file === undefined ? "" : `${r.file}:${r.line ?? 1}`;
}

export function targetLabel(p: AttackPath): string {
  const t = p.target;
  if (t.kind === "cluster-admin") return "cluster-admin";
  if (t.kind === "node") return "node takeover";
  return t.scope === undefined ? "Secrets in all namespaces" : `Secrets in ${t.scope}`;
}

export function originLabel(p: AttackPath): string {
  return p.origin === "internet" ? "the internet" : `any pod in ${p.steps[0]?.node.replace(/^namespace\//, "") ?? "a namespace"}`;
}

export function stepLabel(st: AttackPath["steps"][number]): string {
  if (st.type === "internet") return "Internet";
  if (st.type === "namespace") return `namespace ${st.node.replace(/^namespace\//, "")}`;
  if (st.type === "target") {
    const t = st.node.replace(/^target:/, "");
    if (t === "node") return "node takeover";
    if (t.startsWith("secrets")) return t === "secrets" ? "Secrets in all namespaces" : `Secrets in ${t.replace(/^secrets\/?/, "")}`;
    return t;
  }
  return st.ref ? refLabel(st.ref) : st.node;
}

function findingObject(f: Finding): string {
  const o = f.object;
  if (!o) return "";
  if (o.kind === "Dockerfile" && o.apiVersion === undefined) return `stage ${o.name}`;
  return `${o.kind} ${o.name}`;
}

function sortFindings(fs: readonly Finding[]): Finding[] {
  return [...fs].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line);
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function summarySection(report: ScanReport): string {
  const s = report.summary;
  const sev = SEVERITIES.map((v) => `<div class="stat ${v}"><b>${s.bySeverity[v]}</b><span>${v}</span></div>`).join("");
  const other = [
    [s.findings, "findings"],
    [s.files, "files"],
    [s.objects, "objects"],
    [s.rules, "rules"],
    [s.checks.passed, "checks passed"],
    ...(report.surface ? [[report.surface.entryPoints.length, "entry points"], [report.surface.totalPaths, "attack paths"]] : []),
  ]
    .map(([n, l]) => `<div class="stat"><b>${esc(n)}</b><span>${esc(l)}</span></div>`)
    .join("");
  const parts = [`<section id="summary"><h2>Summary</h2><div class="grid stats">${sev}</div><div class="grid stats" style="margin-top:12px">${other}</div>`];
  const sur = report.surface;
  const risky = sur ? sur.risk.filter((r) => r.score > 1).slice(0, 5) : [];
  const paths = sur ? sur.attackPaths.slice(0, 5) : [];
  const topFindings = sortFindings(report.findings).slice(0, 5);
  const boxes: string[] = [];
  if (risky.length > 0) {
    boxes.push(`<div class="card"><h3 style="margin-top:0">Riskiest workloads</h3><ol class="top">${risky.map((r) => `<li><b>${esc(refLabel(r.ref))}</b> <span class="muted">score ${esc(r.score.toFixed(1))}</span></li>`).join("")}</ol></div>`);
  }
  if (paths.length > 0) {
    boxes.push(`<div class="card"><h3 style="margin-top:0">Top attack paths</h3><ol class="top">${paths.map((p) => `<li><b>${esc(targetLabel(p))}</b> from ${esc(originLabel(p))} <span class="muted">via ${esc(p.steps.slice(1, -1).map(stepLabel).join(" → "))}</span></li>`).join("")}</ol></div>`);
  } else if (topFindings.length > 0) {
    boxes.push(`<div class="card"><h3 style="margin-top:0">Most severe findings</h3><ol class="top">${topFindings.map((f) => `<li><span class="sev ${f.severity}">${f.severity}</span> ${esc(f.message)}</li>`).join("")}</ol></div>`);
  }
  if (boxes.length > 0) parts.push(`<div class="grid two" style="margin-top:12px">${boxes.join("")}</div>`);
  if (!sur) parts.push(`<p class="muted small">The attack-surface analysis was not run (scan with <code>--surface</code>, or <code>--format html</code> from the CLI).</p>`);
  parts.push("</section>");
  return parts.join("");
}

function riskSection(s: SurfaceAnalysis): string {
  const ranked = s.risk.slice(0, HTML_RISK);
  if (ranked.length === 0) return `<section id="workloads"><h2>Workloads by risk</h2><div class="card empty">No workloads in the scan.</div></section>`;
  const max = Math.max(...ranked.map((r) => r.score), 1);
  const rows = ranked
    .map((r, i) => {
      const factors = r.factors.length === 0 ? `<span class="muted small">nothing raises the risk</span>` : r.factors.map((f) => `<span class="factor" title="${esc(f.reason)}"><b>×${esc(f.value)}</b> ${esc(f.name)}: ${esc(f.reason)}</span>`).join("");
      return `<tr><td>${i + 1}</td><td><div class="score"><b>${esc(r.score.toFixed(1))}</b><span class="bar"><i style="width:${Math.round((r.score / max) * 100)}%"></i></span></div></td><td><b>${esc(r.ref.name)}</b><div class="muted small">${esc(r.ref.kind)}${r.ref.namespace ? ` · ${esc(r.ref.namespace)}` : ""}</div></td><td class="loc mono">${esc(where(r.ref))}</td><td>${factors}</td></tr>`;
    })
    .join("");
  const more = s.risk.length > ranked.length ? `<p class="muted small">${s.risk.length - ranked.length} more workloads not shown.</p>` : "";
  return `<section id="workloads"><h2>Workloads by risk</h2><div class="tablewrap"><table><thead><tr><th>#</th><th>Score</th><th>Workload</th><th>Where</th><th>Risk factors</th></tr></thead><tbody>${rows}</tbody></table></div>${more}</section>`;
}

function graphSvg(g: Graph): string {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const titles = COLUMN_TITLES.map((t, i) => `<text class="coltitle" x="${i * (NODE_W + COL_GAP) + 8}" y="18">${esc(t)}</text>`).join("");
  const edges = g.edges
    .map((e) => {
      const a = byId.get(e.from)!;
      const b = byId.get(e.to)!;
      return `<path class="edge${e.paths.length > 0 ? " onpath" : ""}" d="${edgePath(a, b, e.via)}" data-paths="${e.paths.join(" ")}" marker-end="url(#arrow)"><title>${esc(`${a.label} → ${b.label}`)}</title></path>`;
    })
    .join("");
  const nodes = g.nodes
    .map(
      (n) =>
        `<g class="node t-${n.type}" data-id="${esc(n.id)}" data-paths="${n.paths.join(" ")}" transform="translate(${n.x},${n.y})"><title>${esc(`${n.label}\n${n.detail}\n${n.id}`)}</title>` +
        `<rect class="box" width="${NODE_W}" height="${NODE_H}" rx="7"/><rect class="band" width="5" height="${NODE_H}" rx="2"/>` +
        `<text x="13" y="16">${esc(cut(n.label, 24))}</text><text class="detail" x="13" y="30">${esc(cut(n.detail, 30))}</text></g>`,
    )
    .join("");
  return (
    `<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" role="img" aria-label="Attack graph">` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#8793a5"/></marker></defs>` +
    `${titles}<g class="edges">${edges}</g><g class="nodes">${nodes}</g></svg>`
  );
}

function graphSection(s: SurfaceAnalysis, rules: Map<string, Rule>): string {
  const paths = s.attackPaths.slice(0, HTML_PATHS);
  const g = buildGraph(s, paths);
  const legend = [["internet", "Origin"], ["entry", "Entry point"], ["workload", "Workload"], ["identity", "ServiceAccount"], ["target", "Target"]]
    .map(([t, l]) => `<span><i style="background:var(--t-${t})"></i>${l}</span>`)
    .join("");
  const graph =
    g.nodes.length === 0
      ? `<div class="card empty">No entry points, identities or attack paths: nothing to draw.</div>`
      : `<div class="legend">${legend}<span>Click a path below, or a node, to highlight it.</span>${paths.length > 0 ? `<button class="chip info" id="clear-path" type="button">clear</button>` : ""}</div><div class="graphwrap">${graphSvg(g)}</div>` +
        (g.omitted > 0 ? `<p class="muted small">${plural(g.omitted, "node")} off the attack paths not drawn, to keep the graph readable.</p>` : "");
  const cards =
    paths.length === 0
      ? `<div class="card empty" id="no-paths">No attack path found: no chain from the internet or a namespace to cluster-admin, a node or Secrets.</div>`
      : `<div class="grid paths">${paths
          .map((p, i) => {
            const steps = p.steps
              .map((st) => {
                const bw = st.breakWith.length > 0 ? `<div class="bw">break with ${st.breakWith.map((r) => `<code title="${esc(rules.get(r)?.title ?? r)}">${esc(r)}</code>`).join(" ")}</div>` : "";
                return `<li><b>${esc(stepLabel(st))}</b>: ${esc(st.fact)}${bw}</li>`;
              })
              .join("");
            return `<button class="path" type="button" data-path="${i}" aria-pressed="false"><div class="head">#${i + 1} ${esc(targetLabel(p))} <span class="muted">from ${esc(originLabel(p))} · impact ${esc(p.impact)}</span></div><ol>${steps}</ol></button>`;
          })
          .join("")}</div>` + (s.totalPaths > paths.length ? `<p class="muted small">Showing the top ${paths.length} of ${s.totalPaths} attack paths (the JSON report carries more).</p>` : "");
  return `<section id="graph"><h2>Attack graph</h2><p class="muted small">${plural(s.entryPoints.length, "entry point")}, ${plural(s.identities.length, "ServiceAccount")} in use, ${plural(s.totalPaths, "attack path")}.</p>${graph}${cards}</section>`;
}

function findingsSection(report: ScanReport): string {
  const fs = sortFindings(report.findings);
  const secrets = sensitiveValuesOf(report.findings);
  if (fs.length === 0) return `<section id="findings"><h2>Findings</h2><div class="card empty">No findings.</div></section>`;
  const ruleIds = [...new Set(fs.map((f) => f.ruleId))].sort();
  const namespaces = [...new Set(fs.map((f) => f.object?.namespace ?? ""))].sort();
  const present = new Set(fs.map((f) => f.severity));
  const chips = SEVERITIES.filter((s) => present.has(s)).map((s) => `<button type="button" class="chip ${s}" data-sev="${s}" aria-pressed="true">${s}</button>`).join("");
  const opt = (v: string, label: string) => `<option value="${esc(v)}">${esc(label)}</option>`;
  const filters =
    `<div class="filters">${chips}` +
    `<select id="f-rule" aria-label="Rule"><option value="">All rules</option>${ruleIds.map((r) => opt(r, r)).join("")}</select>` +
    `<select id="f-ns" aria-label="Namespace"><option value="">All namespaces</option>${namespaces.map((n) => opt(n, n === "" ? "(none)" : n)).join("")}</select>` +
    `<input type="search" id="f-q" placeholder="Search findings…" aria-label="Search findings">` +
    `<span class="muted small"><b id="f-shown">${fs.length}</b> of ${fs.length} shown</span></div>`;
  const rows = fs
    .map((f) => {
      const loc = `${f.location.file}${f.location.archivePath ? `!/${f.location.archivePath}` : ""}:${f.location.line}`;
      return (
        `<tr data-sev="${f.severity}" data-rule="${esc(f.ruleId)}" data-ns="${esc(f.object?.namespace ?? "")}">` +
        `<td><span class="sev ${f.severity}">${f.severity}</span></td><td><a href="#rule-${esc(f.ruleId)}" class="mono">${esc(f.ruleId)}</a></td>` +
        `<td>${esc(findingObject(f))}</td><td>${esc(f.object?.namespace ?? "")}</td><td class="loc mono" title="${esc(f.location.path ?? "")}">${esc(loc)}</td><td>${esc(f.message)}${fixCell(f, secrets)}</td></tr>`
      );
    })
    .join("");
  return (
    `<section id="findings"><h2>Findings</h2>${filters}<div class="tablewrap"><table><thead><tr><th>Severity</th><th>Rule</th><th>Object</th><th>Namespace</th><th>Where</th><th>Message</th></tr></thead><tbody>${rows}</tbody></table>` +
    `<div class="empty" id="f-none" hidden>No finding matches the filters.</div></div></section>`
  );
}

function rulesSection(report: ScanReport): string {
  const counts = new Map<string, number>();
  for (const f of report.findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  const pathRules = new Set((report.surface?.attackPaths ?? []).flatMap((p) => p.steps.flatMap((s) => s.breakWith)));
  const shown = report.rules
    .filter((r) => counts.has(r.id) || pathRules.has(r.id))
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || a.id.localeCompare(b.id));
  if (shown.length === 0) return `<section id="rules"><h2>Rules</h2><div class="card empty">No rule reported anything.</div></section>`;
  const body = shown
    .map((r) => {
      const ex = r.example
        ? `<h4>Example</h4><div class="grid examples"><div><div class="muted small">Reported</div><pre>${esc(r.example.insecure.trimEnd())}</pre></div><div><div class="muted small">Fixed</div><pre>${esc(r.example.secure.trimEnd())}</pre></div></div>`
        : "";
      const n = counts.get(r.id) ?? 0;
      return (
        `<details class="rule" id="rule-${esc(r.id)}"><summary><span class="sev ${r.severity}">${r.severity}</span><code>${esc(r.id)}</code> ${esc(r.title)} <span class="muted small">${n > 0 ? plural(n, "finding") : "breaks an attack path"}</span></summary>` +
        `<div class="body"><h4>Why it matters</h4><p>${esc(r.rationale)}</p>${r.attack.trim() ? `<h4>What an attacker does with it</h4><p>${esc(r.attack)}</p>` : ""}<h4>How to fix it</h4><p>${esc(r.remediation)}</p>${ex}</div></details>`
      );
    })
    .join("");
  return `<section id="rules"><h2>Rules: why and how to fix</h2>${body}</section>`;
}

/** Renders the whole report as one HTML page. */
export function renderHtml(report: ScanReport): string {
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const hash = createHash("sha256").update(SCRIPT).digest("base64");
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const s = report.summary;
  const headline = s.findings === 0 ? "no findings" : `${plural(s.findings, "finding")}`;
  const nav = [["summary", "Summary"], ...(report.surface ? [["workloads", "Workloads"], ["graph", "Attack graph"]] : []), ["findings", "Findings"], ["rules", "Rules"]]
    .map(([id, l]) => `<a href="#${id}">${l}</a>`)
    .join("");
  const sections = [summarySection(report), ...(report.surface ? [riskSection(report.surface), graphSection(report.surface, rules)] : []), findingsSection(report), rulesSection(report)];
  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}"><meta name="referrer" content="no-referrer">` +
    `<title>shipshape report: ${esc(headline)}</title><style>${CSS}</style></head><body>` +
    `<header class="top"><h1>shipshape <span>${esc(report.tool.version)} · profile ${esc(report.settings.profile)} · Kubernetes ${esc(report.settings.kubeVersion)}</span></h1><nav>${nav}</nav></header>` +
    `<main>${sections.join("\n")}</main><footer>Generated by shipshape ${esc(report.tool.version)} from ${plural(s.files, "file")}. Manifests describe intent, not the running cluster.</footer>` +
    `<script>${SCRIPT}</script></body></html>\n`
  );
}

/** The fix beside a finding: what it does, whether it is safe, and the diff (coloured per line; credentials masked). */
function fixCell(f: Finding, secrets: ReadonlySet<string>): string {
  const fix = f.fix;
  if (!fix?.preview) return "";
  const lines = redactDiff(fix.preview.diff, secrets)
    .split("\n")
    .filter((l) => !l.startsWith("---") && !l.startsWith("+++"))
    .map((l) => `<span class="${l.startsWith("+") ? "add" : l.startsWith("-") ? "del" : l.startsWith("@@") ? "hunk" : "ctx"}">${esc(l)}</span>`)
    .join("\n");
  return (
    `<details class="fix"><summary>${fix.safety === "safe" ? "Safe fix" : "Unsafe fix"}: ${esc(fix.description)}</summary>` +
    `${fix.safety === "unsafe" ? `<p class="small">Check first: ${esc(fix.note)}</p>` : ""}<pre class="diff">${lines}</pre></details>`
  );
}
