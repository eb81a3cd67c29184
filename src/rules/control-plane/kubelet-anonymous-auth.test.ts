import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_INIT, cmd, kubeletConfig, staticPod } from "./_pods.js";
import rule from "./kubelet-anonymous-auth.js";

const kubelet = (flags: readonly string[]) => staticPod("kubelet", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "configuration file default (false)", manifest: kubeletConfig() },
    { name: "kubeadm configuration", manifest: [KUBEADM_INIT, kubeletConfig()] },
    { name: "flag false", manifest: kubelet(["--anonymous-auth=false"]) },
    { name: "kubelet with --config and no flag: the file decides", manifest: kubelet(["--config=/var/lib/kubelet/config.yaml"]) },
    { name: "another group's KubeletConfiguration", manifest: { apiVersion: "example.com/v1", kind: "KubeletConfiguration", metadata: { name: "x" }, authentication: { anonymous: { enabled: true } } } },
    { name: "wrong type: authentication is a string", manifest: kubeletConfig({ authentication: "yes" }) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "enabled", path: "authentication.anonymous.enabled", line: 5 }] },
    { name: "flags only: default true", manifest: kubelet(["--kubeconfig=/etc/kubernetes/kubelet.conf"]), errors: [{ messageId: "default", path: CMD, container: "kubelet" }] },
    { name: "flag overrides the file", manifest: kubelet(["--config=/var/lib/kubelet/config.yaml", "--anonymous-auth=true"]), errors: [{ messageId: "enabled", path: cmd(1) }] },
    { name: "YAML 1.1 yes", manifest: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication:\n  anonymous:\n    enabled: yes\n", errors: [{ messageId: "enabled", path: "authentication.anonymous.enabled" }] },
    { name: "quoted \"true\"", manifest: kubeletConfig({ authentication: { anonymous: { enabled: "true" } } }), errors: [{ messageId: "enabled", path: "authentication.anonymous.enabled" }] },
  ],
});
