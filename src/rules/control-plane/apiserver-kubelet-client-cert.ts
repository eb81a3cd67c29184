import { defineRule } from "../../engine/rule-types.js";
import { requireFlags } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.4. Both flags must be given with a value.
export default defineRule({
  id: "apiserver-kubelet-client-cert",
  title: "API server has no client certificate for kubelets",
  rationale:
    "When the API server calls a kubelet (logs, exec, port-forward, metrics) it authenticates with the certificate of --kubelet-client-certificate and --kubelet-client-key. Without them it presents no credentials, so kubelets can only serve it if they accept anonymous or unauthenticated requests.",
  attack:
    "Kubelets configured to work with such an API server must allow anonymous access to their API, and then anyone who reaches port 10250 on a node can list its pods or run commands in them.",
  remediation:
    "Issue a client certificate for the API server (kubeadm: apiserver-kubelet-client.crt, in the system:masters or a dedicated group), add `--kubelet-client-certificate` and `--kubelet-client-key` to the kube-apiserver command, and turn off anonymous access on the kubelets.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--authorization-mode=Node,RBAC"]),
    secure: staticPodYaml("kube-apiserver", ["--authorization-mode=Node,RBAC", "--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt", "--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key"]),
  },
  messages: {
    missing: "kube-apiserver in container '{{container}}' does not set {{flags}}, so it cannot authenticate to kubelets",
  },
  check(ctx) {
    requireFlags(ctx, { component: "kube-apiserver", flags: ["kubelet-client-certificate", "kubelet-client-key"], missing: "missing" });
  },
});
