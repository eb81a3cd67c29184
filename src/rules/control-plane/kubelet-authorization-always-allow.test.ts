import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_INIT, cmd, kubeletConfig, staticPod } from "./_pods.js";
import rule from "./kubelet-authorization-always-allow.js";

const kubelet = (flags: readonly string[]) => staticPod("kubelet", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "configuration default (Webhook)", manifest: kubeletConfig() },
    { name: "kubeadm", manifest: [KUBEADM_INIT, kubeletConfig()] },
    { name: "flag Webhook", manifest: kubelet(["--authorization-mode", "Webhook"]) },
    { name: "--config decides", manifest: kubelet(["--config=/var/lib/kubelet/config.yaml"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "set", path: "authorization.mode", line: 4 }] },
    { name: "flags only: default AlwaysAllow", manifest: kubelet([]), errors: [{ messageId: "default", path: CMD, container: "kubelet" }] },
    { name: "flag AlwaysAllow", manifest: kubelet(["--config=/c.yaml", "--authorization-mode=AlwaysAllow"]), errors: [{ messageId: "set", path: cmd(1) }] },
  ],
});
