import type { Inventory } from "../../engine/inventory.js";
import { defineRule } from "../../engine/rule-types.js";
import type { Resource } from "../../model/resource.js";
import { matchesSelector } from "../../model/selectors.js";
import { isObject } from "../../model/types.js";
import { type IntOrPercent, minRunningPods, pdbSelector, readIntOrPercent, scaled, podOwnersByNamespace } from "./_availability.js";

// Runs on PodDisruptionBudgets. Reported, following the disruption controller (pkg/controller/disruption):
// - `maxUnavailable` 0 or "0%": no pod may ever be evicted;
// - `minAvailable` "100%" or more: the same;
// - `minAvailable` at or above the number of pods it protects, counted from the workloads of the scan in the
//   same namespace whose pod template labels the selector matches: their `replicas` (unset = 1), or for an
//   autoscaled workload the autoscaler's minimum (HPA or KEDA ScaledObject, at least 1), since drains happen
//   at low load. Percentages are rounded up, as the controller does (50% of 1 pod is 1, 67% of 3 pods is 3).
//   An eviction is allowed only if minAvailable pods remain available after it (PodDisruptionBudgetSpec API
//   reference), so minAvailable equal to the pod count allows none. Nothing is reported when the selected pods
//   cannot be counted (no workload matched, DaemonSets, Jobs, template placeholders);
// - neither field set: the budget protects nothing in policy/v1 (policy/v1beta1 defaulted minAvailable to 1).
export default defineRule({
  id: "pdb-blocks-disruption",
  title: "PodDisruptionBudget blocks all disruptions",
  rationale:
    "A PodDisruptionBudget that allows no voluntary disruption makes every node drain wait forever for its pods: cluster " +
    "upgrades, node replacements and autoscaler scale-downs stall, and security patches for the nodes are delayed or applied " +
    "by force. A budget without any policy, on the other hand, protects nothing.",
  attack:
    "Nodes that cannot be drained keep running unpatched kernels and kubelets for longer, extending the window in which known " +
    "vulnerabilities can be exploited; operators who force drains to get around the budget lose its protection entirely.",
  remediation:
    "Allow at least one pod to be disrupted: use `maxUnavailable: 1` (or a percentage above 0), or keep `minAvailable` below " +
    "the number of replicas (and below an autoscaler's `minReplicas`). Give every budget one of the two fields.",
  example: {
    insecure: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  maxUnavailable: 0
  selector:
    matchLabels: {app: web}
`,
    secure: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {app: web}
`,
  },
  messages: {
    maxUnavailableZero: "maxUnavailable is {{value}}, so no pod may ever be evicted and node drains stall",
    minAvailableAll: "minAvailable is {{value}}, so no pod may ever be evicted and node drains stall",
    minAvailableTooHigh: "minAvailable {{value}} requires all {{pods}} selected pod(s) to stay up ({{workloads}}), so no pod may be evicted and node drains stall",
    noPolicy: "The PodDisruptionBudget sets neither minAvailable nor maxUnavailable, so it does not protect its pods",
  },
  check(ctx) {
    const pdb = ctx.resource;
    const spec = isObject(pdb.object.spec) ? pdb.object.spec : {};
    const hasMax = spec.maxUnavailable !== undefined && spec.maxUnavailable !== null;
    const hasMin = spec.minAvailable !== undefined && spec.minAvailable !== null;
    if (!hasMax && !hasMin) {
      ctx.report({ messageId: "noPolicy", path: ["spec", "maxUnavailable"] });
      return;
    }
    if (hasMax) {
      const v = readIntOrPercent(spec.maxUnavailable);
      if (v && v.value === 0) ctx.report({ messageId: "maxUnavailableZero", data: { value: String(spec.maxUnavailable) }, path: ["spec", "maxUnavailable"] });
    }
    if (!hasMin) return;
    const min = readIntOrPercent(spec.minAvailable);
    if (!min) return;
    const path = ["spec", "minAvailable"];
    if (min.kind === "percent" && min.value >= 100) {
      ctx.report({ messageId: "minAvailableAll", data: { value: String(spec.minAvailable) }, path });
      return;
    }
    const counted = selectedPods(ctx.inventory, pdb);
    if (!counted || counted.pods === 0 || !blocks(min, counted.pods)) return;
    ctx.report({
      messageId: "minAvailableTooHigh",
      data: { value: String(spec.minAvailable), pods: counted.pods, workloads: counted.names.join(", ") },
      path,
    });
  },
});

function blocks(min: IntOrPercent, pods: number): boolean {
  return scaled(min, pods) >= pods;
}

/** Pods the budget selects among the scan's workloads of its namespace; undefined when some cannot be counted or none match. */
function selectedPods(inventory: Inventory, pdb: Resource): { pods: number; names: string[] } | undefined {
  const sel = pdbSelector(pdb);
  if (!sel) return undefined;
  const owners = podOwnersByNamespace(inventory).get(inventory.namespaceOf(pdb) ?? "") ?? [];
  let pods = 0;
  const names: string[] = [];
  for (const o of owners) {
    if (!matchesSelector(sel, o.labels)) continue;
    const n = minRunningPods(inventory, o.resource);
    if (n === undefined) return undefined;
    pods += n;
    names.push(`${o.resource.kind}/${o.resource.name}`);
  }
  return names.length === 0 ? undefined : { pods, names };
}
