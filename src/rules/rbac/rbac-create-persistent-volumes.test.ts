import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./rbac-create-persistent-volumes.js";

const rbac = "rbac.authorization.k8s.io/v1";
const clusterRole = (rules: unknown, name = "r") => ({ apiVersion: rbac, kind: "ClusterRole", metadata: { name }, rules });

ruleTester(rule, {
  valid: [
    { name: "claims are not volumes", manifest: clusterRole([{ apiGroups: [""], resources: ["persistentvolumeclaims"], verbs: ["create"] }]) },
    { name: "read volumes", manifest: clusterRole([{ apiGroups: [""], resources: ["persistentvolumes"], verbs: ["get", "list"] }]) },
    { name: "Kubernetes' provisioner role", manifest: clusterRole([{ apiGroups: [""], resources: ["persistentvolumes"], verbs: ["create"] }], "system:persistent-volume-provisioner") },
    { name: "a Role cannot grant a cluster-scoped kind", manifest: { apiVersion: rbac, kind: "Role", metadata: { name: "r", namespace: "x" }, rules: [{ apiGroups: [""], resources: ["persistentvolumes"], verbs: ["create"] }] } },
  ],
  invalid: [
    {
      name: "a CSI provisioner's role",
      manifest: "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: csi-provisioner\nrules:\n  - apiGroups: ['']\n    resources: [persistentvolumes]\n    verbs: [get, list, watch, create, delete]\n",
      errors: [{ messageId: "createPV", path: "rules[0].resources[0]", line: 7 }],
    },
    {
      name: "core wildcard",
      manifest: clusterRole([{ apiGroups: [""], resources: ["*"], verbs: ["*"] }]),
      errors: [{ messageId: "createPV", path: "rules[0].resources[0]" }],
    },
  ],
});
