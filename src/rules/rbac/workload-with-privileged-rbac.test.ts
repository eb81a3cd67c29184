import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./workload-with-privileged-rbac.js";

const rbac = "rbac.authorization.k8s.io/v1";
const sa = (name: string, namespace = "default", extra: object = {}) => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace }, ...extra });
const crb = (roleName: string, subjects: unknown, name = "b") => ({
  apiVersion: rbac, kind: "ClusterRoleBinding", metadata: { name }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName }, subjects,
});
const rb = (namespace: string, roleKind: string, roleName: string, subjects: unknown, name = "b") => ({
  apiVersion: rbac, kind: "RoleBinding", metadata: { name, namespace }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: roleKind, name: roleName }, subjects,
});
const clusterRole = (name: string, rules: unknown) => ({ apiVersion: rbac, kind: "ClusterRole", metadata: { name }, rules });
const role = (namespace: string, name: string, rules: unknown) => ({ apiVersion: rbac, kind: "Role", metadata: { name, namespace }, rules });
const webSA = [{ kind: "ServiceAccount", name: "web", namespace: "default" }];
const web = pod({ serviceAccountName: "web", containers: [container()] });

ruleTester(rule, {
  valid: [
    { name: "no bindings", manifest: [sa("web"), web] },
    { name: "view in its namespace", manifest: [web, rb("default", "ClusterRole", "view", webSA)] },
    { name: "named secrets only", manifest: [web, role("default", "r", [{ apiGroups: [""], resources: ["secrets"], resourceNames: ["tls"], verbs: ["get"] }]), rb("default", "Role", "r", webSA)] },
    { name: "bound to cluster-admin, but no token is mounted", manifest: [pod({ serviceAccountName: "web", automountServiceAccountToken: false, containers: [container()] }), crb("cluster-admin", webSA)] },
    { name: "the ServiceAccount switches the token off", manifest: [sa("web", "default", { automountServiceAccountToken: false }), web, crb("cluster-admin", webSA)] },
    { name: "an account of the same name in another namespace", manifest: [web, crb("cluster-admin", [{ kind: "ServiceAccount", name: "web", namespace: "other" }])] },
    { name: "view in another namespace", manifest: [web, rb("other", "ClusterRole", "view", webSA)] },
    { name: "a binding to a role the scan does not hold", manifest: [web, crb("mystery", webSA)] },
    { name: "nodes/proxy in a RoleBinding cannot reach nodes", manifest: [web, clusterRole("np", [{ apiGroups: [""], resources: ["nodes/proxy"], verbs: ["get"] }]), rb("default", "ClusterRole", "np", webSA)] },
  ],
  invalid: [
    {
      name: "cluster-admin through a ClusterRoleBinding",
      manifest: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  serviceAccountName: web
  containers:
    - name: app
      image: registry.example/app:1.0
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: web-admin
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
  - {kind: ServiceAccount, name: web, namespace: default}
`,
      errors: [{ messageId: "admin", path: "spec.serviceAccountName", line: 6, object: "Pod/web" }],
    },
    {
      name: "edit in its namespace, for a Deployment without serviceAccountName (default)",
      manifest: [deployment({ containers: [container()] }), rb("default", "ClusterRole", "edit", [{ kind: "ServiceAccount", name: "default" }])],
      errors: [{ messageId: "admin", path: "spec.template.spec.serviceAccountName" }],
    },
    {
      name: "secrets read through a group binding of all ServiceAccounts of the namespace",
      manifest: [cronJob({ serviceAccountName: "web", containers: [container()] }), clusterRole("reader", [{ apiGroups: [""], resources: ["secrets"], verbs: ["list"] }]), crb("reader", [{ kind: "Group", name: "system:serviceaccounts:default" }])],
      errors: [{ messageId: "secrets", path: "spec.jobTemplate.spec.template.spec.serviceAccountName" }],
    },
    {
      name: "create pods in another namespace, from a RoleBinding there naming this account",
      manifest: [web, role("jobs", "runner", [{ apiGroups: [""], resources: ["pods"], verbs: ["create"] }]), rb("jobs", "Role", "runner", webSA)],
      errors: [{ messageId: "takeover", path: "spec.serviceAccountName" }],
    },
    {
      name: "the strongest level wins",
      manifest: [
        web,
        clusterRole("reader", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }]),
        clusterRole("binder", [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["bind"] }]),
        crb("reader", webSA, "r1"),
        crb("binder", webSA, "r2"),
      ],
      errors: [{ messageId: "takeover", path: "spec.serviceAccountName", object: "Pod/p" }],
    },
    {
      name: "the deprecated serviceAccount field, and a projected token",
      manifest: [
        pod({ serviceAccount: "web", automountServiceAccountToken: false, containers: [container()], volumes: [{ name: "t", projected: { sources: [{ serviceAccountToken: { path: "t" } }] } }] }),
        clusterRole("all", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]),
        crb("all", webSA),
      ],
      errors: [{ messageId: "admin", path: "spec.serviceAccount" }],
    },
    {
      name: "a scanned role aggregated into edit",
      manifest: [
        web,
        { ...clusterRole("extra", [{ apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }]), metadata: { name: "extra", labels: { "rbac.authorization.k8s.io/aggregate-to-edit": "true" } } },
        { apiVersion: rbac, kind: "ClusterRole", metadata: { name: "agg" }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { "rbac.authorization.k8s.io/aggregate-to-edit": "true" } }] } },
        crb("agg", webSA),
      ],
      errors: [{ messageId: "takeover", path: "spec.serviceAccountName" }],
    },
  ],
});
