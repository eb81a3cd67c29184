import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_CONTROLLER_MANAGER_FLAGS as K, cmd, staticPod, withFlag } from "./_pods.js";
import rule from "./controller-manager-terminated-pod-gc-threshold.js";

const cm = (flags: readonly string[]) => staticPod("kube-controller-manager", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm plus a threshold", manifest: cm(withFlag(K, "terminated-pod-gc-threshold", "10")) },
    { name: "--flag value form", manifest: cm(["--terminated-pod-gc-threshold", "500"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "unset", path: CMD, container: "kube-controller-manager", line: 12 }] },
    { name: "kubeadm (not set)", manifest: cm(K), errors: [{ messageId: "unset", path: CMD }] },
    { name: "0 turns the collector off", manifest: cm(["--terminated-pod-gc-threshold=0"]), errors: [{ messageId: "off", path: cmd(0) }] },
    { name: "negative", manifest: cm(["--terminated-pod-gc-threshold", "-1"]), errors: [{ messageId: "off", path: cmd(0) }] },
  ],
});
