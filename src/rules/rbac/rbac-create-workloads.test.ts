import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./rbac-create-workloads.js";

const rbac = "rbac.authorization.k8s.io/v1";
const clusterRole = (rules: unknown, name = "r") => ({ apiVersion: rbac, kind: "ClusterRole", metadata: { name }, rules });
const role = (rules: unknown, name = "r") => ({ apiVersion: rbac, kind: "Role", metadata: { name, namespace: "namespace-dev" }, rules });

ruleTester(rule, {
  valid: [
    { name: "get pods", manifest: role([{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]) },
    { name: "create pods in a group where pods do not live", manifest: role([{ apiGroups: ["apps"], resources: ["pods"], verbs: ["create"] }]) },
    { name: "update of a deployment is not create", manifest: role([{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["update", "patch"] }]) },
    { name: "create with resourceNames never allows create", manifest: role([{ apiGroups: [""], resources: ["pods"], resourceNames: ["x"], verbs: ["create"] }]) },
    { name: "create pods/eviction is not creating pods", manifest: role([{ apiGroups: [""], resources: ["pods/eviction"], verbs: ["create"] }]) },
    { name: "the edit role", manifest: clusterRole([{ apiGroups: [""], resources: ["pods"], verbs: ["create"] }], "system:aggregate-to-edit") },
    {
      name: "parameter without pods",
      manifest: role([{ apiGroups: [""], resources: ["pods"], verbs: ["create"] }]),
      params: { workloadResources: ["deployments"] },
    },
  ],
  invalid: [
    {
      name: "kube-linter fixture: create pods in a Role",
      manifest: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: role1
  namespace: namespace-dev
rules:
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["create"]
`,
      errors: [{ messageId: "createWorkloads", path: "rules[0].resources[0]", line: 8 }],
    },
    {
      name: "deployments and jobs in their groups",
      manifest: clusterRole([
        { apiGroups: ["apps"], resources: ["deployments", "configmaps"], verbs: ["create"] },
        { apiGroups: ["batch"], resources: ["jobs"], verbs: ["*"] },
      ]),
      errors: [
        { messageId: "createWorkloads", path: "rules[0].resources[0]" },
        { messageId: "createWorkloads", path: "rules[1].resources[0]" },
      ],
    },
    {
      name: "wildcards cover every workload kind, once per rule",
      manifest: clusterRole([{ apiGroups: ["*"], resources: ["*"], verbs: ["create"] }]),
      errors: [{ messageId: "createWorkloads", path: "rules[0].resources[0]" }],
    },
    {
      name: "an unknown name from the parameter matches in any group",
      manifest: clusterRole([{ apiGroups: ["argoproj.io"], resources: ["workflows"], verbs: ["create"] }]),
      params: { workloadResources: ["workflows"] },
      errors: [{ messageId: "createWorkloads", path: "rules[0].resources[0]" }],
    },
  ],
});
