import { defineRule } from "../../engine/rule-types.js";
import { requireFlags } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.5.
export default defineRule({
  id: "apiserver-kubelet-certificate-authority",
  title: "API server does not verify kubelet certificates",
  rationale:
    "Without --kubelet-certificate-authority the API server connects to kubelets over TLS but does not check their serving certificates, so it cannot tell a real node from an impostor.",
  attack:
    "An attacker who can intercept or redirect the traffic from the control plane to a node (ARP or DNS spoofing, a rogue node address) poses as the kubelet and receives the API server's requests, including the credentials and commands of kubectl exec sessions.",
  remediation:
    "Have kubelets serve certificates signed by a CA (for example serverTLSBootstrap: true with CSR approval) and add `--kubelet-certificate-authority=<that CA>` to the kube-apiserver command.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--authorization-mode=Node,RBAC"]),
    secure: staticPodYaml("kube-apiserver", ["--authorization-mode=Node,RBAC", "--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt"]),
  },
  messages: {
    missing: "kube-apiserver in container '{{container}}' does not set {{flags}}, so it does not verify the kubelets it connects to",
  },
  check(ctx) {
    requireFlags(ctx, { component: "kube-apiserver", flags: ["kubelet-certificate-authority"], missing: "missing" });
  },
});
