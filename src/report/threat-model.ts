// `--format threat-model`: a Markdown threat model of the system as the manifests describe it: scope, assets,
// entry points, trust boundaries, identities, the top attack paths and the security requirements that close
// them (each path's `breakWith` rules and their remediation). A starting point for an architecture review,
// written only from the scan report (findings and the attack-surface analysis).
import type { AttackPath, SurfaceAnalysis } from "../analysis/types.js";
import type { Rule } from "../engine/rule-types.js";
import type { Finding } from "../model/finding.js";
import { severityRank } from "../model/types.js";
import { originLabel, refLabel, stepLabel, targetLabel } from "./html.js";
import { mermaidPaths } from "./markdown.js";
import { md, mdCode } from "./markdown-escape.js";
import type { ScanReport } from "./model.js";

export const TM_PATHS = 10;

const HOST_PATH_RULES = new Set(["host-path-volume", "writable-host-path", "sensitive-host-path"]);

interface Requirement {
  rule: string;
  closes: number[];
}

/**
 * The security requirements that close the paths: greedily, the rule whose fix breaks the most paths not yet
 * broken, until every path a rule can break is broken. A path is broken by fixing any one rule of any step.
 */
export function requirements(paths: readonly AttackPath[]): { chosen: Requirement[]; all: Requirement[]; uncovered: number[] } {
  const byRule = new Map<string, Set<number>>();
  paths.forEach((p, i) => {
    for (const st of p.steps) for (const r of st.breakWith) (byRule.get(r) ?? byRule.set(r, new Set()).get(r)!).add(i);
  });
  const open = new Set(paths.map((_, i) => i).filter((i) => paths[i]!.steps.some((st) => st.breakWith.length > 0)));
  const uncovered = paths.map((_, i) => i).filter((i) => !open.has(i));
  const chosen: Requirement[] = [];
  while (open.size > 0) {
    let best: string | undefined;
    let bestCount = 0;
    for (const [r, set] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
      const n = [...set].filter((i) => open.has(i)).length;
      if (n > bestCount) {
        best = r;
        bestCount = n;
      }
    }
    if (best === undefined) break;
    const closes = [...byRule.get(best)!].filter((i) => open.has(i)).sort((a, b) => a - b);
    closes.forEach((i) => open.delete(i));
    chosen.push({ rule: best, closes });
  }
  const picked = new Set(chosen.map((c) => c.rule));
  const rest = [...byRule]
    .filter(([r]) => !picked.has(r))
    .map(([rule, set]) => ({ rule, closes: [...set].sort((a, b) => a - b) }))
    .sort((a, b) => b.closes.length - a.closes.length || a.rule.localeCompare(b.rule));
  return { chosen, all: [...chosen, ...rest], uncovered };
}

function namespaceOf(f: Finding): string | undefined {
  if (f.object?.kind === "Namespace") return f.object.name;
  return f.object?.namespace ?? (typeof f.data?.namespace === "string" ? f.data.namespace : undefined);
}

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)];
}

function where(r: { file?: string; line?: number }): string {
  return r.file !== undefined ? mdCode(`${r.file}:${r.line ?? 1}`) : "–";
}

