import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./rbac-secrets-access.js";

const rbac = "rbac.authorization.k8s.io/v1";
const clusterRole = (rules: unknown, name = "r", extra: object = {}) => ({ apiVersion: rbac, kind: "ClusterRole", metadata: { name, ...extra }, rules });
const role = (rules: unknown, name = "r") => ({ apiVersion: rbac, kind: "Role", metadata: { name, namespace: "app" }, rules });

ruleTester(rule, {
  valid: [
    { name: "configmaps only", manifest: role([{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list"] }]) },
    { name: "secrets with a write-only verb", manifest: role([{ apiGroups: [""], resources: ["secrets"], verbs: ["create"] }]) },
    { name: "named secrets only (resourceNames)", manifest: role([{ apiGroups: [""], resources: ["secrets"], resourceNames: ["tls"], verbs: ["get"] }]) },
    { name: "secrets in another API group", manifest: role([{ apiGroups: ["example.com"], resources: ["secrets"], verbs: ["get"] }]) },
    { name: "Kubernetes' own edit role dumped from a cluster", manifest: clusterRole([{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }], "edit") },
    { name: "system:node", manifest: clusterRole([{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"] }], "system:node") },
    {
      name: "aggregated ClusterRole: its rules are controller-managed",
      manifest: { ...clusterRole([{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }]), aggregationRule: { clusterRoleSelectors: [{ matchLabels: { a: "b" } }] } },
    },
    { name: "wrong types do not throw", manifest: role("secrets") },
    { name: "rules entries of the wrong type", manifest: role(["secrets", null, 3]) },
    { name: "a Role of another API group", manifest: { apiVersion: "example.com/v1", kind: "Role", metadata: { name: "r" }, rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }] } },
  ],
  invalid: [
    {
      name: "get on secrets in a Role",
      manifest: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: r
  namespace: app
rules:
  - apiGroups: [""]
    resources:
      - configmaps
      - secrets
    verbs: ["get", "list"]
`,
      errors: [{ messageId: "readSecrets", path: "rules[0].resources[1]", line: 10 }],
    },
    {
      name: "resource wildcard in the core group",
      manifest: clusterRole([{ apiGroups: [""], resources: ["*"], verbs: ["watch"] }]),
      errors: [{ messageId: "readSecrets", path: "rules[0].resources[0]" }],
    },
    {
      name: "all wildcards, and a second rule",
      manifest: clusterRole([{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, { apiGroups: [""], resources: ["secrets"], verbs: ["list"] }]),
      errors: [
        { messageId: "readSecrets", path: "rules[0].resources[0]" },
        { messageId: "readSecrets", path: "rules[1].resources[0]" },
      ],
    },
    {
      name: "a string where a list belongs is read as one item",
      manifest: role([{ apiGroups: "", resources: "secrets", verbs: "get" }]),
      errors: [{ messageId: "readSecrets", path: "rules[0].resources" }],
    },
    {
      name: "a role that only borrows a default role's name prefix is reviewed",
      manifest: clusterRole([{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }], "system:my-reader"),
      errors: [{ messageId: "readSecrets", path: "rules[0].resources[0]", object: "ClusterRole/system:my-reader" }],
    },
    {
      name: "a copy of a default role that opts out of reconciliation is reviewed",
      manifest: clusterRole([{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }], "view", { annotations: { "rbac.authorization.kubernetes.io/autoupdate": "false" } }),
      errors: [{ messageId: "readSecrets", path: "rules[0].resources[0]" }],
    },
  ],
});
