// Attack paths: a breadth-first search over a graph with typed nodes.
//
//   internet -> entry point(s) -> workload -> (workload ->)* [-> ServiceAccount] -> target
//   pods of namespace X -> workload -> [ServiceAccount ->] target           (in-cluster origin)
//
// Targets: "cluster-admin" (the workload's ServiceAccount may do everything cluster-wide), "secrets" (it may
// read Secrets in a namespace or everywhere) and "node" (the pods can take over their node: privileged,
// SYS_ADMIN-like capabilities, the runtime socket, a writable system hostPath). RBAC targets need the token in
// the pods (automountServiceAccountToken). Workload-to-workload steps follow reach.ts.
//
// One multi-source BFS from the internet: every workload is visited once, at its shortest distance, with one
// predecessor (entry points and workloads in sorted order, so the result is stable). A path is reported for
// each (workload, target) pair the search reaches within `maxSteps` steps after the origin. In-cluster paths
// are added for cluster-wide targets (cluster-admin, Secrets everywhere, the node) the internet search does
// not already reach through that workload: "any pod of the workload's namespace" -> workload, when a pod of
// that namespace may connect to it.
import type { Entry } from "./entry-points.js";
import type { Reachability } from "./reach.js";
import type { AttackPath, PathStep, TargetKind } from "./types.js";
import type { Power, WorkloadNode } from "./workloads.js";

/** The impact of a target, for ranking. */
export const TARGET_IMPACT: Record<TargetKind, number> = { "cluster-admin": 10, node: 9, secrets: 6 };
/** Secrets of every namespace weigh more than one namespace's. */
const ALL_SECRETS_IMPACT = 8;

interface Visit {
  /** Steps from "internet" to this workload (included). */
  steps: PathStep[];
}

function impactOf(p: Power): number {
  return p.kind === "secrets" && p.scope === undefined ? ALL_SECRETS_IMPACT : TARGET_IMPACT[p.kind];
}

/** The steps from a workload to each of its targets: [identity, target] for RBAC powers, [target] for the node. */
function targetSteps(n: WorkloadNode): { power: Power; steps: PathStep[] }[] {
  const out: { power: Power; steps: PathStep[] }[] = [];
  for (const p of n.node.takeover) {
    // One node path per workload: the first takeover setting stands for all.
    if (out.some((o) => o.power.kind === "node")) break;
    out.push({ power: p, steps: [{ node: p.node, type: "target", ref: p.ref, fact: p.fact, breakWith: p.breakWith }] });
  }
  if (n.token.mounted && n.rbacPowers.length > 0) {
    const how = n.token.decidedBy === "projectedVolume" ? "a projected token volume" : n.token.decidedBy === "default" ? "automountServiceAccountToken unset" : `automountServiceAccountToken true on the ${n.token.decidedBy === "pod" ? "pod" : "ServiceAccount"}`;
    const saRef = n.token.serviceAccount
      ? { kind: "ServiceAccount", namespace: n.serviceAccount.namespace, name: n.serviceAccount.name, file: n.token.serviceAccount.locate([]).file ?? n.token.serviceAccount.source.file, line: n.token.serviceAccount.locate([]).line }
      : { kind: "ServiceAccount", namespace: n.serviceAccount.namespace, name: n.serviceAccount.name };
    const identity: PathStep = {
      node: n.saId, type: "identity", ref: saRef,
      fact: `the pods run as ServiceAccount ${n.serviceAccount.namespace}/${n.serviceAccount.name} with its token mounted (${how})`,
      breakWith: n.token.decidedBy === "projectedVolume" ? [] : ["automount-service-account-token"],
    };
    for (const p of n.rbacPowers) out.push({ power: p, steps: [identity, { node: p.node, type: "target", ref: p.ref, fact: p.fact, breakWith: p.breakWith }] });
  }
  return out;
}

function makePath(origin: AttackPath["origin"], steps: PathStep[], power: Power, discount: number): AttackPath {
  const length = steps.length - 1;
  const impact = Math.round(impactOf(power) * discount * 0.9 ** Math.max(0, length - 3) * 100) / 100;
  return {
    id: steps.map((s) => s.node).join(" -> "),
    origin,
    target: { kind: power.kind, ...(power.scope === undefined ? {} : { scope: power.scope }) },
    impact,
    steps,
  };
}

