import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";

// spec.serviceAccount is the deprecated alias of serviceAccountName. As the API's conversion does: when both
// are set, serviceAccountName wins and serviceAccount is ignored; when only serviceAccount is set, it is used.
// The fixes therefore keep the identity the pods have today and are safe.
export default defineRule({
  id: "deprecated-service-account-field",
  title: "Deprecated serviceAccount field",
  rationale:
    "`serviceAccount` is a deprecated alias of `serviceAccountName`. Tools that read only the current field (reviews, policies, " +
    "scanners) see no ServiceAccount, or the wrong one, and misjudge which identity and which permissions the pods have.",
  attack:
    "A reviewer or admission policy that checks serviceAccountName misses a pod that picks a powerful account through the old " +
    "field; an attacker who can edit manifests can use this to slip an identity past review.",
  remediation: "Rename `serviceAccount` to `serviceAccountName` (or delete it when serviceAccountName is already set).",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  serviceAccount: web
  containers:
    - name: web
      image: registry.example/web:1.0
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  serviceAccountName: web
  containers:
    - name: web
      image: registry.example/web:1.0
`,
  },
  messages: {
    deprecated: "The pod names its ServiceAccount '{{name}}' with the deprecated field serviceAccount; use serviceAccountName",
    redundant: "The deprecated field serviceAccount repeats serviceAccountName; remove it",
    ignored: "The deprecated field serviceAccount names '{{name}}', but serviceAccountName '{{current}}' wins and is the account the pods use",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    const old = w.podSpec.serviceAccount;
    if (typeof old !== "string" || old === "") return;
    const current = w.podSpec.serviceAccountName;
    const oldPath = w.at("serviceAccount");
    const info = { safety: "safe" as const, note: "Kubernetes already treats the old field as an alias (serviceAccountName wins when both are set); the pods keep the same identity." };
    if (typeof current === "string" && current !== "") {
      ctx.report({
        messageId: current === old ? "redundant" : "ignored",
        data: { name: old, current },
        path: oldPath,
        fix: fixes.remove(oldPath, { ...info, description: "Remove the deprecated serviceAccount field" }),
      });
      return;
    }
    ctx.report({
      messageId: "deprecated",
      data: { name: old },
      path: oldPath,
      fix: fixes.ops([{ op: "set", path: w.at("serviceAccountName"), value: old }, { op: "remove", path: oldPath }], { ...info, description: "Rename serviceAccount to serviceAccountName" }),
    });
  },
});
