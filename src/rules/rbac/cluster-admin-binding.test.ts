import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./cluster-admin-binding.js";

const rbac = "rbac.authorization.k8s.io/v1";
const user = { apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "testuser" };
const crb = (name: string, roleName: string, subjects: unknown = [user]) => ({
  apiVersion: rbac, kind: "ClusterRoleBinding", metadata: { name }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName }, subjects,
});
const rb = (name: string, kind: string, roleName: string) => ({
  apiVersion: rbac, kind: "RoleBinding", metadata: { name, namespace: "team" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind, name: roleName }, subjects: [user],
});
const clusterRole = (name: string, rules: unknown) => ({ apiVersion: rbac, kind: "ClusterRole", metadata: { name }, rules });
const ALL = [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }];

ruleTester(rule, {
  valid: [
    { name: "the admin role is not cluster-admin (kube-linter)", manifest: crb("dont-fire", "admin") },
    { name: "Kubernetes' own binding of system:masters", manifest: crb("cluster-admin", "cluster-admin", [{ kind: "Group", name: "system:masters", apiGroup: "rbac.authorization.k8s.io" }]) },
    { name: "a binding without subjects grants nothing", manifest: crb("empty", "cluster-admin", []) },
    { name: "a role with explicit verbs", manifest: [clusterRole("test", [{ apiGroups: ["*"], resources: ["*"], verbs: ["get", "list"] }]), crb("test", "test")] },
    { name: "every resource of the core group only", manifest: [clusterRole("test", [{ apiGroups: [""], resources: ["*"], verbs: ["*"] }]), crb("test", "test")] },
    { name: "a RoleBinding to a Role that allows everything (rbac-wildcard reports the Role)", manifest: [{ apiVersion: rbac, kind: "Role", metadata: { name: "test", namespace: "team" }, rules: ALL }, rb("test", "Role", "test")] },
    { name: "a role the scan does not hold", manifest: crb("test", "does-not-exist") },
    { name: "another admin role list", manifest: crb("test", "cluster-admin"), params: { adminRoles: ["platform-admin"] } },
    { name: "roleRef of the wrong type", manifest: { apiVersion: rbac, kind: "ClusterRoleBinding", metadata: { name: "x" }, roleRef: "cluster-admin", subjects: [user] } },
  ],
  invalid: [
    {
      name: "ClusterRoleBinding to cluster-admin",
      manifest: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: role-binding1
subjects:
  - kind: ServiceAccount
    name: account1
    namespace: namespace-dev
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
`,
      errors: [{ messageId: "clusterAdmin", path: "roleRef.name", line: 12 }],
    },
    {
      name: "RoleBinding to cluster-admin: full control of the namespace",
      manifest: rb("test", "ClusterRole", "cluster-admin"),
      errors: [{ messageId: "namespaceAdmin", path: "roleRef.name" }],
    },
    {
      name: "a ClusterRole of the scan that allows everything",
      manifest: [clusterRole("test", ALL), crb("test", "test")],
      errors: [{ messageId: "equivalent", path: "roleRef.name", object: "ClusterRoleBinding/test" }],
    },
    {
      name: "the seven read/write verbs count as every verb",
      manifest: [clusterRole("test", [{ apiGroups: ["*"], resources: ["*"], verbs: ["get", "list", "delete", "update", "create", "patch", "watch"] }]), rb("test", "ClusterRole", "test")],
      errors: [{ messageId: "equivalent", path: "roleRef.name" }],
    },
    {
      name: "a system:-prefixed binding name is not an exemption",
      manifest: [clusterRole("test", ALL), crb("system:test", "test")],
      errors: [{ messageId: "equivalent", path: "roleRef.name" }],
    },
    {
      name: "a copy of cluster-admin with weak rules is still cluster-admin (the API server restores it)",
      manifest: [crb("test", "cluster-admin"), clusterRole("cluster-admin", [{ apiGroups: [""], resources: ["deployments"], verbs: ["get"] }])],
      errors: [{ messageId: "clusterAdmin", path: "roleRef.name" }],
    },
    {
      name: "the default binding with an extra subject",
      manifest: crb("cluster-admin", "cluster-admin", [{ kind: "Group", name: "system:masters" }, { kind: "User", name: "bob" }]),
      errors: [{ messageId: "clusterAdmin", path: "roleRef.name" }],
    },
  ],
});
