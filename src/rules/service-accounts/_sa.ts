// Shared pieces of the ServiceAccount rules.
import type { Inventory } from "../../engine/inventory.js";
import type { Resource } from "../../model/resource.js";
import { type TokenMount, tokenMount, workloadServiceAccount } from "../../model/rbac.js";
import type { Workload } from "../../model/workload.js";

/** A ServiceAccount object (core v1). */
export function isServiceAccount(r: Resource): boolean {
  return r.kind === "ServiceAccount" && r.apiVersion === "v1";
}

export interface SaUse {
  workload: Workload;
  token: TokenMount;
}

/** Workloads of the scan by the ServiceAccount they run as ("ns/name"), with their token mount; built once per scan. */
export function workloadsByServiceAccount(inventory: Inventory): Map<string, SaUse[]> {
  return inventory.memo("service-accounts:workloads", (inv) => {
    const map = new Map<string, SaUse[]>();
    for (const w of inv.allWorkloads()) {
      const sa = workloadServiceAccount(w, inv.defaultNamespace);
      const key = `${sa.namespace}/${sa.name}`;
      const list = map.get(key) ?? [];
      list.push({ workload: w, token: tokenMount(w, inv) });
      map.set(key, list);
    }
    return map;
  });
}

/** "Deployment/web, Job/migrate and 2 more": distinct names, those of the same file as `near` first. */
export function describeWorkloads(uses: readonly SaUse[], near?: Resource, max = 3): string {
  const file = near?.source.file;
  const sorted = [...uses].sort((a, b) => Number(b.workload.resource.source.file === file) - Number(a.workload.resource.source.file === file));
  const names = [...new Set(sorted.map((u) => `${u.workload.resource.kind}/${u.workload.resource.name}`))];
  return names.length <= max ? names.join(", ") : `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}
