// Network reachability between workloads under the Kubernetes NetworkPolicies of the scan (network-policy.ts
// semantics: default allow; a pod selected by a policy of a type is isolated for that direction and gets only
// what some rule of those policies allows; peers by pod and namespace selectors, namespaces carrying
// `kubernetes.io/metadata.name`; ports by number, range or container-port name).
//
// Scale: no all-pairs matrix. Each policy's selected workloads are computed once; a search asks `neighbours(src)`
// only for the workloads it visits. Destinations no ingress policy isolates are handed out once per search
// (`open`); isolated ones are found through the policies that could admit the source: those of its own
// namespace plus the few whose rules reach across namespaces.
import type { Inventory } from "../engine/inventory.js";
import { type NetworkPolicyIndex, type NetworkPolicyInfo, type PolicyRule, type PolicyType, networkPolicyIndex, portMatches } from "../model/network-policy.js";
import { selectorSelectsTemplate } from "../model/services.js";
import type { WorkloadNode } from "./workloads.js";

export interface Edge {
  to: WorkloadNode;
  fact: string;
  breakWith: string[];
}

/** What one search keeps between `neighbours` calls. */
export interface SearchState {
  openDone: boolean;
  pending?: Map<NetworkPolicyInfo | "open", WorkloadNode[]>;
}

export class Reachability {
  private readonly npi: NetworkPolicyIndex;
  private readonly selected = new Map<NetworkPolicyInfo, WorkloadNode[]>();
  private readonly isolating = new Map<WorkloadNode, { Ingress: NetworkPolicyInfo[]; Egress: NetworkPolicyInfo[] }>();
  private readonly ingressByNs = new Map<string, NetworkPolicyInfo[]>();
  private readonly crossNs: NetworkPolicyInfo[] = [];
  /** Workloads that no ingress policy isolates. */
  readonly open: WorkloadNode[] = [];
  private readonly byNs = new Map<string, WorkloadNode[]>();

  constructor(inventory: Inventory, readonly nodes: readonly WorkloadNode[]) {
    this.npi = networkPolicyIndex(inventory);
    const byNs = this.byNs;
    for (const n of nodes) {
      let l = byNs.get(n.namespace);
      if (!l) byNs.set(n.namespace, (l = []));
      l.push(n);
      this.isolating.set(n, { Ingress: [], Egress: [] });
    }
    for (const p of this.npi.policies) {
      const sel = (byNs.get(p.namespace) ?? []).filter((n) => selectorSelectsTemplate(p.podSelector, n.template));
      this.selected.set(p, sel);
      for (const n of sel) for (const t of p.types) this.isolating.get(n)![t].push(p);
      if (p.types.has("Ingress")) {
        const cross = p.ingress.some((r) => r.peers === undefined || r.peers.some((x) => x.namespaceSelector !== undefined));
        if (cross) this.crossNs.push(p);
        else {
          let l = this.ingressByNs.get(p.namespace);
          if (!l) this.ingressByNs.set(p.namespace, (l = []));
          l.push(p);
        }
      }
    }
    for (const n of nodes) if (this.isolating.get(n)!.Ingress.length === 0) this.open.push(n);
  }

  /** The workloads of a namespace. */
  inNamespace(namespace: string): readonly WorkloadNode[] {
    return this.byNs.get(namespace) ?? [];
  }

  /** The policies that isolate a workload's pods for a direction. */
  policiesIsolating(n: WorkloadNode, type: PolicyType): readonly NetworkPolicyInfo[] {
    return this.isolating.get(n)?.[type] ?? [];
  }

  /** Does a rule allow `dst` on one of its ports? A rule without ports allows all; pods declaring no port are taken to listen on any. */
  private portsAllow(rule: PolicyRule, dst: WorkloadNode): boolean {
    if (!rule.ports) return true;
    const ports = dst.template.ports;
    if (ports.length === 0) return rule.ports.some((p) => typeof p.port !== "string");
    return ports.some((cp) => cp.number !== undefined && rule.ports!.some((p) => portMatches(p, { number: cp.number!, ...(cp.name ? { name: cp.name } : {}), protocol: cp.protocol })));
  }

  private ruleAdmits(p: NetworkPolicyInfo, rule: PolicyRule, peer: { namespace: string; labels: Record<string, string> }, dst: WorkloadNode): boolean {
    return this.npi.ruleAllows(p, rule, peer) && this.portsAllow(rule, dst);
  }

