import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./binding-to-system-authenticated.js";

const rbac = "rbac.authorization.k8s.io/v1";
const binding = (kind: string, roleKind: string, roleName: string, subjects: unknown) => ({
  apiVersion: rbac, kind, metadata: { name: "b", ...(kind === "RoleBinding" ? { namespace: "app" } : {}) },
  roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: roleKind, name: roleName }, subjects,
});
const authenticated = [{ kind: "Group", name: "system:authenticated", apiGroup: "rbac.authorization.k8s.io" }];

ruleTester(rule, {
  valid: [
    { name: "discovery roles are allowed", manifest: binding("ClusterRoleBinding", "ClusterRole", "system:discovery", authenticated) },
    { name: "a named group", manifest: binding("ClusterRoleBinding", "ClusterRole", "view", [{ kind: "Group", name: "devs" }]) },
    { name: "the namespace's ServiceAccounts", manifest: binding("RoleBinding", "ClusterRole", "view", [{ kind: "Group", name: "system:serviceaccounts:app" }]) },
    { name: "a configured allowed role", manifest: binding("ClusterRoleBinding", "ClusterRole", "docs-reader", authenticated), params: { allowedRoles: ["docs-reader"] } },
  ],
  invalid: [
    {
      name: "view for everyone",
      manifest: "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects:\n- kind: Group\n  name: system:authenticated\n",
      errors: [{ messageId: "authenticated", path: "subjects[0]", line: 6 }],
    },
    {
      name: "a Role named like an allowed ClusterRole is not allowed",
      manifest: binding("RoleBinding", "Role", "system:discovery", authenticated),
      errors: [{ messageId: "authenticated", path: "subjects[0]" }],
    },
  ],
});
