import { defineRule } from "../../engine/rule-types.js";
import { requireFlags } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.3.5.
export default defineRule({
  id: "controller-manager-root-ca-file",
  title: "Pods do not receive the cluster CA",
  rationale:
    "The controller manager publishes the CA of --root-ca-file into every namespace (the kube-root-ca.crt ConfigMap) and into service account token Secrets, so that pods can verify the API server's certificate. Without it pods have no CA to verify it with.",
  attack:
    "Pods that cannot verify the API server are configured to skip verification; an attacker who intercepts their traffic to the API server then collects their service account tokens.",
  remediation:
    "Add `--root-ca-file=<cluster CA certificate>` (kubeadm: /etc/kubernetes/pki/ca.crt) to the kube-controller-manager command.",
  example: {
    insecure: staticPodYaml("kube-controller-manager", ["--kubeconfig=/etc/kubernetes/controller-manager.conf"]),
    secure: staticPodYaml("kube-controller-manager", ["--kubeconfig=/etc/kubernetes/controller-manager.conf", "--root-ca-file=/etc/kubernetes/pki/ca.crt"]),
  },
  messages: {
    missing: "kube-controller-manager in container '{{container}}' does not set {{flags}}, so pods cannot verify the API server's certificate",
  },
  check(ctx) {
    requireFlags(ctx, { component: "kube-controller-manager", flags: ["root-ca-file"], missing: "missing" });
  },
});
