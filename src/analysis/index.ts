// Attack-surface analysis of a scan: entry points, identities, attack paths, per-workload risk, assets and trust boundaries, computed
// from the scan's Inventory and findings (no I/O, no formatting). Shared by the CLI (`scan --surface`), and
// later the webhook and the HTML report.
import type { Inventory } from "../engine/inventory.js";
import type { Finding } from "../model/finding.js";
import { assetsOf, boundariesOf } from "./assets.js";
import { type Entry, entryPoints } from "./entry-points.js";
import { findPaths, rankPaths } from "./paths.js";
import { Reachability } from "./reach.js";
import { scoreRisk } from "./risk.js";
import type { AnalyzeOptions, IdentitySummary, SurfaceAnalysis } from "./types.js";
import { type WorkloadNode, workloadNodes } from "./workloads.js";

export type * from "./types.js";

export const DEFAULT_MAX_PATHS = 50;
export const DEFAULT_MAX_STEPS = 6;

function identities(nodes: readonly WorkloadNode[]): IdentitySummary[] {
  const bySa = new Map<string, IdentitySummary>();
  for (const n of nodes) {
    let s = bySa.get(n.saId);
    if (!s) {
      const sa = n.token.serviceAccount;
      const ref = sa
        ? { kind: "ServiceAccount", namespace: n.serviceAccount.namespace, name: n.serviceAccount.name, file: sa.locate([]).file ?? sa.source.file, line: sa.locate([]).line }
        : { kind: "ServiceAccount", namespace: n.serviceAccount.namespace, name: n.serviceAccount.name };
      s = { serviceAccount: `${n.serviceAccount.namespace}/${n.serviceAccount.name}`, ref, workloads: [], powers: n.rbacPowers.map((p) => p.kind === "cluster-admin" ? "cluster-admin" : `read Secrets ${p.scope === undefined ? "in all namespaces" : `in ${p.scope}`}`) };
      bySa.set(n.saId, s);
    }
    s.workloads.push({ ref: n.ref, tokenMounted: n.token.mounted });
  }
  return [...bySa.values()].sort((a, b) => (a.serviceAccount < b.serviceAccount ? -1 : a.serviceAccount > b.serviceAccount ? 1 : 0));
}

/** Analyses the deployment a scan describes. `findings` are the scan's (they raise the risk of the objects they are on). */
export function analyze(inventory: Inventory, findings: readonly Finding[], options: AnalyzeOptions = {}): SurfaceAnalysis {
  const maxPaths = options.maxPaths ?? DEFAULT_MAX_PATHS;
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const nodes = workloadNodes(inventory);
  const entries: Entry[] = entryPoints(inventory, nodes);
  const reach = new Reachability(inventory, nodes);
  const { paths: found, direct, lateral } = findPaths(entries, reach, maxSteps);
  const paths = rankPaths(found);
  return {
    entryPoints: entries.map((e) => e.summary),
    identities: identities(nodes),
    attackPaths: paths.slice(0, maxPaths),
    totalPaths: paths.length,
    risk: scoreRisk(nodes, { direct, lateral, paths, findings, defaultNamespace: inventory.defaultNamespace }),
    assets: assetsOf(inventory, nodes),
    boundaries: boundariesOf(inventory, nodes, reach),
  };
}