  /** May `src` (a workload, or a pod of a namespace with the given labels) open a connection to `dst`? With the reason. */
  connection(src: WorkloadNode | { namespace: string; labels: Record<string, string> }, dst: WorkloadNode): { allowed: boolean; fact: string; breakWith: string[] } {
    const peerOf = (n: WorkloadNode | { namespace: string; labels: Record<string, string> }) => ("template" in n ? { namespace: n.namespace, labels: n.template.labels } : n);
    const srcPeer = peerOf(src);
    const dstPeer = { namespace: dst.namespace, labels: dst.template.labels };
    if ("template" in src) {
      const egress = this.policiesIsolating(src, "Egress");
      if (egress.length > 0 && !egress.some((p) => p.egress.some((r) => this.ruleAdmits(p, r, dstPeer, dst)))) {
        return { allowed: false, fact: `egress NetworkPolicy ${egress.map((p) => p.name).join(", ")} of the source denies it`, breakWith: [] };
      }
    }
    const ingress = this.policiesIsolating(dst, "Ingress");
    if (ingress.length === 0) return { allowed: true, fact: "no NetworkPolicy selects the pods", breakWith: ["pod-not-covered-by-networkpolicy"] };
    const admitting = ingress.find((p) => p.ingress.some((r) => this.ruleAdmits(p, r, srcPeer, dst)));
    if (admitting) return { allowed: true, fact: `NetworkPolicy ${admitting.namespace}/${admitting.name} allows it`, breakWith: [] };
    return { allowed: false, fact: `NetworkPolicy ${ingress.map((p) => p.name).join(", ")} isolates the pods`, breakWith: [] };
  }

  /**
   * Can traffic from outside the cluster (a load balancer, node port or ingress controller) reach the pods? Yes
   * unless every isolating ingress policy admits only pods of its own namespace (podSelector-only peers) or nothing.
   */
  admitsExternal(dst: WorkloadNode): { allowed: boolean; note: string } {
    const ingress = this.policiesIsolating(dst, "Ingress");
    if (ingress.length === 0) return { allowed: true, note: "" };
    const p = ingress.find((x) => x.ingress.some((r) => this.portsAllow(r, dst) && (r.peers === undefined || r.peers.some((peer) => peer.namespaceSelector !== undefined || peer.ipBlock !== undefined))));
    return p ? { allowed: true, note: ` (NetworkPolicy ${p.namespace}/${p.name} admits traffic from outside the namespace)` } : { allowed: false, note: "" };
  }

  /**
   * The workloads `src` can connect to that `visited` does not hold yet. `state` belongs to one search:
   * `openDone` records that the open workloads were already handed out (to a source whose egress is not
   * restricted), and `pending` keeps, per policy and for the open list, only the destinations not visited yet
   * (compacted as the search goes), so that a policy whose pods were all reached costs nothing for later sources:
   * the search stays linear in the workloads plus the policies, even when many policies admit every namespace.
   */
  neighbours(src: WorkloadNode, visited: ReadonlySet<WorkloadNode>, state: SearchState): Edge[] {
    const out: Edge[] = [];
    const seen = new Set<WorkloadNode>();
    const consider = (dst: WorkloadNode) => {
      if (dst === src || visited.has(dst) || seen.has(dst)) return;
      seen.add(dst);
      const c = this.connection(src, dst);
      if (c.allowed) out.push({ to: dst, fact: c.fact, breakWith: c.breakWith });
    };
    const pending = (state.pending ??= new Map());
    const rest = (list: readonly WorkloadNode[] | undefined, key: NetworkPolicyInfo | "open"): WorkloadNode[] => {
      let l = pending.get(key);
      if (!l) pending.set(key, (l = [...(list ?? [])]));
      // Drop what the search has reached since (in place, keeping order).
      let w = 0;
      for (const n of l) if (!visited.has(n)) l[w++] = n;
      l.length = w;
      return l;
    };
    const egressOpen = this.policiesIsolating(src, "Egress").length === 0;
    if (!egressOpen || !state.openDone) for (const d of rest(this.open, "open")) consider(d);
    if (egressOpen) state.openDone = true;
    const peer = { namespace: src.namespace, labels: src.template.labels };
    const via = (p: NetworkPolicyInfo) => {
      const targets = rest(this.selected.get(p), p);
      if (targets.length === 0) return;
      if (!p.ingress.some((r) => this.npi.ruleAllows(p, r, peer))) return;
      for (const d of targets) consider(d);
    };
    for (const p of this.ingressByNs.get(src.namespace) ?? []) via(p);
    for (const p of this.crossNs) via(p);
    return out;
  }
}
