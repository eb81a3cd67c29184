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

  /** Objects of a kind, optionally only those in one namespace. */
  ofKind(kind: string, namespace?: string): Resource[] {
    const list = this.byKind.get(kind) ?? [];
    return namespace === undefined ? list : list.filter((r) => r.namespaceOr(this.defaultNamespace) === namespace);
  }

  get(kind: string, namespace: string | undefined, name: string): Resource | undefined {
    return this.byKey.get(this.key(kind, namespace, name));
  }

  /** The pod spec view of an object (computed once per object and shared by all rules). */
  workloadOf(resource: Resource): Workload | undefined {
    if (!this.workloads.has(resource)) this.workloads.set(resource, findWorkload(resource));
    return this.workloads.get(resource);
  }

  namespaceOf(resource: Resource): string | undefined {
    return resource.namespaceOr(this.defaultNamespace);
  }

  private key(kind: string, namespace: string | undefined, name: string): string {
    return `${kind}\u0000${namespace ?? ""}\u0000${name}`;
  }
}
