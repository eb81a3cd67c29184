import { ruleTester } from "../../testing/rule-tester.js";
import { cmd, kubeletConfig, staticPod } from "./_pods.js";
import rule from "./kubelet-event-qps.js";

const kubelet = (flags: readonly string[]) => staticPod("kubelet", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "default", manifest: kubeletConfig() },
    { name: "0 (no limit in the configuration file)", manifest: kubeletConfig({ eventRecordQPS: 0 }) },
    { name: "10 is the default's double on 1.26", manifest: kubeletConfig({ eventRecordQPS: 10 }), kubeVersion: "1.26" },
    { name: "flag at the default", manifest: kubelet(["--event-qps=50"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "low", path: "eventRecordQPS", line: 3 }] },
    { name: "10 is below the default of 1.27+", manifest: kubeletConfig({ eventRecordQPS: 10 }), errors: [{ messageId: "low", path: "eventRecordQPS" }] },
    { name: "flag --event-qps 2 on 1.26", manifest: kubelet(["--event-qps", "2"]), kubeVersion: "1.26", errors: [{ messageId: "low", path: cmd(0), container: "kubelet" }] },
  ],
});
