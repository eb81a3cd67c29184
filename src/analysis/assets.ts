// The assets and trust boundaries of a scan, from the objects themselves rather than from findings: every Secret
// defined or referenced (who reads it, which ServiceAccounts could), hostPath and PersistentVolumeClaim volumes,
// and per namespace its NetworkPolicies, whether they isolate every workload, and its Pod Security Admission level.
// Linear in the objects: everything is indexed by namespace, nothing compares all pairs. Never reads Secret data.
import type { Inventory } from "../engine/inventory.js";
import { networkPolicyIndex } from "../model/network-policy.js";
import type { Resource } from "../model/resource.js";
import { isEmptySelector } from "../model/selectors.js";
import { isObject } from "../model/types.js";
import { asArray } from "../model/values.js";
import type { Reachability } from "./reach.js";
import type { Assets, Boundary, ClaimAsset, HostPathAsset, SecretAsset, SurfaceRef } from "./types.js";
import { type WorkloadNode, refOf } from "./workloads.js";

export const PSA_ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A reference without file and line, for objects the scan does not define. */
function bareRef(kind: string, namespace: string, name: string): SurfaceRef {
  return { kind, namespace, name };
}

/** The ServiceAccounts in use that can read Secrets: those with cluster-wide powers, and those per namespace. */
function secretReaders(nodes: readonly WorkloadNode[]): { all: string[]; byNs: Map<string, string[]> } {
  const all = new Set<string>();
  const byNs = new Map<string, Set<string>>();
  const seen = new Set<string>();
  for (const n of nodes) {
    if (seen.has(n.saId)) continue;
    seen.add(n.saId);
    const sa = `${n.serviceAccount.namespace}/${n.serviceAccount.name}`;
    for (const p of n.rbacPowers) {
      if (p.kind === "cluster-admin" || (p.kind === "secrets" && p.scope === undefined)) all.add(sa);
      else if (p.kind === "secrets" && p.scope !== undefined) (byNs.get(p.scope) ?? byNs.set(p.scope, new Set()).get(p.scope)!).add(sa);
    }
  }
  return { all: [...all].sort(cmp), byNs: new Map([...byNs].map(([k, v]) => [k, [...v].sort(cmp)])) };
}

/** Names of the Secrets a workload references: those `secretsRead` found plus imagePullSecrets. */
function secretNames(n: WorkloadNode): string[] {
  const out = new Set(n.secrets);
  for (const s of asArray(n.workload.podSpec.imagePullSecrets)) if (isObject(s) && typeof s.name === "string" && s.name !== "") out.add(s.name);
  return [...out];
}

export function assetsOf(inventory: Inventory, nodes: readonly WorkloadNode[]): Assets {
  const ns = (r: Resource) => r.namespaceOr(inventory.defaultNamespace) ?? inventory.defaultNamespace;
  const secrets = new Map<string, SecretAsset>();
  const key = (namespace: string, name: string) => `${namespace}\u0000${name}`;
  for (const r of inventory.ofKind("Secret")) {
    if (r.apiVersion !== "v1") continue;
    const k = key(ns(r), r.name);
    if (secrets.has(k)) continue;
    const ref = refOf(r, undefined, inventory.defaultNamespace);
    const type = r.object.type;
    secrets.set(k, { ref, defined: true, ...(typeof type === "string" && type !== "" ? { type } : {}), usedBy: [], readableBy: [] });
  }
  const hostPaths: HostPathAsset[] = [];
  const claims: ClaimAsset[] = [];
  for (const n of nodes) {
    const wref = n.ref;
    for (const name of secretNames(n)) {
      const k = key(n.namespace, name);
      let s = secrets.get(k);
      if (!s) secrets.set(k, (s = { ref: bareRef("Secret", n.namespace, name), defined: false, usedBy: [], readableBy: [] }));
      s.usedBy.push(wref);
    }
    const w = n.workload;
    asArray(w.podSpec.volumes).forEach((v, i) => {
      if (!isObject(v)) return;
      const volume = typeof v.name === "string" ? v.name : "";
      if (isObject(v.hostPath) && typeof v.hostPath.path === "string") {
        const writable = w.containers.some((c) => asArray(c.spec.volumeMounts).some((m) => isObject(m) && m.name === volume && m.readOnly !== true));
        hostPaths.push({ path: v.hostPath.path, volume, readOnly: !writable, workload: refOf(n.resource, w.at("volumes", i, "hostPath"), inventory.defaultNamespace) });
      }
      if (isObject(v.persistentVolumeClaim) && typeof v.persistentVolumeClaim.claimName === "string") {
        const claim = v.persistentVolumeClaim.claimName;
        const pvc = inventory.get("PersistentVolumeClaim", n.namespace, claim);
        claims.push({ claim, volume, ref: pvc ? refOf(pvc, undefined, inventory.defaultNamespace) : bareRef("PersistentVolumeClaim", n.namespace, claim), workload: wref });
      }
    });
  }
  const readers = secretReaders(nodes);
  const list = [...secrets.values()].sort((a, b) => cmp(a.ref.namespace ?? "", b.ref.namespace ?? "") || cmp(a.ref.name, b.ref.name));
  for (const s of list) {
    const inNs = readers.byNs.get(s.ref.namespace ?? "") ?? [];
    s.readableBy = inNs.length === 0 ? readers.all : [...new Set([...readers.all, ...inNs])].sort(cmp);
  }
  const byWorkload = (a: { workload: SurfaceRef }, b: { workload: SurfaceRef }) => cmp(a.workload.namespace ?? "", b.workload.namespace ?? "") || cmp(a.workload.kind, b.workload.kind) || cmp(a.workload.name, b.workload.name);
  hostPaths.sort((a, b) => byWorkload(a, b) || cmp(a.volume, b.volume));
  claims.sort((a, b) => byWorkload(a, b) || cmp(a.volume, b.volume));
  return { secrets: list, volumes: { hostPaths, claims } };
}

/** One boundary per namespace with workloads or NetworkPolicies. */
export function boundariesOf(inventory: Inventory, nodes: readonly WorkloadNode[], reach: Reachability): Boundary[] {
  const policies = networkPolicyIndex(inventory).policies;
  const names = new Set<string>();
  for (const n of nodes) names.add(n.namespace);
  const policiesByNs = new Map<string, typeof policies[number][]>();
  for (const p of policies) {
    names.add(p.namespace);
    (policiesByNs.get(p.namespace) ?? policiesByNs.set(p.namespace, []).get(p.namespace)!).push(p);
  }
  const out: Boundary[] = [];
  for (const namespace of [...names].sort(cmp)) {
    const workloads = reach.inNamespace(namespace);
    const own = policiesByNs.get(namespace) ?? [];
    const deny = (type: "Ingress" | "Egress") =>
      workloads.length > 0 ? workloads.every((w) => reach.policiesIsolating(w, type).length > 0) : own.some((p) => p.types.has(type) && isEmptySelector(p.podSelector));
    const nsObj = inventory.get("Namespace", undefined, namespace);
    const enforce = nsObj?.labels()[PSA_ENFORCE_LABEL];
    out.push({
      namespace,
      workloads: workloads.length,
      networkPolicies: [...new Set(own.map((p) => p.name))].sort(cmp),
      defaultDeny: { ingress: deny("Ingress"), egress: deny("Egress") },
      ...(enforce !== undefined && enforce !== "" ? { podSecurityEnforce: enforce } : {}),
    });
  }
  return out;
}