function secretsSection(report: ScanReport, s: SurfaceAnalysis | undefined, rules: Map<string, Rule>): string[] {
  const out = ["### Secrets", ""];
  if (s?.assets) {
    const list = s.assets.secrets;
    if (list.length === 0) out.push("- The scan defines no Secret and no workload references one.");
    else {
      out.push(
        `${list.length} Secret${list.length === 1 ? "" : "s"} defined in the scan or referenced by a workload (names only: their data is never read).`,
        "",
        ...table(
          ["Secret", "Defined in the scan", "Type", "Used by", "Readable through RBAC by"],
          list.map((x) => [
            md(`${x.ref.namespace ?? ""}/${x.ref.name}`),
            x.defined ? where(x.ref) : "no (referenced only)",
            x.type !== undefined ? md(x.type) : "–",
            x.usedBy.length === 0 ? "**no workload**" : x.usedBy.map((w) => md(refLabel(w))).join(", "),
            x.readableBy.length === 0 ? "–" : x.readableBy.map((sa) => `ServiceAccount ${md(sa)}`).join(", "),
          ]),
        ),
      );
    }
  } else {
    const readers = s ? s.risk.filter((r) => r.factors.some((f) => f.name === "secrets")) : [];
    const secretPowers = s ? s.identities.filter((i) => i.powers.some((p) => p.startsWith("read Secrets"))) : [];
    if (readers.length === 0 && secretPowers.length === 0) out.push("- No workload in the scan reads a Secret, and no ServiceAccount in use can read Secrets through RBAC.");
    for (const r of readers) out.push(`- ${md(refLabel(r.ref))}: ${md(r.factors.find((f) => f.name === "secrets")!.reason)}`);
    for (const i of secretPowers) out.push(`- ServiceAccount ${md(i.serviceAccount)} can ${md(i.powers.filter((p) => p.startsWith("read Secrets")).join(", "))} (RBAC)`);
  }
  const leaked = report.findings.filter((f) => /secret/i.test(rules.get(f.ruleId)?.category ?? ""));
  if (leaked.length > 0) {
    out.push("", "Secret material written into the manifests or images themselves:", "");
    for (const f of leaked.slice(0, 20)) out.push(`- ${mdCode(f.ruleId)} ${md(f.message)} (${mdCode(`${f.location.file}:${f.location.line}`)})`);
    if (leaked.length > 20) out.push(`- …and ${leaked.length - 20} more`);
  }
  out.push("");
  return out;
}

function assets(report: ScanReport, s: SurfaceAnalysis | undefined, rules: Map<string, Rule>): string[] {
  const out = ["## 2. Assets", "", "What an attacker wants, as far as the manifests show it.", ""];
  out.push(...secretsSection(report, s, rules));
  // Nodes and host paths
  out.push("### Nodes and host paths", "");
  const hp = new Map<string, { object: string; path: string; volume: string; writable: boolean; sensitive: boolean; where: string }>();
  for (const f of report.findings) {
    if (!HOST_PATH_RULES.has(f.ruleId) || !f.data) continue;
    const path = String(f.data.hostPath ?? "").replace(/^'(.*)'$/, "$1");
    const object = f.object ? `${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ""}${f.object.name}` : f.location.file;
    const key = `${object}\u0000${String(f.data.volume ?? "")}`;
    const e = hp.get(key) ?? { object, path, volume: String(f.data.volume ?? ""), writable: false, sensitive: false, where: `${f.location.file}:${f.location.line}` };
    if (f.ruleId === "writable-host-path") e.writable = true;
    if (f.ruleId === "sensitive-host-path") e.sensitive = true;
    hp.set(key, e);
  }
  if (s?.assets) {
    // The volumes themselves; the findings only add whether a rule called the path sensitive.
    for (const v of s.assets.volumes.hostPaths) {
      const object = refLabel(v.workload);
      const f = hp.get(`${object}\u0000${v.volume}`);
      hp.set(`${object}\u0000${v.volume}`, { object, path: v.path, volume: v.volume, writable: !v.readOnly, sensitive: f?.sensitive ?? false, where: `${v.workload.file ?? ""}:${v.workload.line ?? 1}` });
    }
  }
  const nodeRisk = s ? s.risk.filter((r) => r.factors.some((f) => f.name === "nodePrivileges")) : [];
  if (hp.size === 0 && nodeRisk.length === 0) out.push("- No workload mounts a host path or gets privileges over its node.");
  if (hp.size > 0) {
    out.push(...table(["Workload", "Volume", "Host path", "Writable", "Sensitive", "Where"], [...hp.values()].map((e) => [md(e.object), md(e.volume), mdCode(e.path), e.writable ? "yes" : "no", e.sensitive ? "yes" : "no", mdCode(e.where)])), "");
  }
  for (const r of nodeRisk) out.push(`- ${md(refLabel(r.ref))}: ${md(r.factors.find((f) => f.name === "nodePrivileges")!.reason)}`);
  out.push("");
  // Persistent data
  if (s?.assets) {
    out.push("### Persistent volumes", "");
    const claims = s.assets.volumes.claims;
    if (claims.length === 0) out.push("- No workload mounts a PersistentVolumeClaim.");
    else out.push(...table(["Claim", "Volume", "Workload", "Claim defined in the scan"], claims.map((c) => [md(`${c.ref.namespace ?? ""}/${c.claim}`), md(c.volume), md(refLabel(c.workload)), where(c.ref)])));
    out.push("");
  }
  // Cluster control
  const admins = s ? s.identities.filter((i) => i.powers.includes("cluster-admin")) : [];
  out.push("### Control of the cluster", "");
  out.push(admins.length === 0 ? "- No ServiceAccount in use is bound to cluster-admin power." : admins.map((i) => `- ServiceAccount ${md(i.serviceAccount)} has cluster-admin power, used by ${i.workloads.map((w) => md(refLabel(w.ref))).join(", ")}`).join("\n"));
  out.push("");
  return out;
}

