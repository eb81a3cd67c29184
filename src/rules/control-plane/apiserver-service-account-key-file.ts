import { defineRule } from "../../engine/rule-types.js";
import { requireFlags } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.22.
export default defineRule({
  id: "apiserver-service-account-key-file",
  title: "API server has no explicit service account verification key",
  rationale:
    "--service-account-key-file names the public keys that verify service account tokens. Without it the API server falls back to the key of its serving certificate, which ties token verification to TLS key rotation and prevents rotating the signing key while old tokens are still valid.",
  attack:
    "When signing and serving keys are tangled, key rotation is postponed; a leaked signing key then lets an attacker mint tokens for any ServiceAccount for a long time.",
  remediation:
    "Add `--service-account-key-file=<public key>` (kubeadm: /etc/kubernetes/pki/sa.pub), matching the controller manager's --service-account-private-key-file and the API server's --service-account-signing-key-file. List several key files during a rotation.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--service-account-issuer=https://kubernetes.default.svc"]),
    secure: staticPodYaml("kube-apiserver", ["--service-account-issuer=https://kubernetes.default.svc", "--service-account-key-file=/etc/kubernetes/pki/sa.pub"]),
  },
  messages: {
    missing: "kube-apiserver in container '{{container}}' does not set {{flags}}, so service account tokens are verified with its serving key",
  },
  check(ctx) {
    requireFlags(ctx, { component: "kube-apiserver", flags: ["service-account-key-file"], missing: "missing" });
  },
});
