import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_CONTROLLER_MANAGER_FLAGS as K, cmd, staticPod, withFlag } from "./_pods.js";
import rule from "./controller-manager-profiling.js";

const cm = (flags: readonly string[]) => staticPod("kube-controller-manager", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm with --profiling=false", manifest: cm(withFlag(K, "profiling", "false")) },
    { name: "an API server is another rule's concern", manifest: staticPod("kube-apiserver", []) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "unset", path: CMD, container: "kube-controller-manager", line: 12 }] },
    { name: "kubeadm default", manifest: cm(K), errors: [{ messageId: "unset", path: CMD }] },
    { name: "explicit true", manifest: cm(["--profiling=true"]), errors: [{ messageId: "value", path: cmd(0) }] },
  ],
});