function boundaries(report: ScanReport, s: SurfaceAnalysis | undefined, rules: Map<string, Rule>): string[] {
  const out = ["## 4. Trust boundaries", ""];
  out.push(
    "Namespaces separate names and RBAC, not the network: without a NetworkPolicy any pod can reach any other. The node is a boundary that privileged or host-mounting pods cross, and RBAC bounds what each ServiceAccount token can do.",
    "",
  );
  const ns = new Map<string, { workloads: Set<string>; entries: number; noPolicy: boolean; uncovered: Set<string> }>();
  const get = (n: string) => ns.get(n) ?? ns.set(n, { workloads: new Set(), entries: 0, noPolicy: false, uncovered: new Set() }).get(n)!;
  for (const r of s?.risk ?? []) if (r.ref.namespace !== undefined) get(r.ref.namespace).workloads.add(r.ref.name);
  for (const e of s?.entryPoints ?? []) if (e.ref.namespace !== undefined) get(e.ref.namespace).entries++;
  for (const f of report.findings) {
    const n = namespaceOf(f);
    if (n === undefined) continue;
    if (f.ruleId === "namespace-without-networkpolicy") get(n).noPolicy = true;
    else if (f.ruleId === "pod-not-covered-by-networkpolicy") get(n).uncovered.add(f.object?.name ?? "");
    else if (f.object && f.object.kind !== "Dockerfile") get(n);
  }
  const known = new Map((s?.boundaries ?? []).map((b) => [b.namespace, b]));
  for (const b of known.keys()) get(b);
  const checked = rules.has("namespace-without-networkpolicy") || rules.has("pod-not-covered-by-networkpolicy");
  if (ns.size === 0) {
    out.push("- No namespaced object in the scan.", "");
    return out;
  }
  const note = (v: { noPolicy: boolean; uncovered: Set<string> }) =>
    !checked
      ? "not checked (NetworkPolicy rules did not run)"
      : v.noPolicy
        ? "**none**: every pod reachable from every pod"
        : v.uncovered.size > 0
          ? `partial: ${[...v.uncovered].map(md).join(", ")} not selected by any policy`
          : "no gap reported";
  const sorted = [...ns.entries()].sort(([a], [b]) => a.localeCompare(b));
  if (!s?.boundaries) {
    out.push(...table(["Namespace", "Workloads", "Entry points", "NetworkPolicy isolation"], sorted.map(([n, v]) => [md(n), String(v.workloads.size), String(v.entries), note(v)])), "");
    return out;
  }
  const yesNo = (x: boolean) => (x ? "yes" : "**no**");
  const rows = sorted.map(([n, v]) => {
    const b = known.get(n);
    return [
      md(n),
      String(b?.workloads ?? v.workloads.size),
      String(v.entries),
      b && b.networkPolicies.length > 0 ? b.networkPolicies.map(md).join(", ") : "none",
      b ? yesNo(b.defaultDeny.ingress) : "–",
      b ? yesNo(b.defaultDeny.egress) : "–",
      b?.podSecurityEnforce !== undefined ? md(b.podSecurityEnforce) : "not set",
      note(v),
    ];
  });
  out.push(
    "Default deny: every workload of the namespace is selected by a NetworkPolicy of that direction (its traffic is limited to what the policies allow). Pod Security: the `pod-security.kubernetes.io/enforce` label of the Namespace object in the scan.",
    "",
    ...table(["Namespace", "Workloads", "Entry points", "NetworkPolicies", "Ingress default deny", "Egress default deny", "Pod Security (enforce)", "Findings"], rows),
    "",
  );
  return out;
}

