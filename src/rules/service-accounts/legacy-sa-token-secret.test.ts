import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./legacy-sa-token-secret.js";

ruleTester(rule, {
  valid: [
    { name: "opaque secret", manifest: { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, type: "Opaque" } },
    { name: "no type", manifest: { apiVersion: "v1", kind: "Secret", metadata: { name: "s" } } },
    { name: "a bootstrap token is another type", manifest: { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, type: "bootstrap.kubernetes.io/token" } },
  ],
  invalid: [
    {
      name: "service-account-token Secret",
      manifest: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ci-token\n  annotations:\n    kubernetes.io/service-account.name: ci\ntype: kubernetes.io/service-account-token\n",
      errors: [{ messageId: "legacyToken", path: "type", line: 7 }],
    },
    {
      name: "without the annotation",
      manifest: { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, type: "kubernetes.io/service-account-token" },
      errors: [{ messageId: "legacyToken", path: "type" }],
    },
  ],
});
