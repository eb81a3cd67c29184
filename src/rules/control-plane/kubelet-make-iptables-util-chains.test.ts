import { ruleTester } from "../../testing/rule-tester.js";
import { cmd, kubeletConfig, staticPod } from "./_pods.js";
import rule from "./kubelet-make-iptables-util-chains.js";

const kubelet = (flags: readonly string[]) => staticPod("kubelet", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "default true", manifest: kubeletConfig() },
    { name: "flags only, default", manifest: kubelet([]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "off", path: "makeIPTablesUtilChains", line: 3 }] },
    { name: "flag false", manifest: kubelet(["--make-iptables-util-chains=false"]), errors: [{ messageId: "off", path: cmd(0), container: "kubelet" }] },
  ],
});
