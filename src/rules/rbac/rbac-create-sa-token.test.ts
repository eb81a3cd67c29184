import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./rbac-create-sa-token.js";

const rbac = "rbac.authorization.k8s.io/v1";
const role = (rules: unknown, name = "r") => ({ apiVersion: rbac, kind: "Role", metadata: { name, namespace: "app" }, rules });

ruleTester(rule, {
  valid: [
    { name: "serviceaccounts, not the token subresource", manifest: role([{ apiGroups: [""], resources: ["serviceaccounts"], verbs: ["create"] }]) },
    { name: "get on the token subresource", manifest: role([{ apiGroups: [""], resources: ["serviceaccounts/token"], verbs: ["get"] }]) },
    { name: "the node role", manifest: { ...role([{ apiGroups: [""], resources: ["serviceaccounts/token"], verbs: ["create"] }], "system:node"), kind: "ClusterRole" } },
  ],
  invalid: [
    {
      name: "create tokens for any account",
      manifest: "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r, namespace: app}\nrules:\n- apiGroups: ['']\n  resources: [serviceaccounts/token]\n  verbs: [create]\n",
      errors: [{ messageId: "createToken", path: "rules[0].resources[0]", line: 6 }],
    },
    {
      name: "limited to named accounts, still reported",
      manifest: role([{ apiGroups: [""], resources: ["serviceaccounts/token"], resourceNames: ["builder"], verbs: ["create"] }]),
      errors: [{ messageId: "createToken", path: "rules[0].resources[0]" }],
    },
    {
      name: "a ClusterRole with */token",
      manifest: { apiVersion: rbac, kind: "ClusterRole", metadata: { name: "c" }, rules: [{ apiGroups: [""], resources: ["*/token"], verbs: ["create"] }] },
      errors: [{ messageId: "createToken", path: "rules[0].resources[0]" }],
    },
  ],
});
