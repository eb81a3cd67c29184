import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_INIT, cmd, kubeletConfig, staticPod } from "./_pods.js";
import rule from "./kubelet-rotate-certificates.js";

const kubelet = (flags: readonly string[]) => staticPod("kubelet", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm defaults it to true", manifest: [KUBEADM_INIT, kubeletConfig()] },
    { name: "bare flag", manifest: kubelet(["--rotate-certificates"]) },
    { name: "--config decides", manifest: kubelet(["--config=/var/lib/kubelet/config.yaml"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "off", path: "rotateCertificates", line: 3 }] },
    { name: "not set (default false)", manifest: kubeletConfig(), errors: [{ messageId: "default", path: "rotateCertificates" }] },
    { name: "explicit false in a kubeadm file", manifest: [KUBEADM_INIT, kubeletConfig({ rotateCertificates: false })], errors: [{ messageId: "off", path: "rotateCertificates" }] },
    { name: "flags only", manifest: kubelet([]), errors: [{ messageId: "default", path: CMD, container: "kubelet" }] },
    { name: "flag false", manifest: kubelet(["--rotate-certificates=false"]), errors: [{ messageId: "off", path: cmd(0) }] },
  ],
});
