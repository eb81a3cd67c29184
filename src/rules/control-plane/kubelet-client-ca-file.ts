import { defineRule } from "../../engine/rule-types.js";
import { KUBELET, kubeletCheck, kubeletConfigYaml } from "./_kubelet.js";

// CIS 4.2.3. No default in v1beta1 or on the command line; kubeadm's KubeletConfiguration defaults it to
// /etc/kubernetes/pki/ca.crt, so a KubeletConfiguration in a file with kubeadm objects passes.
export default defineRule({
  id: "kubelet-client-ca-file",
  title: "Kubelet does not authenticate client certificates",
  rationale:
    "The kubelet authenticates callers that present certificates (the API server above all) against the CA of " +
    "authentication.x509.clientCAFile (--client-ca-file). Without it the API server's client certificate means nothing " +
    "to the kubelet, which then needs anonymous or token-only access to work.",
  attack: "Kubelets set up this way are usually left open to anonymous requests; anyone who reaches port 10250 then lists pods or runs commands in them.",
  remediation: "Set `authentication.x509.clientCAFile` to the cluster CA certificate (for example /etc/kubernetes/pki/ca.crt) in the kubelet's configuration file, or `--client-ca-file` on its command line.",
  example: {
    insecure: kubeletConfigYaml({ authentication: { anonymous: { enabled: false } } }),
    secure: kubeletConfigYaml({ authentication: { anonymous: { enabled: false }, x509: { clientCAFile: "/etc/kubernetes/pki/ca.crt" } } }),
  },
  messages: {
    missing: "The kubelet ({{where}}) does not set {{setting}}, so it cannot authenticate the API server or other clients by certificate",
  },
  check(ctx) {
    kubeletCheck(ctx, KUBELET.clientCAFile, (v) => (typeof v.value === "string" && v.value.trim() !== "" ? undefined : "missing"));
  },
});
