import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, cmd, kubeletConfig, staticPod } from "./_pods.js";
import rule from "./kubelet-protect-kernel-defaults.js";

const kubelet = (flags: readonly string[]) => staticPod("kubelet", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "bare flag", manifest: kubelet(["--protect-kernel-defaults"]) },
    { name: "--config decides", manifest: kubelet(["--config=/var/lib/kubelet/config.yaml"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "off", path: "protectKernelDefaults", line: 3 }] },
    { name: "not set in the configuration (default false)", manifest: kubeletConfig(), errors: [{ messageId: "default", path: "protectKernelDefaults" }] },
    { name: "flags only", manifest: kubelet([]), errors: [{ messageId: "default", path: CMD, container: "kubelet" }] },
    { name: "flag false", manifest: kubelet(["--protect-kernel-defaults=false"]), errors: [{ messageId: "off", path: cmd(0) }] },
  ],
});
