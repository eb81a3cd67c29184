import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./rbac-manage-networking.js";

const rbac = "rbac.authorization.k8s.io/v1";
const role = (rules: unknown, name = "r") => ({ apiVersion: rbac, kind: "Role", metadata: { name, namespace: "app" }, rules });

ruleTester(rule, {
  valid: [
    { name: "read network objects", manifest: role([{ apiGroups: ["", "networking.k8s.io"], resources: ["services", "endpoints", "networkpolicies"], verbs: ["get", "list", "watch"] }]) },
    { name: "delete services is not redirecting traffic", manifest: role([{ apiGroups: [""], resources: ["services"], verbs: ["delete"] }]) },
    { name: "a named service", manifest: role([{ apiGroups: [""], resources: ["services"], resourceNames: ["web"], verbs: ["update"] }]) },
    { name: "ingresses are not in scope", manifest: role([{ apiGroups: ["networking.k8s.io"], resources: ["ingresses"], verbs: ["create"] }]) },
  ],
  invalid: [
    {
      name: "create services and endpoints, one finding per rule entry",
      manifest: "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r, namespace: app}\nrules:\n- apiGroups: ['']\n  resources: [configmaps, services, endpoints]\n  verbs: [create]\n",
      errors: [{ messageId: "writeNetwork", path: "rules[0].resources[1]", line: 6 }],
    },
    {
      name: "delete network policies, and endpointslices",
      manifest: role([
        { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies"], verbs: ["delete"] },
        { apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"], verbs: ["update"] },
      ]),
      errors: [
        { messageId: "writeNetwork", path: "rules[0].resources[0]" },
        { messageId: "writeNetwork", path: "rules[1].resources[0]" },
      ],
    },
    {
      name: "services/status",
      manifest: role([{ apiGroups: [""], resources: ["services/status"], verbs: ["patch"] }]),
      errors: [{ messageId: "writeNetwork", path: "rules[0].resources[0]" }],
    },
  ],
});
