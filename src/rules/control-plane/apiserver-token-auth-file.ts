import { defineRule } from "../../engine/rule-types.js";
import { forbidFlag } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.2.
export default defineRule({
  id: "apiserver-token-auth-file",
  title: "API server authenticates with a static token file",
  rationale:
    "--token-auth-file makes the API server accept the bearer tokens listed in a plain CSV file. The tokens never expire, " +
    "sit in clear text on the control-plane node, and can only be changed or revoked by editing the file and restarting the API server.",
  attack:
    "A token copied from the file, a backup or a kubeconfig keeps working until an administrator restarts the API server " +
    "without it, which rarely happens; if it belongs to an administrator, the attacker keeps full control of the cluster.",
  remediation:
    "Remove `--token-auth-file` from the kube-apiserver command and move its users to revocable credentials: OIDC or another " +
    "external identity provider for people, ServiceAccounts with short-lived tokens for programs.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--token-auth-file=/etc/kubernetes/tokens.csv"]),
    secure: staticPodYaml("kube-apiserver", ["--authentication-config=/etc/kubernetes/auth/authentication.yaml"]),
  },
  messages: {
    set: "kube-apiserver in container '{{container}}' sets --token-auth-file={{value}}: static tokens that cannot be revoked without a restart",
  },
  check(ctx) {
    forbidFlag(ctx, {
      component: "kube-apiserver", flag: "token-auth-file", messageId: "set",
      fix: { description: "Remove --token-auth-file", safety: "unsafe", note: "Users and components that authenticate with these tokens lose access; give them other credentials first." },
    });
  },
});
