// Risk of each workload: a product of multipliers, each ≥ 1, in the spirit of StackRox's risk scoring
// (multiplicative, every factor shown with its reason). A workload nothing raises scores 1.
//
//   exposure        2.0  reachable from the internet through an entry point of its own
//                   1.5  reachable from the internet through another workload (lateral movement)
//   nodePrivileges  2.0  can take over its node (privileged, SYS_ADMIN-like capability, runtime socket,
//                        writable system hostPath)
//                   1.3  other host access (hostPID, hostIPC, hostNetwork, other hostPaths)
//   rbac            2.5  token mounted and the ServiceAccount can do everything cluster-wide
//                   2.0  … can read Secrets in every namespace
//                   1.5  … can read Secrets in a namespace
//   secrets         1 + 0.1 per Secret the pods read (volumes, env, envFrom), at most 1.5
//   findings        1 + 0.25 per critical, 0.1 per high, 0.03 per medium, 0.01 per low finding of the scan on
//                   the object, at most 2.0
//   attackPath      1.5  the workload is a step of an attack path (any path found, kept or not)
import type { Finding } from "../model/finding.js";
import type { Severity } from "../model/types.js";
import type { AttackPath, RiskEntry, RiskFactor } from "./types.js";
import type { WorkloadNode } from "./workloads.js";

export const FINDING_WEIGHTS: Record<Severity, number> = { critical: 0.25, high: 0.1, medium: 0.03, low: 0.01, info: 0 };

const round = (x: number) => Math.round(x * 100) / 100;

export interface RiskInput {
  /** Workloads an entry point reaches directly, and those reached only through others. */
  direct: ReadonlySet<WorkloadNode>;
  lateral: ReadonlySet<WorkloadNode>;
  /** Every path found (not only the kept ones). */
  paths: readonly AttackPath[];
  findings: readonly Finding[];
  defaultNamespace: string;
}

function findingKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}\u0000${namespace ?? ""}\u0000${name}`;
}

export function riskFactors(n: WorkloadNode, input: RiskInput, counts: Map<string, Record<Severity, number>>, onPath: ReadonlySet<string>): RiskFactor[] {
  const f: RiskFactor[] = [];
  if (input.direct.has(n)) f.push({ name: "exposure", value: 2, reason: "reachable from the internet through an entry point" });
  else if (input.lateral.has(n)) f.push({ name: "exposure", value: 1.5, reason: "reachable from the internet through another workload" });
  if (n.node.takeover.length > 0) f.push({ name: "nodePrivileges", value: 2, reason: n.node.takeover[0]!.fact });
  else if (n.node.other.length > 0) f.push({ name: "nodePrivileges", value: 1.3, reason: `host access: ${n.node.other.join(", ")}` });
  if (n.token.mounted && n.rbacPowers.length > 0) {
    const admin = n.rbacPowers.find((p) => p.kind === "cluster-admin");
    const allSecrets = n.rbacPowers.find((p) => p.kind === "secrets" && p.scope === undefined);
    const best = admin ?? allSecrets ?? n.rbacPowers[0]!;
    f.push({ name: "rbac", value: admin ? 2.5 : allSecrets ? 2 : 1.5, reason: best.fact });
  }
  if (n.secrets.length > 0) f.push({ name: "secrets", value: round(Math.min(1.5, 1 + 0.1 * n.secrets.length)), reason: `reads Secret${n.secrets.length === 1 ? "" : "s"} ${n.secrets.join(", ")}` });
  const c = counts.get(findingKey(n.resource.kind, n.namespace, n.resource.name));
  if (c) {
    const v = round(Math.min(2, 1 + (Object.keys(FINDING_WEIGHTS) as Severity[]).reduce((s, k) => s + FINDING_WEIGHTS[k] * c[k], 0)));
    const parts = (Object.keys(FINDING_WEIGHTS) as Severity[]).filter((k) => c[k] > 0 && FINDING_WEIGHTS[k] > 0).map((k) => `${c[k]} ${k}`);
    if (v > 1) f.push({ name: "findings", value: v, reason: `${parts.join(", ")} finding${parts.length === 1 && parts[0]!.startsWith("1 ") ? "" : "s"} on the object` });
  }
  if (onPath.has(n.id)) f.push({ name: "attackPath", value: 1.5, reason: "a step of an attack path" });
  return f;
}

export function scoreRisk(nodes: readonly WorkloadNode[], input: RiskInput): RiskEntry[] {
  const counts = new Map<string, Record<Severity, number>>();
  for (const fd of input.findings) {
    const o = fd.object;
    if (!o) continue;
    const key = findingKey(o.kind, o.namespace ?? input.defaultNamespace, o.name);
    let c = counts.get(key);
    if (!c) counts.set(key, (c = { critical: 0, high: 0, medium: 0, low: 0, info: 0 }));
    c[fd.severity]++;
  }
  const onPath = new Set<string>();
  for (const p of input.paths) for (const s of p.steps) if (s.type === "workload") onPath.add(s.node);
  const out = nodes.map((n) => {
    const factors = riskFactors(n, input, counts, onPath);
    return { ref: n.ref, score: round(factors.reduce((s, x) => s * x.value, 1)), factors };
  });
  const key = (r: RiskEntry) => `${r.ref.kind}/${r.ref.namespace ?? ""}/${r.ref.name}`;
  return out.sort((a, b) => b.score - a.score || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
