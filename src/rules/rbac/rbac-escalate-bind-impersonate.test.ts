import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./rbac-escalate-bind-impersonate.js";

const rbac = "rbac.authorization.k8s.io/v1";
const clusterRole = (rules: unknown, name = "r") => ({ apiVersion: rbac, kind: "ClusterRole", metadata: { name }, rules });
const role = (rules: unknown, name = "r") => ({ apiVersion: rbac, kind: "Role", metadata: { name, namespace: "app" }, rules });
const RBAC = "rbac.authorization.k8s.io";

ruleTester(rule, {
  valid: [
    { name: "creating bindings alone is no escalation", manifest: clusterRole([{ apiGroups: [RBAC], resources: ["rolebindings", "clusterrolebindings"], verbs: ["create", "update"] }]) },
    { name: "bind limited to the view role", manifest: clusterRole([{ apiGroups: [RBAC], resources: ["clusterroles"], resourceNames: ["view"], verbs: ["bind"] }]) },
    { name: "impersonate users in a Role has no effect", manifest: role([{ apiGroups: [""], resources: ["users", "groups"], verbs: ["impersonate"] }]) },
    { name: "escalate clusterroles in a Role has no effect", manifest: role([{ apiGroups: [RBAC], resources: ["clusterroles"], verbs: ["escalate"] }]) },
    { name: "bind in the wrong API group", manifest: clusterRole([{ apiGroups: [""], resources: ["clusterroles"], verbs: ["bind"] }]) },
    { name: "the aggregation controller's role", manifest: clusterRole([{ apiGroups: [RBAC], resources: ["clusterroles"], verbs: ["escalate"] }], "system:controller:clusterrole-aggregation-controller") },
  ],
  invalid: [
    {
      name: "bind and escalate on ClusterRoles",
      manifest: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: access-manager
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterroles"]
    verbs:
      - get
      - bind
      - escalate
`,
      errors: [
        { messageId: "escalation", path: "rules[0].verbs[2]", line: 11 },
        { messageId: "escalation", path: "rules[0].verbs[1]", line: 10 },
      ],
    },
    {
      name: "verb wildcard on roles: one finding",
      manifest: role([{ apiGroups: [RBAC], resources: ["roles", "rolebindings"], verbs: ["*"] }]),
      errors: [{ messageId: "escalation", path: "rules[0].verbs[0]" }],
    },
    {
      name: "impersonate ServiceAccounts in a Role",
      manifest: role([{ apiGroups: [""], resources: ["serviceaccounts"], verbs: ["impersonate"] }]),
      errors: [{ messageId: "escalation", path: "rules[0].verbs[0]" }],
    },
    {
      name: "impersonate named users is still impersonation",
      manifest: clusterRole([{ apiGroups: [""], resources: ["users", "groups"], resourceNames: ["admin", "system:masters"], verbs: ["impersonate"] }]),
      errors: [{ messageId: "escalation", path: "rules[0].verbs[0]" }],
    },
    {
      name: "bind limited to cluster-admin",
      manifest: clusterRole([{ apiGroups: [RBAC], resources: ["clusterroles"], resourceNames: ["cluster-admin"], verbs: ["bind"] }]),
      errors: [{ messageId: "escalation", path: "rules[0].verbs[0]" }],
    },
    {
      name: "bind limited to a role of the scan that allows everything",
      manifest: [
        clusterRole([{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }], "all"),
        clusterRole([{ apiGroups: [RBAC], resources: ["clusterroles"], resourceNames: ["all"], verbs: ["bind"] }], "binder"),
      ],
      errors: [{ messageId: "escalation", path: "rules[0].verbs[0]", object: "ClusterRole/all" }, { messageId: "escalation", path: "rules[0].verbs[0]", object: "ClusterRole/binder" }],
    },
  ],
});
