import { defineRule } from "../../engine/rule-types.js";
import { hits, kindOf, resourcePath, reviewedRole, through } from "./_rbac.js";

// create on serviceaccounts/token (the TokenRequest API). Limited by resourceNames it still mints tokens for the
// named ServiceAccounts and is reported, naming them.
export default defineRule({
  id: "rbac-create-sa-token",
  title: "Create service account tokens",
  rationale:
    "The TokenRequest API (`kubectl create token`) issues a fresh, valid token for a ServiceAccount. Whoever may call it for an " +
    "account can act as that account, with all of its permissions, without running a pod or reading a Secret.",
  attack:
    "An attacker with the role requests a token for the most powerful ServiceAccount in scope (a controller's, an operator's, " +
    "or one bound to cluster-admin) and uses it from anywhere until it expires, which the requester chooses (up to the server's maximum).",
  remediation:
    "Grant create on serviceaccounts/token only to components that issue tokens by design, limited to the accounts they serve " +
    "with `resourceNames`, and in the namespaces they serve.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: token-issuer
rules:
  - apiGroups: [""]
    resources: ["serviceaccounts/token"]
    verbs: ["create"]
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: token-issuer
rules:
  - apiGroups: [""]
    resources: ["serviceaccounts"]
    verbs: ["get", "list"]
`,
  },
  messages: {
    createToken: "The {{kind}} allows creating tokens for {{accounts}}{{through}}: its holders can act as those ServiceAccounts",
  },
  check(ctx) {
    const r = reviewedRole(ctx);
    if (!r) return;
    for (const h of hits(r.role, { verbs: ["create"], targets: [{ group: "", resource: "serviceaccounts/token" }], restricted: "include" })) {
      const accounts = h.rule.restricted ? `the ServiceAccounts ${h.rule.resourceNames.join(", ")}` : "any ServiceAccount in scope";
      ctx.report({ messageId: "createToken", data: { kind: kindOf(r.role), accounts, through: through(h) }, path: resourcePath(h) });
    }
  },
});
