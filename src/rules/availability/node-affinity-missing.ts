import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";
import { isHelmTestHook } from "./_availability.js";

// Runs on workloads except DaemonSets (which run on every node, or the nodes their own nodeSelector picks,
// by design) and Helm test hooks. Satisfied by a non-empty `nodeSelector` or by node affinity with at least
// one required node selector term or preferred term.
export default defineRule({
  id: "node-affinity-missing",
  title: "No node affinity",
  rationale:
    "Without node affinity or a nodeSelector a pod may be scheduled on any node of the cluster, including nodes meant for " +
    "other teams, other trust levels (internet-facing, PCI) or special hardware. Pinning workloads to their node pools keeps " +
    "a compromise of one workload from landing next to sensitive ones.",
  attack:
    "An attacker who escapes a container reaches whatever else runs on that node; when untrusted workloads can land on the " +
    "same nodes as sensitive ones, one escape exposes both.",
  remediation:
    "Set `nodeSelector` or `affinity.nodeAffinity` on the pod template to select the node pool the workload belongs on (and " +
    "taint dedicated pools so that only workloads that tolerate them land there).",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  nodeSelector:
    pool: web
  containers:
    - name: web
      image: registry.example/web:1.0
`,
  },
  messages: {
    missing: "{{kind}} '{{name}}' sets no node affinity or nodeSelector, so its pods may be scheduled on any node",
  },
  check(ctx) {
    const w = ctx.workload;
    const r = ctx.resource;
    if (!w || r.kind === "DaemonSet" || isHelmTestHook(r)) return;
    const sel = w.podSpec.nodeSelector;
    if (isObject(sel) && Object.keys(sel).length > 0) return;
    const na = isObject(w.podSpec.affinity) ? w.podSpec.affinity.nodeAffinity : undefined;
    if (isObject(na)) {
      const req = na.requiredDuringSchedulingIgnoredDuringExecution;
      if (isObject(req) && asArray(req.nodeSelectorTerms).some(isObject)) return;
      if (asArray(na.preferredDuringSchedulingIgnoredDuringExecution).some(isObject)) return;
    }
    ctx.report({ messageId: "missing", data: { kind: r.kind, name: r.name }, path: w.at("affinity", "nodeAffinity") });
  },
});
