import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./rbac-delete-resources.js";

const rbac = "rbac.authorization.k8s.io/v1";
const clusterRole = (rules: unknown, name = "r") => ({ apiVersion: rbac, kind: "ClusterRole", metadata: { name }, rules });
const role = (rules: unknown, name = "r") => ({ apiVersion: rbac, kind: "Role", metadata: { name, namespace: "app" }, rules });

ruleTester(rule, {
  valid: [
    { name: "delete configmaps", manifest: role([{ apiGroups: [""], resources: ["configmaps"], verbs: ["delete"] }]) },
    { name: "delete a named pod", manifest: role([{ apiGroups: [""], resources: ["pods"], resourceNames: ["scratch"], verbs: ["delete"] }]) },
    { name: "deployments in the core group do not exist", manifest: role([{ apiGroups: [""], resources: ["deployments"], verbs: ["delete"] }]) },
    { name: "the namespace controller", manifest: clusterRole([{ apiGroups: ["*"], resources: ["*"], verbs: ["delete"] }], "system:controller:namespace-controller") },
  ],
  invalid: [
    {
      name: "delete pods and events",
      manifest: "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: cleaner\nrules:\n  - apiGroups: ['']\n    resources: [configmaps, pods, events]\n    verbs: [get, delete]\n",
      errors: [{ messageId: "delete", path: "rules[0].resources[1]", line: 7 }],
    },
    {
      name: "deletecollection on deployments, and events.k8s.io events",
      manifest: role([
        { apiGroups: ["apps"], resources: ["deployments"], verbs: ["deletecollection"] },
        { apiGroups: ["events.k8s.io"], resources: ["events"], verbs: ["*"] },
      ]),
      errors: [
        { messageId: "delete", path: "rules[0].resources[0]" },
        { messageId: "delete", path: "rules[1].resources[0]" },
      ],
    },
    {
      name: "a Role that can delete its own namespace",
      manifest: role([{ apiGroups: [""], resources: ["namespaces"], verbs: ["delete"] }]),
      errors: [{ messageId: "delete", path: "rules[0].resources[0]" }],
    },
  ],
});
