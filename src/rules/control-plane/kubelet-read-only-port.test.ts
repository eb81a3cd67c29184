import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, cmd, kubeletConfig, staticPod } from "./_pods.js";
import rule from "./kubelet-read-only-port.js";

const kubelet = (flags: readonly string[]) => staticPod("kubelet", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "configuration default (0)", manifest: kubeletConfig() },
    { name: "flag 0", manifest: kubelet(["--read-only-port=0"]) },
    { name: "--config decides", manifest: kubelet(["--config=/var/lib/kubelet/config.yaml"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "open", path: "readOnlyPort", line: 3 }] },
    { name: "flags only: default 10255", manifest: kubelet([]), errors: [{ messageId: "default", path: CMD, container: "kubelet" }] },
    { name: "flag with the --flag value form", manifest: kubelet(["--read-only-port", "10255"]), errors: [{ messageId: "open", path: cmd(0) }] },
    { name: "string port", manifest: kubeletConfig({ readOnlyPort: "10255" }), errors: [{ messageId: "open", path: "readOnlyPort" }] },
  ],
});
