import { defineRule } from "../../engine/rule-types.js";
import { KUBELET, boolOf, kubeletCheck, kubeletConfigYaml } from "./_kubelet.js";

// CIS 4.2.10. rotateCertificates (--rotate-certificates) defaults to false, in the configuration file and on the
// command line, so a missing setting is reported as well; kubeadm defaults it to true for the KubeletConfiguration it
// is given, so a KubeletConfiguration in a file with kubeadm objects passes when the field is missing.
export default defineRule({
  id: "kubelet-rotate-certificates",
  title: "Kubelet client certificate not rotated",
  rationale:
    "The kubelet authenticates to the API server with a client certificate. With rotateCertificates: true it requests a " +
    "new certificate before the current one expires; without it the same certificate is used until it expires, typically for a year.",
  attack: "A kubelet client certificate stolen from a node (or a node backup) keeps working as that node's identity for as long as it is valid, since nothing replaces it.",
  remediation: "Set `rotateCertificates: true` in the kubelet's configuration file (or `--rotate-certificates=true`), and let the controller manager approve and sign kubelet client CSRs.",
  example: {
    insecure: kubeletConfigYaml({ rotateCertificates: false }),
    secure: kubeletConfigYaml({ rotateCertificates: true }),
  },
  messages: {
    default: "The kubelet ({{where}}) does not set {{setting}} to true (default false), so its client certificate is not renewed",
    off: "The kubelet ({{where}}) sets {{setting}} to {{value}}, so its client certificate is not renewed",
  },
  check(ctx) {
    kubeletCheck(ctx, KUBELET.rotateCertificates, (v) => (boolOf(v.value) === true ? undefined : v.explicit ? "off" : "default"));
  },
});
