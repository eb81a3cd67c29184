import { defineRule } from "../../engine/rule-types.js";
import { requireFlags } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.3.4.
export default defineRule({
  id: "controller-manager-service-account-private-key-file",
  title: "Controller manager has no service account signing key",
  rationale:
    "The controller manager signs the legacy service account token Secrets it creates with the key of --service-account-private-key-file. Without it, its token controller does not run, and clusters work around it in ways that make keys hard to rotate.",
  attack:
    "Without a dedicated, rotatable signing key, a leaked key stays usable: an attacker who has it mints tokens for any ServiceAccount, including privileged ones in kube-system.",
  remediation:
    "Add `--service-account-private-key-file=<private key>` (kubeadm: /etc/kubernetes/pki/sa.key) to the kube-controller-manager command, matching the API server's --service-account-key-file.",
  example: {
    insecure: staticPodYaml("kube-controller-manager", ["--kubeconfig=/etc/kubernetes/controller-manager.conf"]),
    secure: staticPodYaml("kube-controller-manager", ["--kubeconfig=/etc/kubernetes/controller-manager.conf", "--service-account-private-key-file=/etc/kubernetes/pki/sa.key"]),
  },
  messages: {
    missing: "kube-controller-manager in container '{{container}}' does not set {{flags}}, so service account tokens are not signed with a dedicated key",
  },
  check(ctx) {
    requireFlags(ctx, { component: "kube-controller-manager", flags: ["service-account-private-key-file"], missing: "missing" });
  },
});
