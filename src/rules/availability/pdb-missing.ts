import { defineRule } from "../../engine/rule-types.js";
import { isCoveredByPdb, isHelmTestHook, maxPods } from "./_availability.js";

// Runs on Deployments and StatefulSets. A PodDisruptionBudget covers the workload when it is in the same
// namespace and its selector matches the pod template's labels (policy/v1: an empty selector matches every
// pod, a missing one none). Only workloads that may run several pods are checked: `replicas` of 2 or more,
// or an autoscaler (HPA or KEDA ScaledObject) whose maximum is 2 or more. With a single pod a budget can
// only block drains or allow the eviction anyway (the Kubernetes docs list "no PDB, tolerate downtime" as
// the option for single-instance applications; kube-score skips them too). Helm test hooks and workloads
// whose replicas is a template placeholder are not checked, nor pod templates without labels (fragments
// such as Kustomize patches: the API requires template labels that match the workload's selector).
export default defineRule({
  id: "pdb-missing",
  title: "No PodDisruptionBudget",
  rationale:
    "Node drains (for upgrades, autoscaler scale-downs or maintenance) evict pods. A PodDisruptionBudget tells Kubernetes how " +
    "many of a workload's pods may be down at once; without one, a drain may evict all replicas at the same time and the " +
    "service goes down even though it runs several pods.",
  attack:
    "Someone who can trigger evictions (drain nodes, or abuse an autoscaler) takes every replica offline at once; a budget " +
    "limits how many pods voluntary disruptions may remove.",
  remediation:
    "Add a PodDisruptionBudget in the same namespace whose selector matches the pod labels, for example `maxUnavailable: 1`. " +
    "Avoid budgets that allow no disruption at all (see pdb-blocks-disruption).",
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
      containers:
        - name: web
          image: registry.example/web:1.0
---
apiVersion: policy/v1
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
    missing: "No PodDisruptionBudget selects the pods of {{kind}} '{{name}}', so a node drain may evict all of them at once",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w || isHelmTestHook(ctx.resource)) return;
    const pods = maxPods(ctx.inventory, ctx.resource);
    if (pods === undefined || pods < 2) return;
    // A template without labels is a fragment (a Kustomize patch): no budget can be matched against it.
    if (Object.keys(w.podLabels()).length === 0) return;
    if (isCoveredByPdb(ctx.inventory, w)) return;
    ctx.report({ messageId: "missing", data: { kind: ctx.resource.kind, name: ctx.resource.name }, path: ["metadata", "name"] });
  },
});
