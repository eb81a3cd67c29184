import { defineRule } from "../../engine/rule-types.js";

// A workload whose namespace (its metadata.namespace, or the scan's default namespace when unset) is one of
// `systemNamespaces` (Trivy KSV037). Not reported, because they are cluster components rather than user workloads:
// - objects whose name contains one of `exemptNames` (case-insensitive substrings: "kube-proxy" also covers
//   "kube-proxy-windows");
// - the control plane's static pods (label tier: control-plane, or component: etcd / kube-apiserver /
//   kube-controller-manager / kube-scheduler);
// - add-ons managed by the addon manager (label addonmanager.kubernetes.io/mode, or kubernetes.io/cluster-service:
//   "true") and pods that declare themselves cluster components with priorityClassName system-cluster-critical or
//   system-node-critical.

const CONTROL_PLANE = new Set(["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"]);
const SYSTEM_PRIORITIES = new Set(["system-cluster-critical", "system-node-critical"]);

export default defineRule({
  id: "kube-system-user-workload",
  title: "Workload in kube-system",
  rationale:
    "kube-system holds the cluster's own components (DNS, kube-proxy, CNI and storage agents) with their highly privileged " +
    "ServiceAccounts and Secrets, and is usually exempt from Pod Security and other admission policies. An application " +
    "placed there shares that trust without needing it.",
  attack:
    "An attacker who compromises an application running in kube-system is next to the most powerful credentials of the " +
    "cluster: a RoleBinding meant for system components, Secrets readable in the namespace, or a ServiceAccount token " +
    "borrowed by mounting it into a new pod can give them control of the whole cluster.",
  remediation:
    "Move the workload to a namespace of its own, with its own ServiceAccount, RBAC and Pod Security label. If it really is " +
    "a cluster component, add its name to the rule's `exemptNames` parameter.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: reports
  namespace: kube-system
spec:
  selector:
    matchLabels: {app: reports}
  template:
    metadata:
      labels: {app: reports}
    spec:
      containers:
        - name: reports
          image: registry.example/reports:1.0
`,
    secure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: reports
  namespace: reports
spec:
  selector:
    matchLabels: {app: reports}
  template:
    metadata:
      labels: {app: reports}
    spec:
      containers:
        - name: reports
          image: registry.example/reports:1.0
`,
  },
  messages: {
    systemNamespace: "{{kind}} '{{name}}' runs in the system namespace '{{namespace}}', next to the control plane's privileged credentials",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    const r = ctx.resource;
    const namespace = r.namespaceOr(ctx.defaultNamespace);
    if (namespace === undefined || !ctx.params.strings("systemNamespaces").includes(namespace)) return;
    const name = r.name.toLowerCase();
    if (ctx.params.strings("exemptNames").some((n) => n !== "" && name.includes(n.toLowerCase()))) return;
    const labels = { ...w.podLabels(), ...r.labels() };
    if (labels.tier === "control-plane" || CONTROL_PLANE.has(labels.component ?? "")) return;
    if (labels["addonmanager.kubernetes.io/mode"] !== undefined || labels["kubernetes.io/cluster-service"] === "true") return;
    const priority = w.podSpec.priorityClassName;
    if (typeof priority === "string" && SYSTEM_PRIORITIES.has(priority)) return;
    ctx.report({ messageId: "systemNamespace", data: { kind: r.kind, name: r.name, namespace }, path: ["metadata", "namespace"] });
  },
});
