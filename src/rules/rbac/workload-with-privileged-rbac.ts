import { defineRule } from "../../engine/rule-types.js";
import type { Grant } from "../../model/rbac.js";
import { RbacModel, serviceAccountIdentity, tokenMount, workloadServiceAccount } from "../../model/rbac.js";
import { type Want, hitIn, targetsFor, streamVerbs as streamVerbsFor } from "./_rbac.js";

// The ServiceAccount of a workload (serviceAccountName, else the deprecated serviceAccount, else "default") and
// what the bindings of the scan grant it: directly, as a User system:serviceaccount:<ns>:<name>, or through the
// groups system:serviceaccounts, system:serviceaccounts:<ns> and system:authenticated. Kubernetes' default
// bindings (discovery and the like) are left out. Not reported when no token reaches the pods
// (automountServiceAccountToken false on the pod or its ServiceAccount, and no projected token volume).
//
// Three levels, the strongest reported: admin (cluster-admin, admin, edit, or a role of the scan allowing
// everything), takeover (escalate/bind/impersonate, creating tokens, exec/attach, creating pods or workloads,
// nodes/proxy, CSR approval, webhook configurations, PersistentVolumes) and reading Secrets.

type Level = "admin" | "takeover" | "secrets";

interface Power {
  level: Level;
  what: string;
  binding: string;
}

const RBAC = "rbac.authorization.k8s.io";

function takeoverWants(streamVerbs: string[]): { what: string; clusterOnly?: boolean; want: Want }[] {
  return [
    { what: "grant itself any role (escalate/bind)", want: { verbs: ["escalate", "bind"], targets: [{ group: RBAC, resource: "roles" }, { group: RBAC, resource: "clusterroles" }], restricted: "skip" } },
    { what: "impersonate other identities", want: { verbs: ["impersonate"], targets: [{ group: "", resource: "users" }, { group: "", resource: "groups" }, { group: "", resource: "serviceaccounts" }], restricted: "include" } },
    { what: "create ServiceAccount tokens", want: { verbs: ["create"], targets: [{ group: "", resource: "serviceaccounts/token" }], restricted: "include" } },
    { what: "exec into pods", want: { verbs: streamVerbs, targets: [{ group: "", resource: "pods/exec" }, { group: "", resource: "pods/attach" }], restricted: "include" } },
    { what: "create pods or workloads", want: { verbs: ["create"], targets: targetsFor(["pods", "deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs", "replicationcontrollers"]), restricted: "skip" } },
    { what: "reach the kubelet API (nodes/proxy)", clusterOnly: true, want: { verbs: ["get", "create", "update", "patch", "delete"], targets: [{ group: "", resource: "nodes/proxy" }], restricted: "include" } },
    { what: "approve certificate requests", clusterOnly: true, want: { verbs: ["update", "patch"], targets: [{ group: "certificates.k8s.io", resource: "certificatesigningrequests/approval" }], restricted: "include" } },
    {
      what: "change admission webhooks",
      clusterOnly: true,
      want: {
        verbs: ["create", "update", "patch", "delete"],
        targets: [{ group: "admissionregistration.k8s.io", resource: "mutatingwebhookconfigurations" }, { group: "admissionregistration.k8s.io", resource: "validatingwebhookconfigurations" }],
        restricted: "include",
      },
    },
    { what: "create PersistentVolumes (hostPath)", clusterOnly: true, want: { verbs: ["create"], targets: [{ group: "", resource: "persistentvolumes" }], restricted: "skip" } },
  ];
}

const SECRETS: Want = { verbs: ["get", "list", "watch"], targets: [{ group: "", resource: "secrets" }], restricted: "skip" };

function scopeOf(g: Grant): string {
  return g.namespace === undefined ? "in all namespaces" : `in namespace ${g.namespace}`;
}

