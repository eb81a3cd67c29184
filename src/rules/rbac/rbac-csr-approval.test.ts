import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./rbac-csr-approval.js";

const rbac = "rbac.authorization.k8s.io/v1";
const clusterRole = (rules: unknown, name = "r") => ({ apiVersion: rbac, kind: "ClusterRole", metadata: { name }, rules });
const CERT = "certificates.k8s.io";

ruleTester(rule, {
  valid: [
    { name: "create CSRs", manifest: clusterRole([{ apiGroups: [CERT], resources: ["certificatesigningrequests"], verbs: ["create", "get"] }]) },
    { name: "update CSRs themselves is not approval", manifest: clusterRole([{ apiGroups: [CERT], resources: ["certificatesigningrequests"], verbs: ["update"] }]) },
    { name: "the certificate controller", manifest: clusterRole([{ apiGroups: [CERT], resources: ["certificatesigningrequests/approval"], verbs: ["update"] }], "system:controller:certificate-controller") },
  ],
  invalid: [
    {
      name: "update approval",
      manifest: "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: approver\nrules:\n  - apiGroups: [certificates.k8s.io]\n    resources:\n      - certificatesigningrequests\n      - certificatesigningrequests/approval\n    verbs: [update]\n",
      errors: [{ messageId: "approve", path: "rules[0].resources[1]", line: 9 }],
    },
    {
      name: "*/approval with *",
      manifest: clusterRole([{ apiGroups: ["*"], resources: ["*/approval"], verbs: ["*"] }]),
      errors: [{ messageId: "approve", path: "rules[0].resources[0]" }],
    },
  ],
});
