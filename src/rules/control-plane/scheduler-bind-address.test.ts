import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_SCHEDULER_FLAGS as K, cmd, flagPath, staticPod, withFlag, without } from "./_pods.js";
import rule from "./scheduler-bind-address.js";

const run = (flags: readonly string[]) => staticPod("kube-scheduler", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm (127.0.0.1)", manifest: run(K) },
    { name: "IPv6 loopback", manifest: run(["--bind-address=::1"]) },
    { name: "serving turned off", manifest: run(["--secure-port=0"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "value", path: cmd(0), container: "kube-scheduler", line: 13 }] },
    { name: "not set: 0.0.0.0", manifest: run(without(K, "bind-address")), errors: [{ messageId: "unset", path: CMD }] },
    { name: "node address", manifest: run(withFlag(K, "bind-address", "192.168.0.10")), errors: [{ messageId: "value", path: flagPath(withFlag(K, "bind-address", "192.168.0.10"), "bind-address") }] },
    { name: "--flag value form, IPv6 any", manifest: run(["--bind-address", "::"]), errors: [{ messageId: "value", path: cmd(0) }] },
  ],
});