function pathBlock(p: AttackPath, i: number, rules: Map<string, Rule>): string[] {
  const out = [`### P${i + 1}. ${md(targetLabel(p))} from ${md(originLabel(p))} (impact ${p.impact})`, ""];
  out.push(
    ...table(
      ["Step", "Object", "Why the attacker can take it", "Broken by"],
      p.steps.map((st, k) => [String(k), st.ref?.file !== undefined ? `${md(stepLabel(st))} (${mdCode(`${st.ref.file}:${st.ref.line ?? 1}`)})` : md(stepLabel(st)), md(st.fact), st.breakWith.length > 0 ? st.breakWith.map((r) => `${mdCode(r)}${rules.has(r) ? "" : " (rule not run)"}`).join(", ") : "–"]),
    ),
    "",
  );
  return out;
}

/** Renders the threat model as Markdown. */
export function renderThreatModel(report: ScanReport): string {
  const s = report.surface;
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const sum = report.summary;
  const out: string[] = ["# Threat model", ""];
  out.push(
    "_Generated by shipshape from the manifests. It describes the system as the manifests declare it: it knows nothing of the running cluster, the cloud account, the images' code or the people operating them. Treat it as the starting point of an architecture review, not its result._",
    "",
  );
  out.push("## 1. Scope", "");
  const namespaces = new Set<string>();
  for (const f of report.findings) {
    const n = namespaceOf(f);
    if (n !== undefined) namespaces.add(n);
  }
  for (const r of s?.risk ?? []) if (r.ref.namespace !== undefined) namespaces.add(r.ref.namespace);
  for (const b of s?.boundaries ?? []) namespaces.add(b.namespace);
  out.push(`- ${sum.objects} object${sum.objects === 1 ? "" : "s"} in ${sum.files} file${sum.files === 1 ? "" : "s"}; ${s ? `${s.risk.length} workload${s.risk.length === 1 ? "" : "s"}` : "workloads not analysed"}; namespaces: ${namespaces.size === 0 ? "none" : [...namespaces].sort().map(md).join(", ")}`);
  out.push(`- Kubernetes ${md(report.settings.kubeVersion)}, profile ${md(report.settings.profile)}, objects without a namespace are in ${md(report.settings.defaultNamespace)}`);
  out.push(`- ${sum.findings} finding${sum.findings === 1 ? "" : "s"} (${(["critical", "high", "medium", "low", "info"] as const).map((v) => `${sum.bySeverity[v]} ${v}`).join(", ")})`);
  if (!s) out.push("- **The attack-surface analysis was not run**: entry points, identities and attack paths are missing (scan with `--surface`, or `--format threat-model` from the CLI).");
  out.push("");
  out.push(...assets(report, s, rules));
  out.push("## 3. Entry points", "");
  if (!s || s.entryPoints.length === 0) out.push(s ? "No entry point: nothing in the manifests is exposed outside the cluster." : "Not analysed.", "");
  else out.push(...table(["Entry point", "Kind", "How", "Reaches", "Where"], s.entryPoints.map((e) => [md(refLabel(e.ref)), md(e.kind), md(e.fact), e.workloads.map((w) => md(refLabel(w))).join(", ") || "–", e.ref.file !== undefined ? mdCode(`${e.ref.file}:${e.ref.line ?? 1}`) : "–"])), "");
  out.push(...boundaries(report, s, rules));
  out.push("## 5. Identities and permissions", "");
  if (!s || s.identities.length === 0) out.push(s ? "No workload, so no identity in use." : "Not analysed.", "");
  else
    out.push(
      ...table(
        ["ServiceAccount", "Used by", "Token in the pods", "Powers that matter"],
        s.identities.map((i) => [md(i.serviceAccount), i.workloads.map((w) => md(refLabel(w.ref))).join(", "), i.workloads.every((w) => w.tokenMounted) ? "yes" : i.workloads.some((w) => w.tokenMounted) ? "some" : "no", i.powers.length === 0 ? "none found" : i.powers.map(md).join(", ")]),
      ),
      "",
    );
  out.push("## 6. Attack paths", "");
  const paths = s ? s.attackPaths.slice(0, TM_PATHS) : [];
  if (!s) out.push("Not analysed.", "");
  else if (paths.length === 0) out.push("No attack path found: no chain of steps from the internet or a namespace to cluster-admin, a node or Secrets. Review the assumptions in section 8 all the same.", "");
  else {
    out.push(`The ${paths.length} highest-impact of ${s.totalPaths} path${s.totalPaths === 1 ? "" : "s"}.`, "", "```mermaid", mermaidPaths(paths), "```", "");
    paths.forEach((p, i) => out.push(...pathBlock(p, i, rules)));
  }
  out.push("## 7. Security requirements", "");
  if (paths.length === 0) out.push("No attack path to close. The findings above still list the hardening that applies.", "");
  else {
    const { chosen, all, uncovered } = requirements(paths);
    const trusted = (t: string) => t.replace(/\s*\n\s*/g, " ");
    out.push(
      `Each requirement breaks at least one step of the paths it lists. ${chosen.length === 1 ? "REQ-1 alone closes" : `REQ-1 to REQ-${chosen.length} together close`} every path above that a rule covers; the others add defence in depth, so that one control failing does not reopen a path.`,
      "",
    );
    all.forEach((req, k) => {
      const rule = rules.get(req.rule);
      out.push(`### REQ-${k + 1}: ${rule ? trusted(rule.title) : mdCode(req.rule)}${k < chosen.length ? " (minimum set)" : ""}`, "");
      out.push(`- **Closes:** ${req.closes.map((i) => `P${i + 1}`).join(", ")}`);
      out.push(`- **Check:** rule ${mdCode(req.rule)}${rule ? ` (${rule.severity})` : " (not run in this scan)"} reports nothing`);
      if (rule) {
        out.push(`- **Why:** ${trusted(rule.rationale)}`);
        out.push(`- **Requirement:** ${trusted(rule.remediation)}`);
      }
      out.push("");
    });
    if (uncovered.length > 0) {
      out.push(`No rule breaks ${uncovered.map((i) => `P${i + 1}`).join(", ")}: ${uncovered.length === 1 ? "it needs" : "they need"} a control shipshape does not check (an admission policy, a network control outside the cluster, a change of design).`, "");
    }
  }
  out.push("## 8. Questions for the review", "");
  const qs = [
    "Do these manifests match what runs? Objects created by operators, Helm hooks or by hand are not in this model.",
    "Which Secrets hold what (database passwords, cloud keys, signing keys)? Their impact decides which paths matter most.",
  ];
  if (s && s.entryPoints.length > 0) qs.push("Is each entry point meant to be public, and what sits in front of it (WAF, authentication, rate limits)?");
  if (s && s.identities.some((i) => i.powers.length > 0)) qs.push("Does each ServiceAccount with powers above need them, and does every workload using it need the token?");
  qs.push("What do the cloud account and the nodes trust (instance metadata, node IAM roles, registry credentials)? A node takeover usually reaches them.");
  out.push(...qs.map((q) => `- ${q}`), "");
  const top = [...report.findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity)).filter((f) => f.severity === "critical").length;
  if (top > 0) out.push(`_${top} critical finding${top === 1 ? "" : "s"} in this scan: see the text, HTML or SARIF report for all of them._`, "");
  return `${out.join("\n").trimEnd()}\n`;
}
