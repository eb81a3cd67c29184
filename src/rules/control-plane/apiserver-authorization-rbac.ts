import { defineRule } from "../../engine/rule-types.js";
import { requireAuthorizationMode } from "./_authz.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.8. The default --authorization-mode (AlwaysAllow) does not include RBAC; not judged with --authorization-config.
export default defineRule({
  id: "apiserver-authorization-rbac",
  title: "RBAC authorizer not enabled",
  rationale:
    "Role-based access control is how Kubernetes grants users and ServiceAccounts exactly the permissions they need. If " +
    "--authorization-mode does not include RBAC, Roles and RoleBindings exist but are never consulted, and access is " +
    "decided by whatever else is configured (often AlwaysAllow, or nothing beyond node access).",
  attack: "Least-privilege RBAC policies give a false sense of security: an attacker's stolen token is authorized by the other modes, which may allow far more than the roles suggest.",
  remediation: "Include RBAC in `--authorization-mode` of the kube-apiserver command (`--authorization-mode=Node,RBAC`).",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--authorization-mode=Node,Webhook"]),
    secure: staticPodYaml("kube-apiserver", ["--authorization-mode=Node,RBAC"]),
  },
  messages: {
    unset: "kube-apiserver in container '{{container}}' does not set --authorization-mode (default AlwaysAllow), so {{mode}} is not enforced",
    value: "kube-apiserver in container '{{container}}' sets --authorization-mode={{value}} without {{mode}}, so role-based access control is not enforced",
  },
  check(ctx) {
    requireAuthorizationMode(ctx, "RBAC", { unset: "unset", value: "value", note: "Requests are then also checked against RBAC; with AlwaysAllow removed, identities without roles lose access." });
  },
});