function strongest(grants: readonly Grant[], streamVerbs: string[]): Power | undefined {
  let best: Power | undefined;
  const rank: Record<Level, number> = { admin: 3, takeover: 2, secrets: 1 };
  const consider = (p: Power): void => {
    if (!best || rank[p.level] > rank[best.level]) best = p;
  };
  const takeover = takeoverWants(streamVerbs);
  for (const g of grants) {
    const binding = g.binding.id;
    const role = g.role;
    if (role.builtin && ["cluster-admin", "admin", "edit"].includes(role.name) && role.kind === "ClusterRole") {
      consider({ level: "admin", what: `holds ClusterRole ${role.name} ${g.namespace === undefined ? "cluster-wide" : scopeOf(g)}`, binding });
      continue;
    }
    if (!role.builtin && role.grantsEverything) {
      consider({ level: "admin", what: `holds ${role.kind} ${role.name}, which allows everything, ${g.namespace === undefined ? "cluster-wide" : scopeOf(g)}`, binding });
      continue;
    }
    for (const t of takeover) {
      if (t.clusterOnly && g.namespace !== undefined) continue;
      if (hitIn(g.rule, t.want)) consider({ level: "takeover", what: `can ${t.what} ${t.clusterOnly ? "in the cluster" : scopeOf(g)}`, binding });
    }
    if (hitIn(g.rule, SECRETS)) consider({ level: "secrets", what: `can read Secrets ${scopeOf(g)}`, binding });
  }
  return best;
}

export default defineRule({
  id: "workload-with-privileged-rbac",
  title: "Workload with powerful RBAC permissions",
  rationale:
    "A pod carries the token of its ServiceAccount, and with it every permission bound to that account. When the account can " +
    "administer the cluster or a namespace, read Secrets, or create pods, the pod is only as safe as its least safe dependency: one " +
    "remote code execution in the application turns into those permissions.",
  attack:
    "An attacker exploits a vulnerability in the application, reads the token from " +
    "/var/run/secrets/kubernetes.io/serviceaccount/token, and calls the API server with it: reads every Secret, starts privileged " +
    "pods, or binds themselves cluster-admin, depending on what the account holds.",
  remediation:
    "Give the workload its own ServiceAccount with only the permissions it uses (a Role in its namespace, specific resources, " +
    "resourceNames where possible). If it does not call the API at all, set automountServiceAccountToken: false. Move " +
    "powerful duties (deploying, managing RBAC) to a separate, smaller component.",
  example: {
    insecure: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
  namespace: shop
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: web-admin
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: ServiceAccount
    name: web
    namespace: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      serviceAccountName: web
      containers:
        - name: web
          image: registry.example/web:1.0
`,
    secure: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
  namespace: shop
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: web-view
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: ServiceAccount
    name: web
    namespace: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      serviceAccountName: web
      containers:
        - name: web
          image: registry.example/web:1.0
`,
  },
  messages: {
    admin: "The pods run as ServiceAccount {{sa}}, which {{what}} (through {{binding}}): compromising a pod hands over that control",
    takeover: "The pods run as ServiceAccount {{sa}}, which {{what}} (through {{binding}}): compromising a pod can lead to a takeover",
    secrets: "The pods run as ServiceAccount {{sa}}, which {{what}} (through {{binding}}): compromising a pod exposes those credentials",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    if (!tokenMount(w, ctx.inventory).mounted) return;
    const sa = workloadServiceAccount(w, ctx.defaultNamespace);
    const model = RbacModel.of(ctx.inventory);
    const streamVerbs = streamVerbsFor(ctx);
    const cache = ctx.inventory.memo("workload-with-privileged-rbac", () => new Map<string, Power | undefined>());
    const key = `${streamVerbs.length}\u0000${sa.namespace}\u0000${sa.name}`;
    if (!cache.has(key)) cache.set(key, strongest(model.grantsFor(serviceAccountIdentity(sa.namespace, sa.name), { includeBuiltinBindings: false }), streamVerbs));
    const power = cache.get(key);
    if (!power) return;
    ctx.report({ messageId: power.level, data: { sa: `${sa.namespace}/${sa.name}`, what: power.what, binding: power.binding }, path: sa.path });
  },
});
