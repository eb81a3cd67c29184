import { ruleTester } from "../../testing/rule-tester.js";
import { cmd, kubeletConfig, staticPod } from "./_pods.js";
import rule from "./kubelet-streaming-connection-idle-timeout.js";

const kubelet = (flags: readonly string[]) => staticPod("kubelet", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "default 4h", manifest: kubeletConfig() },
    { name: "flags only, default", manifest: kubelet([]) },
    { name: "1s", manifest: kubeletConfig({ streamingConnectionIdleTimeout: "1s" }) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "zero", path: "streamingConnectionIdleTimeout", line: 3 }] },
    { name: "0", manifest: kubeletConfig({ streamingConnectionIdleTimeout: 0 }), errors: [{ messageId: "zero", path: "streamingConnectionIdleTimeout" }] },
    { name: "flag 0m", manifest: kubelet(["--streaming-connection-idle-timeout=0m"]), errors: [{ messageId: "zero", path: cmd(0), container: "kubelet" }] },
  ],
});
