import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./rbac-wildcard.js";

const rbac = "rbac.authorization.k8s.io/v1";
const clusterRole = (rules: unknown, name = "r") => ({ apiVersion: rbac, kind: "ClusterRole", metadata: { name }, rules });
const role = (rules: unknown, name = "r") => ({ apiVersion: rbac, kind: "Role", metadata: { name, namespace: "app" }, rules });

ruleTester(rule, {
  valid: [
    { name: "explicit lists", manifest: role([{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list"] }]) },
    { name: "*/scale is a narrow form, not a wildcard", manifest: clusterRole([{ apiGroups: ["apps"], resources: ["*/scale"], verbs: ["update"] }]) },
    { name: "cluster-admin itself (a default role)", manifest: clusterRole([{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }], "cluster-admin") },
    { name: "a controller role of Kubernetes", manifest: clusterRole([{ apiGroups: ["*"], resources: ["*"], verbs: ["list"] }], "system:controller:resourcequota-controller") },
    { name: "non-resource URL wildcard is not in scope", manifest: clusterRole([{ nonResourceURLs: ["/metrics/*"], verbs: ["get"] }]) },
    { name: "rules not a list", manifest: role({ apiGroups: ["*"] }) },
  ],
  invalid: [
    {
      name: "wildcard verbs (kube-linter fixture shape)",
      manifest: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: role1
  namespace: namespace-dev
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["*"]
`,
      errors: [{ messageId: "wildcard", path: "rules[0].verbs[0]", line: 9 }],
    },
    {
      name: "all three wildcards give one finding, at resources",
      manifest: clusterRole([{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]),
      errors: [{ messageId: "wildcard", path: "rules[0].resources[0]" }],
    },
    {
      name: "apiGroups wildcard only, in the second rule",
      manifest: clusterRole([{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }, { apiGroups: ["*"], resources: ["deployments"], verbs: ["get"] }]),
      errors: [{ messageId: "wildcard", path: "rules[1].apiGroups[0]" }],
    },
    {
      name: "a system:-prefixed role that is not Kubernetes' own",
      manifest: clusterRole([{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }], "system:test"),
      errors: [{ messageId: "wildcard", path: "rules[0].resources[0]" }],
    },
    {
      name: "a wildcard written as a string",
      manifest: role([{ apiGroups: [""], resources: "*", verbs: ["get"] }]),
      errors: [{ messageId: "wildcard", path: "rules[0].resources" }],
    },
  ],
});
