import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./binding-to-system-masters.js";

const rbac = "rbac.authorization.k8s.io/v1";
const crb = (name: string, roleName: string, subjects: unknown) => ({
  apiVersion: rbac, kind: "ClusterRoleBinding", metadata: { name }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName }, subjects,
});
const masters = { kind: "Group", name: "system:masters", apiGroup: "rbac.authorization.k8s.io" };

ruleTester(rule, {
  valid: [
    { name: "Kubernetes' own cluster-admin binding", manifest: crb("cluster-admin", "cluster-admin", [masters]) },
    { name: "other groups", manifest: crb("ops", "cluster-admin", [{ kind: "Group", name: "ops" }]) },
    { name: "a user named system:masters is not the group", manifest: crb("ops", "view", [{ kind: "User", name: "system:masters" }]) },
  ],
  invalid: [
    {
      name: "a new binding of system:masters",
      manifest: "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: ops}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects:\n- kind: Group\n  name: system:masters\n",
      errors: [{ messageId: "masters", path: "subjects[0]", line: 6 }],
    },
    {
      name: "in a RoleBinding",
      manifest: { apiVersion: rbac, kind: "RoleBinding", metadata: { name: "x", namespace: "a" }, roleRef: { kind: "ClusterRole", name: "edit" }, subjects: [{ kind: "User", name: "u" }, masters] },
      errors: [{ messageId: "masters", path: "subjects[1]" }],
    },
  ],
});
