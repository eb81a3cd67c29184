import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./rbac-pod-exec-attach.js";

const rbac = "rbac.authorization.k8s.io/v1";
const clusterRole = (rules: unknown, name = "test") => ({ apiVersion: rbac, kind: "ClusterRole", metadata: { name }, rules });
const role = (rules: unknown, name = "test") => ({ apiVersion: rbac, kind: "Role", metadata: { name, namespace: "app" }, rules });

ruleTester(rule, {
  valid: [
    { name: "pods get/create is not exec", manifest: clusterRole([{ apiGroups: [""], resources: ["pods"], verbs: ["get", "create"] }]) },
    { name: "list on pods/attach", manifest: clusterRole([{ apiGroups: [""], resources: ["pods/attach"], verbs: ["list"] }]) },
    { name: "exec in another API group", manifest: clusterRole([{ apiGroups: ["apps"], resources: ["pods/exec"], verbs: ["create"] }]) },
    { name: "Kubernetes' admin role (Polaris: default role by name)", manifest: clusterRole([{ apiGroups: [""], resources: ["pods/attach"], verbs: ["create"] }], "admin") },
    { name: "Kubernetes' cluster-admin role", manifest: clusterRole([{ apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }], "cluster-admin") },
    { name: "garbage collector controller role", manifest: clusterRole([{ apiGroups: [""], resources: ["pods/attach"], verbs: ["create"] }], "system:controller:generic-garbage-collector") },
  ],
  invalid: [
    {
      name: "create on pods/exec",
      manifest: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: test
rules:
  - apiGroups: [ "" ]
    resources: [ "pods/exec" ]
    verbs: [ create ]
`,
      errors: [{ messageId: "exec", path: "rules[0].resources[0]", line: 7 }],
    },
    {
      name: "exec and attach in one rule entry: one finding, at the first",
      manifest: role([{ apiGroups: [""], resources: ["pods", "pods/exec", "pods/attach"], verbs: ["*"] }]),
      errors: [{ messageId: "exec", path: "rules[0].resources[1]" }],
    },
    {
      name: "resource wildcard with create",
      manifest: clusterRole([{ apiGroups: [""], resources: ["*"], verbs: ["create"] }]),
      errors: [{ messageId: "exec", path: "rules[0].resources[0]" }],
    },
    {
      name: "get is enough before Kubernetes 1.35 (WebSocket)",
      manifest: clusterRole([{ apiGroups: ["*"], resources: ["pods/attach"], verbs: ["get"] }]),
      kubeVersion: "1.34",
      errors: [{ messageId: "exec", path: "rules[0].resources[0]" }],
    },
    {
      name: "a read-only wildcard role: get on every resource includes pods/exec",
      manifest: clusterRole([{ apiGroups: [""], resources: ["*"], verbs: ["get", "list", "watch"] }]),
      errors: [{ messageId: "exec", path: "rules[0].resources[0]" }],
    },
    {
      name: "get still counts on 1.35, where a feature gate that can be turned off also requires create",
      manifest: clusterRole([{ apiGroups: ["*"], resources: ["pods/exec"], verbs: ["get"] }]),
      errors: [{ messageId: "exec", path: "rules[0].resources[0]" }],
    },
    {
      name: "restricted to a named pod is still exec",
      manifest: role([{ apiGroups: [""], resources: ["pods/exec"], resourceNames: ["db-0"], verbs: ["create"] }]),
      errors: [{ messageId: "exec", path: "rules[0].resources[0]" }],
    },
    {
      name: "ephemeral containers",
      manifest: role([{ apiGroups: [""], resources: ["pods/ephemeralcontainers"], verbs: ["patch"] }]),
      errors: [{ messageId: "ephemeral", path: "rules[0].resources[0]" }],
    },
    {
      name: "a role named system: that Kubernetes does not define",
      manifest: clusterRole([{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }], "system:test"),
      errors: [{ messageId: "exec", path: "rules[0].resources[0]", object: "ClusterRole/system:test" }],
    },
  ],
});
