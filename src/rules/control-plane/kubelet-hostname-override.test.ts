import { ruleTester } from "../../testing/rule-tester.js";
import { cmd, kubeletConfig, staticPod } from "./_pods.js";
import rule from "./kubelet-hostname-override.js";

const kubelet = (flags: readonly string[]) => staticPod("kubelet", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "a KubeletConfiguration has no such field", manifest: kubeletConfig({ hostnameOverride: "x" }) },
    { name: "kube-proxy's own --hostname-override is not the kubelet's", manifest: staticPod("kube-proxy", ["--hostname-override=$(NODE_NAME)"]) },
    { name: "empty value", manifest: kubelet(["--hostname-override="]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "set", path: cmd(1), container: "kubelet", line: 14 }] },
    { name: "--flag value form", manifest: kubelet(["--hostname-override", "node-1"]), errors: [{ messageId: "set", path: cmd(0) }] },
  ],
});
