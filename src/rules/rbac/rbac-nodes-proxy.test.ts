import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./rbac-nodes-proxy.js";

const rbac = "rbac.authorization.k8s.io/v1";
const clusterRole = (rules: unknown, name = "r") => ({ apiVersion: rbac, kind: "ClusterRole", metadata: { name }, rules });

ruleTester(rule, {
  valid: [
    { name: "nodes/metrics and nodes/stats", manifest: clusterRole([{ apiGroups: [""], resources: ["nodes", "nodes/metrics", "nodes/stats"], verbs: ["get"] }]) },
    { name: "list/watch are not kubelet verbs", manifest: clusterRole([{ apiGroups: [""], resources: ["nodes/proxy"], verbs: ["list", "watch"] }]) },
    { name: "a Role cannot grant nodes", manifest: { apiVersion: rbac, kind: "Role", metadata: { name: "r", namespace: "x" }, rules: [{ apiGroups: [""], resources: ["nodes/proxy"], verbs: ["get"] }] } },
    { name: "system:kubelet-api-admin is Kubernetes' own", manifest: clusterRole([{ apiGroups: [""], resources: ["nodes/proxy"], verbs: ["*"] }], "system:kubelet-api-admin") },
  ],
  invalid: [
    {
      name: "get on nodes/proxy",
      manifest: "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: prometheus\nrules:\n  - apiGroups: [\"\"]\n    resources: [nodes, nodes/proxy]\n    verbs: [get, list, watch]\n",
      errors: [{ messageId: "nodesProxy", path: "rules[0].resources[1]", line: 7 }],
    },
    {
      name: "read-only role over every core resource",
      manifest: clusterRole([{ apiGroups: [""], resources: ["*"], verbs: ["get", "list"] }]),
      errors: [{ messageId: "nodesProxy", path: "rules[0].resources[0]" }],
    },
    {
      name: "*/proxy with create",
      manifest: clusterRole([{ apiGroups: ["*"], resources: ["*/proxy"], verbs: ["create"] }]),
      errors: [{ messageId: "nodesProxy", path: "rules[0].resources[0]" }],
    },
  ],
});
