import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./rbac-admission-webhook-config.js";

const rbac = "rbac.authorization.k8s.io/v1";
const clusterRole = (rules: unknown, name = "r") => ({ apiVersion: rbac, kind: "ClusterRole", metadata: { name }, rules });
const ADM = "admissionregistration.k8s.io";

ruleTester(rule, {
  valid: [
    { name: "read only", manifest: clusterRole([{ apiGroups: [ADM], resources: ["mutatingwebhookconfigurations"], verbs: ["get", "list", "watch"] }]) },
    { name: "other admission objects", manifest: clusterRole([{ apiGroups: [ADM], resources: ["validatingadmissionpolicies/status"], verbs: ["update"] }]) },
    { name: "wrong group", manifest: clusterRole([{ apiGroups: [""], resources: ["mutatingwebhookconfigurations"], verbs: ["update"] }]) },
  ],
  invalid: [
    {
      name: "CA injector patches named webhook configurations",
      manifest: "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: cainjector\nrules:\n  - apiGroups: [admissionregistration.k8s.io]\n    resources: [validatingwebhookconfigurations, mutatingwebhookconfigurations]\n    resourceNames: [my-webhook]\n    verbs: [get, update, patch]\n",
      errors: [{ messageId: "webhooks", path: "rules[0].resources[0]", line: 7 }],
    },
    {
      name: "wildcards",
      manifest: clusterRole([{ apiGroups: ["*"], resources: ["*"], verbs: ["delete"] }]),
      errors: [{ messageId: "webhooks", path: "rules[0].resources[0]" }],
    },
  ],
});
