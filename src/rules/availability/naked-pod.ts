import { defineRule } from "../../engine/rule-types.js";
import { helmHooks, ownerKinds } from "./_availability.js";

// Runs on Pods (v1). Not reported: Pods with ownerReferences (created by a controller, as exported from a
// live cluster), Helm hooks (`helm.sh/hook`: Helm creates and deletes these one-off pods itself, tests
// included), and static Pods, which the kubelet itself keeps running: mirror pods (the
// `kubernetes.io/config.mirror` / `kubernetes.io/config.source` annotations) and kubeadm's control-plane
// manifests (`tier: control-plane` in kube-system).
export default defineRule({
  id: "naked-pod",
  title: "Bare Pod without a controller",
  rationale:
    "A Pod created directly is not managed by anything: if it crashes beyond its restart policy, is evicted, or its node goes " +
    "away, nobody recreates it. It cannot be rolled out or rolled back, and it tends to drift from the reviewed configuration " +
    "because it is edited or recreated by hand.",
  attack:
    "Bare pods are often one-off debugging or admin pods that outlive their purpose, keeping credentials, tools or elevated " +
    "settings in the cluster; and an attacker who evicts a bare pod removes its service for good.",
  remediation:
    "Run the Pod through a controller: a Deployment (or StatefulSet) for long-running services, a Job or CronJob for tasks, " +
    "a DaemonSet for per-node agents.",
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
    secure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
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
  },
  messages: {
    naked: "Pod '{{name}}' is not managed by a controller, so nothing recreates it when it fails or its node goes away",
  },
  check(ctx) {
    const r = ctx.resource;
    if (r.apiVersion !== "v1") return;
    if (ownerKinds(r).length > 0 || helmHooks(r).length > 0) return;
    const ann = r.annotations();
    if (ann["kubernetes.io/config.mirror"] !== undefined || ann["kubernetes.io/config.source"] !== undefined) return;
    if (r.namespace === "kube-system" && r.labels().tier === "control-plane") return;
    ctx.report({ messageId: "naked", data: { name: r.name }, path: ["kind"] });
  },
});
