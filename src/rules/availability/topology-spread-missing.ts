import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray, asInt } from "../../model/values.js";
import { isHelmTestHook, replicasOf, runsToCompletion } from "./_availability.js";

// Runs on workloads that keep a set of long-running pods: not on bare Pods (one pod cannot be spread), not
// on DaemonSets (one pod per node by design), not on Jobs, CronJobs or other run-to-completion templates
// (`restartPolicy` Never/OnFailure), not on Helm test hooks nor on workloads scaled to zero. A constraint is
// valid when it has an integer maxSkew ≥ 1, a topologyKey, whenUnsatisfiable DoNotSchedule or
// ScheduleAnyway, and a labelSelector (without one it counts no pods and spreads nothing).
const SKIPPED_KINDS = new Set(["Pod", "DaemonSet", "Job", "CronJob"]);
const WHEN = new Set(["DoNotSchedule", "ScheduleAnyway"]);

export default defineRule({
  id: "topology-spread-missing",
  title: "No topology spread constraints",
  rationale:
    "Topology spread constraints tell the scheduler to spread a workload's pods evenly across nodes and zones. Without them " +
    "the pods may all end up in one zone or on one node, so a single zone outage or node failure takes the whole workload down.",
  attack:
    "An attacker or incident that disrupts one failure domain (a node, a zone) takes out every replica that was concentrated there.",
  remediation:
    "Add `topologySpreadConstraints` to the pod template, for example `maxSkew: 1` on `topology.kubernetes.io/zone` and on " +
    "`kubernetes.io/hostname`, with `whenUnsatisfiable: ScheduleAnyway` and a `labelSelector` matching the pod's labels.",
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
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels: {app: web}
      containers:
        - name: web
          image: registry.example/web:1.0
`,
  },
  messages: {
    missing: "{{kind}} '{{name}}' sets no topologySpreadConstraints, so its pods may concentrate on one node or zone",
    invalid: "None of the topologySpreadConstraints of {{kind}} '{{name}}' is valid (maxSkew ≥ 1, topologyKey, whenUnsatisfiable and labelSelector), so its pods are not spread",
  },
  check(ctx) {
    const w = ctx.workload;
    const r = ctx.resource;
    if (!w || SKIPPED_KINDS.has(r.kind) || runsToCompletion(w) || isHelmTestHook(r)) return;
    if (replicasOf(r) === 0) return;
    const list = asArray(w.podSpec.topologySpreadConstraints);
    if (list.some(valid)) return;
    ctx.report({ messageId: list.length === 0 ? "missing" : "invalid", data: { kind: r.kind, name: r.name }, path: w.at("topologySpreadConstraints") });
  },
});

function valid(c: unknown): boolean {
  if (!isObject(c)) return false;
  const skew = asInt(c.maxSkew);
  return skew !== undefined && skew >= 1 && typeof c.topologyKey === "string" && c.topologyKey !== "" &&
    typeof c.whenUnsatisfiable === "string" && WHEN.has(c.whenUnsatisfiable) && isObject(c.labelSelector);
}
