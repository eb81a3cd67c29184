import { defineRule } from "../../engine/rule-types.js";
import { isHelmTestHook } from "./_availability.js";

// Runs on every workload (Helm test hooks left out). Reported when `priorityClassName` is unset or empty.
// When `allowedPriorityClasses` is configured, a class that is not in the list (exact name, case-insensitive)
// is reported too; the empty default list means "not configured", so any class passes.
export default defineRule({
  id: "priority-class-missing",
  title: "No priority class",
  rationale:
    "When a cluster runs short of resources, the scheduler preempts (evicts) lower-priority pods to make room for " +
    "higher-priority ones. Pods without a priority class get the default priority (usually 0), so critical services compete " +
    "on equal terms with batch jobs and experiments and may be the ones evicted.",
  attack:
    "Someone who can create pods with a higher priority class (or simply many default-priority pods) pushes important " +
    "workloads out of the cluster when capacity is tight.",
  remediation:
    "Set `priorityClassName` on the pod template to a PriorityClass that matches how important the workload is, and restrict " +
    "who may use the high classes (ResourceQuota scopes on priority class).",
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
  priorityClassName: business-critical
  containers:
    - name: web
      image: registry.example/web:1.0
`,
  },
  messages: {
    missing: "{{kind}} '{{name}}' sets no priorityClassName, so its pods get the default priority",
    notAllowed: "Priority class '{{priorityClass}}' is not one of the allowed classes ({{allowed}})",
  },
  check(ctx) {
    const w = ctx.workload;
    const r = ctx.resource;
    if (!w || isHelmTestHook(r)) return;
    const path = w.at("priorityClassName");
    const pc = w.podSpec.priorityClassName;
    if (pc === undefined || pc === null || pc === "") {
      ctx.report({ messageId: "missing", data: { kind: r.kind, name: r.name }, path });
      return;
    }
    const allowed = ctx.params.strings("allowedPriorityClasses").filter((a) => a.trim() !== "");
    if (allowed.length === 0) return;
    const name = String(pc);
    if (allowed.some((a) => a.trim().toLowerCase() === name.toLowerCase())) return;
    ctx.report({ messageId: "notAllowed", data: { priorityClass: name, allowed: allowed.join(", ") }, path });
  },
});
