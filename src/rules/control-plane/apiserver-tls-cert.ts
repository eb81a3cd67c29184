import { defineRule } from "../../engine/rule-types.js";
import { requireFlags } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.24. Both flags must be given with a value.
export default defineRule({
  id: "apiserver-tls-cert",
  title: "API server serves a self-generated certificate",
  rationale:
    "Without --tls-cert-file and --tls-private-key-file the API server generates a self-signed certificate at start-up. Clients cannot verify it against a CA, so they either refuse to connect or are configured to skip verification.",
  attack:
    "Clients that skip verification (insecure-skip-tls-verify in kubeconfigs) send their credentials to whoever answers: an attacker who intercepts the connection collects the bearer tokens and passwords they send.",
  remediation:
    "Issue a serving certificate from the cluster CA with the API server's names and addresses and add `--tls-cert-file` and `--tls-private-key-file` to the kube-apiserver command.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--secure-port=6443"]),
    secure: staticPodYaml("kube-apiserver", ["--secure-port=6443", "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt", "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key"]),
  },
  messages: {
    missing: "kube-apiserver in container '{{container}}' does not set {{flags}}, so it serves a self-signed certificate clients cannot verify",
  },
  check(ctx) {
    requireFlags(ctx, { component: "kube-apiserver", flags: ["tls-cert-file", "tls-private-key-file"], missing: "missing" });
  },
});
