import type { Inventory } from "../../engine/inventory.js";
import { defineRule } from "../../engine/rule-types.js";
import { matchesSelector, readSelector } from "../../model/selectors.js";
import { type JsonObject, isObject } from "../../model/types.js";
import { asArray, asInt } from "../../model/values.js";
import type { Workload } from "../../model/workload.js";
import { isHelmTestHook, maxPods } from "./_availability.js";

// Runs on Deployments and StatefulSets that may run several pods (`replicas` ≥ 2, or an autoscaler maximum
// ≥ 2). Satisfied by a pod anti-affinity term, required or preferred, whose topologyKey separates nodes
// (kubernetes.io/hostname, or a zone key: pods in different zones are on different nodes) and that applies
// to the workload's own pods: its labelSelector matches the pod template labels and it covers the
// workload's namespace (no `namespaces` and no `namespaceSelector` = own namespace; a listed namespace; or a
// namespaceSelector matching the namespace's labels). A pod template without labels is a fragment (such as a
// Kustomize patch; the API requires labels matching the selector), so there any term on such a key counts.
// A topologySpreadConstraint on such a key that counts
// the workload's own pods spreads them too and also counts.
const SPREAD_KEYS = new Set(["kubernetes.io/hostname", "topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone"]);

export default defineRule({
  id: "anti-affinity-missing",
  title: "No pod anti-affinity",
  rationale:
    "Replicas exist so that losing one pod does not stop the service. If the scheduler places all replicas on the same node, " +
    "one node failure, reboot or drain still takes them all down. Pod anti-affinity (or a topology spread constraint) on the " +
    "node hostname asks the scheduler to put them on different nodes.",
  attack:
    "An attacker (or an incident) that takes down a single node, for example by exhausting its resources from a co-located " +
    "pod, removes every replica at once when they were all scheduled there.",
  remediation:
    "Add `affinity.podAntiAffinity` with a `preferredDuringSchedulingIgnoredDuringExecution` (or required) term whose " +
    "`labelSelector` matches the pod's own labels and whose `topologyKey` is `kubernetes.io/hostname`, or a " +
    "`topologySpreadConstraints` entry on that key.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example/web:1.0
`,
    secure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels: {app: web}
      containers:
        - name: web
          image: registry.example/web:1.0
`,
  },
  messages: {
    missing: "{{kind}} '{{name}}' may run {{replicas}} replicas but has no pod anti-affinity on the node, so they may all land on one node",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w || isHelmTestHook(ctx.resource)) return;
    const pods = maxPods(ctx.inventory, ctx.resource);
    if (pods === undefined || pods < 2) return;
    if (spreadsOwnPods(ctx.inventory, w)) return;
    ctx.report({
      messageId: "missing",
      data: { kind: ctx.resource.kind, name: ctx.resource.name, replicas: pods },
      path: w.at("affinity", "podAntiAffinity"),
    });
  },
});

function spreadsOwnPods(inventory: Inventory, w: Workload): boolean {
  const labels = w.podLabels();
  // A template without labels is a fragment (a Kustomize patch): the API requires labels that match the
  // workload's selector, so a term's selector cannot be checked against them and any term on a node key counts.
  const unknownLabels = Object.keys(labels).length === 0;
  const namespace = inventory.namespaceOf(w.resource) ?? "";
  const anti = isObject(w.podSpec.affinity) ? w.podSpec.affinity.podAntiAffinity : undefined;
  if (isObject(anti)) {
    const terms: unknown[] = [
      ...asArray(anti.requiredDuringSchedulingIgnoredDuringExecution),
      ...asArray(anti.preferredDuringSchedulingIgnoredDuringExecution).map((p) => (isObject(p) ? p.podAffinityTerm : undefined)),
    ];
    for (const t of terms) {
      if (!isObject(t) || typeof t.topologyKey !== "string" || !SPREAD_KEYS.has(t.topologyKey)) continue;
      const sel = readSelector(t.labelSelector);
      if (!sel || !(unknownLabels || matchesSelector(sel, labels))) continue;
      if (coversNamespace(inventory, t, namespace)) return true;
    }
  }
  for (const c of asArray(w.podSpec.topologySpreadConstraints)) {
    if (!isObject(c) || typeof c.topologyKey !== "string" || !SPREAD_KEYS.has(c.topologyKey)) continue;
    const skew = asInt(c.maxSkew);
    if (skew === undefined || skew < 1) continue;
    const sel = readSelector(c.labelSelector);
    if (sel && (unknownLabels || matchesSelector(sel, labels))) return true;
  }
  return false;
}

/** Does a pod affinity term look at pods of this namespace? */
function coversNamespace(inventory: Inventory, term: JsonObject, namespace: string): boolean {
  const names = asArray(term.namespaces).map(String);
  const nsSel = readSelector(term.namespaceSelector);
  if (names.length === 0 && !nsSel) return true;
  if (names.includes(namespace)) return true;
  return nsSel !== undefined && matchesSelector(nsSel, inventory.namespaceLabels(namespace));
}
