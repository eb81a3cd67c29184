import type { Resource } from "../model/resource.js";
import { type Workload, findWorkload } from "../model/workload.js";

/**
 * One index of all objects of a scan, built once. Cross-object rules (Services → workloads,
 * NetworkPolicies, RBAC) look things up here instead of walking the scan again.
 */
export class Inventory {
  private readonly byKind = new Map<string, Resource[]>();
  private readonly byKey = new Map<string, Resource>();
  private readonly workloads = new Map<Resource, Workload | undefined>();
  private readonly memos = new Map<string, unknown>();
  private readonly byKindNs = new Map<string, Map<string, Resource[]>>();

  constructor(
    readonly resources: readonly Resource[],
    readonly defaultNamespace: string,
  ) {
    for (const r of resources) {
      let list = this.byKind.get(r.kind);
      if (!list) this.byKind.set(r.kind, (list = []));
      list.push(r);
      this.byKey.set(this.key(r.kind, r.namespaceOr(defaultNamespace), r.name), r);
    }
  }

  /** Objects of a kind, optionally only those in one namespace (indexed on first use, not filtered per call). */
  ofKind(kind: string, namespace?: string): Resource[] {
    const list = this.byKind.get(kind) ?? [];
    if (namespace === undefined) return list;
    let byNs = this.byKindNs.get(kind);
    if (!byNs) {
      byNs = new Map();
      for (const r of list) {
        const ns = r.namespaceOr(this.defaultNamespace) ?? "";
        let l = byNs.get(ns);
        if (!l) byNs.set(ns, (l = []));
        l.push(r);
      }
      this.byKindNs.set(kind, byNs);
    }
    return byNs.get(namespace) ?? [];
  }

  get(kind: string, namespace: string | undefined, name: string): Resource | undefined {
    return this.byKey.get(this.key(kind, namespace, name));
  }

  /** The pod spec view of an object (computed once per object and shared by all rules). */
  workloadOf(resource: Resource): Workload | undefined {
    if (!this.workloads.has(resource)) this.workloads.set(resource, findWorkload(resource));
    return this.workloads.get(resource);
  }

  /**
   * A derived index (RBAC graph, NetworkPolicies by namespace, …), computed on first use and shared by
   * every rule of the scan. `key` names the index; use one key per kind of index.
   */
  memo<T>(key: string, compute: (inventory: Inventory) => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute(this));
    return this.memos.get(key) as T;
  }

  /** Every object that carries a pod template, with its pod spec view. */
  allWorkloads(): Workload[] {
    return this.memo("workloads", () => this.resources.map((r) => this.workloadOf(r)).filter((w): w is Workload => w !== undefined));
  }

  /** Namespaces that objects of the scan live in or that are declared as Namespace objects. */
  namespaces(): string[] {
    return this.memo("namespaces", () => {
      const set = new Set<string>();
      for (const r of this.resources) {
        if (r.kind === "Namespace" && r.apiVersion === "v1") set.add(r.name);
        const ns = r.namespaceOr(this.defaultNamespace);
        if (ns !== undefined) set.add(ns);
      }
      return [...set].sort();
    });
  }

  /**
   * The labels of a namespace: those of its Namespace object when the scan has one, plus the
   * `kubernetes.io/metadata.name` label that Kubernetes sets on every namespace.
   */
  namespaceLabels(namespace: string): Record<string, string> {
    const obj = this.get("Namespace", undefined, namespace);
    return { ...(obj?.labels() ?? {}), "kubernetes.io/metadata.name": namespace };
  }

  namespaceOf(resource: Resource): string | undefined {
    return resource.namespaceOr(this.defaultNamespace);
  }

  private key(kind: string, namespace: string | undefined, name: string): string {
    return `${kind}\u0000${namespace ?? ""}\u0000${name}`;
  }
}
