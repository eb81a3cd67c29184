import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./rbac-manage-configmaps.js";

const rbac = "rbac.authorization.k8s.io/v1";
const role = (rules: unknown, name = "r", namespace = "app") => ({ apiVersion: rbac, kind: "Role", metadata: { name, namespace }, rules });

ruleTester(rule, {
  valid: [
    { name: "read configmaps", manifest: role([{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] }]) },
    { name: "update the component's own configmap", manifest: role([{ apiGroups: [""], resources: ["configmaps"], resourceNames: ["my-lock"], verbs: ["get", "update"] }]) },
    { name: "the kube-system leader-locking role", manifest: role([{ apiGroups: [""], resources: ["configmaps"], verbs: ["update"] }], "system::leader-locking-kube-scheduler", "kube-system") },
  ],
  invalid: [
    {
      name: "create and patch configmaps",
      manifest: "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r, namespace: app}\nrules:\n- apiGroups: ['']\n  resources: [configmaps]\n  verbs: [create, patch]\n",
      errors: [{ messageId: "writeConfigMaps", path: "rules[0].resources[0]", line: 6 }],
    },
    {
      name: "update limited to aws-auth is still sensitive",
      manifest: role([{ apiGroups: [""], resources: ["configmaps"], resourceNames: ["aws-auth"], verbs: ["update"] }], "r", "kube-system"),
      errors: [{ messageId: "writeConfigMaps", path: "rules[0].resources[0]" }],
    },
    {
      name: "ClusterRole with wildcard verbs",
      manifest: { apiVersion: rbac, kind: "ClusterRole", metadata: { name: "c" }, rules: [{ apiGroups: ["*"], resources: ["configmaps"], verbs: ["*"] }] },
      errors: [{ messageId: "writeConfigMaps", path: "rules[0].resources[0]" }],
    },
  ],
});