export interface Found {
  paths: AttackPath[];
  /** Workloads the internet search reached: through an entry point of their own, or through other workloads. */
  direct: Set<WorkloadNode>;
  lateral: Set<WorkloadNode>;
}

export function findPaths(entries: readonly Entry[], reach: Reachability, maxSteps: number): Found {
  const internet: PathStep = { node: "internet", type: "internet", fact: "an attacker on the internet", breakWith: [] };
  const visits = new Map<WorkloadNode, Visit>();
  let frontier: WorkloadNode[] = [];
  for (const e of entries) {
    for (const t of e.targets) {
      if (visits.has(t.node)) continue;
      const ext = reach.admitsExternal(t.node);
      if (!ext.allowed) continue;
      visits.set(t.node, { steps: [internet, ...e.steps, { node: t.node.id, type: "workload", ref: t.node.ref, fact: `${t.fact}${ext.note}`, breakWith: [] }] });
      frontier.push(t.node);
    }
  }
  const direct = new Set<WorkloadNode>(frontier);
  const lateral = new Set<WorkloadNode>();
  const state = { openDone: false };
  const visited = new Set<WorkloadNode>(frontier);
  // A workload step needs room for at least one target step after it (two with the ServiceAccount).
  while (frontier.length > 0) {
    const next: WorkloadNode[] = [];
    for (const src of frontier) {
      const base = visits.get(src)!.steps;
      if (base.length - 1 + 2 > maxSteps) continue;
      for (const e of reach.neighbours(src, visited, state)) {
        visited.add(e.to);
        visits.set(e.to, { steps: [...base, { node: e.to.id, type: "workload", ref: e.to.ref, fact: `can be reached from ${src.resource.kind} ${src.namespace}/${src.resource.name}: ${e.fact}`, breakWith: e.breakWith }] });
        next.push(e.to);
        lateral.add(e.to);
      }
    }
    frontier = next;
  }

  const paths: AttackPath[] = [];
  const reached = new Set<string>();
  for (const [n, v] of visits) {
    for (const t of targetSteps(n)) {
      const steps = [...v.steps, ...t.steps];
      if (steps.length - 1 > maxSteps) continue;
      paths.push(makePath("internet", steps, t.power, 1));
      reached.add(`${n.id}\u0000${t.power.node}`);
    }
  }
  for (const n of reach.nodes) {
    const wide = targetSteps(n).filter((t) => t.power.scope === undefined && !reached.has(`${n.id}\u0000${t.power.node}`));
    if (wide.length === 0) continue;
    const c = fromNamespace(n, reach);
    if (!c) continue;
    const origin: PathStep = { node: `namespace/${n.namespace}`, type: "namespace", fact: `any pod in namespace ${n.namespace}`, breakWith: [] };
    const step: PathStep = { node: n.id, type: "workload", ref: n.ref, fact: c.fact, breakWith: c.breakWith };
    for (const t of wide) paths.push(makePath("namespace", [origin, step, ...t.steps], t.power, 0.7));
  }
  return { paths, direct, lateral };
}

/** Can some pod of the workload's namespace connect to it (a label-less pod, or another workload of the scan there)? */
function fromNamespace(n: WorkloadNode, reach: Reachability): { fact: string; breakWith: string[] } | undefined {
  const anyPod = reach.connection({ namespace: n.namespace, labels: {} }, n);
  if (anyPod.allowed) return { fact: `any pod in ${n.namespace} can connect: ${anyPod.fact}`, breakWith: anyPod.breakWith };
  for (const other of reach.inNamespace(n.namespace)) {
    if (other === n) continue;
    const c = reach.connection(other, n);
    if (c.allowed) return { fact: `${other.resource.kind} ${other.namespace}/${other.resource.name} can connect: ${c.fact}`, breakWith: c.breakWith };
  }
  return undefined;
}

/** Best first: impact, then fewer steps, then id. */
export function rankPaths(paths: AttackPath[]): AttackPath[] {
  return paths.sort((a, b) => b.impact - a.impact || a.steps.length - b.steps.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
