import { defineRule } from "../../engine/rule-types.js";
import { forbidFlag } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// No CIS number (removed from the benchmark with the flag). --basic-auth-file was removed in Kubernetes 1.19; a
// manifest that sets it was written for an older cluster and is reported whatever the target version.
export default defineRule({
  id: "apiserver-basic-auth-file",
  title: "API server authenticates with static passwords",
  rationale:
    "--basic-auth-file (Kubernetes 1.18 and older) makes the API server accept user names and passwords from a plain CSV " +
    "file. The passwords never expire, travel with every request, and can only be changed by editing the file and restarting the API server.",
  attack:
    "Passwords are guessed or brute-forced against the API port (there is no lockout), or copied from the file; they then " +
    "work until someone restarts the API server without them.",
  remediation:
    "Remove `--basic-auth-file` from the kube-apiserver command (the flag no longer exists from Kubernetes 1.19) and give its " +
    "users credentials from an identity provider (OIDC) or client certificates.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--basic-auth-file=/etc/kubernetes/passwords.csv"]),
    secure: staticPodYaml("kube-apiserver", ["--oidc-issuer-url=https://login.example.com", "--oidc-client-id=kubernetes"]),
  },
  messages: {
    set: "kube-apiserver in container '{{container}}' sets --basic-auth-file={{value}}: static passwords that cannot be rotated without a restart",
  },
  check(ctx) {
    forbidFlag(ctx, {
      component: "kube-apiserver", flag: "basic-auth-file", messageId: "set",
      fix: { description: "Remove --basic-auth-file", safety: "unsafe", note: "Users who log in with these passwords lose access; give them other credentials first." },
    });
  },
});
