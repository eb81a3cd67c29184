import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./binding-to-anonymous.js";

const rbac = "rbac.authorization.k8s.io/v1";
const binding = (kind: string, roleName: string, subjects: unknown, name = "b") => ({
  apiVersion: rbac, kind, metadata: { name, ...(kind === "RoleBinding" ? { namespace: "app" } : {}) },
  roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName }, subjects,
});

ruleTester(rule, {
  valid: [
    { name: "authenticated group", manifest: binding("ClusterRoleBinding", "view", [{ kind: "Group", name: "system:authenticated" }]) },
    { name: "Kubernetes' public-info-viewer default", manifest: binding("ClusterRoleBinding", "system:public-info-viewer", [{ kind: "Group", name: "system:authenticated" }, { kind: "Group", name: "system:unauthenticated" }], "system:public-info-viewer") },
    { name: "a ServiceAccount named like the user is not the user", manifest: binding("RoleBinding", "view", [{ kind: "ServiceAccount", name: "system:anonymous", namespace: "app" }]) },
    { name: "subjects not a list", manifest: binding("ClusterRoleBinding", "view", "system:anonymous") },
  ],
  invalid: [
    {
      name: "group system:unauthenticated",
      manifest: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: public
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: User
    name: alice
  - kind: Group
    name: system:unauthenticated
`,
      errors: [{ messageId: "anonymous", path: "subjects[1]", line: 12 }],
    },
    {
      name: "user system:anonymous in a RoleBinding",
      manifest: binding("RoleBinding", "edit", [{ kind: "User", name: "system:anonymous" }]),
      errors: [{ messageId: "anonymous", path: "subjects[0]" }],
    },
  ],
});
