import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, cmd, kubeletConfig, staticPod } from "./_pods.js";
import rule from "./kubelet-pod-pids-limit.js";

const kubelet = (flags: readonly string[]) => staticPod("kubelet", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "flag", manifest: kubelet(["--pod-max-pids=1024"]) },
    { name: "--config decides", manifest: kubelet(["--config=/var/lib/kubelet/config.yaml"]) },
    { name: "not a number: not judged", manifest: kubeletConfig({ podPidsLimit: "lots" }) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "unlimited", path: "podPidsLimit", line: 3 }] },
    { name: "not set (default -1)", manifest: kubeletConfig(), errors: [{ messageId: "default", path: "podPidsLimit" }] },
    { name: "flags only", manifest: kubelet([]), errors: [{ messageId: "default", path: CMD, container: "kubelet" }] },
    { name: "flag -1 (the --flag value form takes a negative number)", manifest: kubelet(["--pod-max-pids", "-1"]), errors: [{ messageId: "unlimited", path: cmd(0) }] },
  ],
});
