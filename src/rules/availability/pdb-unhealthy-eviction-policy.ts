import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";

// Runs on PodDisruptionBudgets when the target Kubernetes version has the field (beta and on by default from
// 1.27, GA in 1.31). Reported when `spec.unhealthyPodEvictionPolicy` is unset; an explicit IfHealthyBudget
// (the default behaviour) is a deliberate choice and passes.
export default defineRule({
  id: "pdb-unhealthy-eviction-policy",
  title: "PDB without unhealthyPodEvictionPolicy",
  rationale:
    "By default a PodDisruptionBudget also protects pods that are running but not ready: if an application's pods are stuck " +
    "unhealthy (crash loop, bad config), the budget is never satisfied and node drains wait for them forever. Setting " +
    "`unhealthyPodEvictionPolicy: AlwaysAllow` lets drains evict such pods, which are not serving anyway.",
  attack:
    "A workload whose pods are kept unhealthy (by a bad rollout, or by someone who can break its configuration) blocks the " +
    "draining of its nodes, delaying node upgrades and security patches for the whole cluster.",
  remediation:
    "Set `spec.unhealthyPodEvictionPolicy: AlwaysAllow` on the budget (or `IfHealthyBudget` explicitly if unhealthy pods must " +
    "keep blocking evictions for your application).",
  example: {
    insecure: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {app: web}
`,
    secure: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  maxUnavailable: 1
  unhealthyPodEvictionPolicy: AlwaysAllow
  selector:
    matchLabels: {app: web}
`,
  },
  messages: {
    unset: "The PodDisruptionBudget does not set unhealthyPodEvictionPolicy, so pods that never become ready can block node drains",
  },
  check(ctx) {
    if (!ctx.kubeVersion.atLeast(27)) return;
    const spec = ctx.resource.object.spec;
    const v = isObject(spec) ? spec.unhealthyPodEvictionPolicy : undefined;
    if (v !== undefined && v !== null && v !== "") return;
    const path = ["spec", "unhealthyPodEvictionPolicy"];
    ctx.report({
      messageId: "unset",
      path,
      fix: fixes.set(path, "AlwaysAllow", {
        description: "Set unhealthyPodEvictionPolicy to AlwaysAllow",
        safety: "unsafe",
        note: "Drains may then evict pods that are running but not yet ready, such as slow starters; check that this is acceptable for the application.",
      }),
    });
  },
});
