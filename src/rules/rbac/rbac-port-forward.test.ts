import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./rbac-port-forward.js";

const rbac = "rbac.authorization.k8s.io/v1";
const role = (rules: unknown, name = "r") => ({ apiVersion: rbac, kind: "Role", metadata: { name, namespace: "app" }, rules });

ruleTester(rule, {
  valid: [
    { name: "pods only", manifest: role([{ apiGroups: [""], resources: ["pods"], verbs: ["create", "get"] }]) },
    { name: "edit's source role", manifest: { ...role([{ apiGroups: [""], resources: ["pods/portforward"], verbs: ["create"] }], "system:aggregate-to-edit"), kind: "ClusterRole" } },
  ],
  invalid: [
    {
      name: "create on pods/portforward",
      manifest: "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: dev, namespace: app}\nrules:\n- apiGroups: ['']\n  resources: [pods, pods/portforward]\n  verbs: [create]\n",
      errors: [{ messageId: "portForward", path: "rules[0].resources[1]", line: 6 }],
    },
    {
      name: "get before 1.35",
      manifest: role([{ apiGroups: [""], resources: ["pods/portforward"], verbs: ["get"] }]),
      kubeVersion: "1.33",
      errors: [{ messageId: "portForward", path: "rules[0].resources[0]" }],
    },
    {
      name: "get on 1.35 still counts",
      manifest: role([{ apiGroups: [""], resources: ["pods/portforward"], verbs: ["get"] }]),
      errors: [{ messageId: "portForward", path: "rules[0].resources[0]" }],
    },
    {
      name: "*/portforward",
      manifest: role([{ apiGroups: [""], resources: ["*/portforward"], verbs: ["*"] }]),
      errors: [{ messageId: "portForward", path: "rules[0].resources[0]" }],
    },
  ],
});
