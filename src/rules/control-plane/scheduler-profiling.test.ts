import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_SCHEDULER_FLAGS as K, cmd, staticPod, withFlag } from "./_pods.js";
import rule from "./scheduler-profiling.js";

const sched = (flags: readonly string[]) => staticPod("kube-scheduler", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm with --profiling=false", manifest: sched(withFlag(K, "profiling", "false")) },
    { name: "a configuration file decides (flag ignored with --config)", manifest: sched(["--config=/etc/kubernetes/scheduler-config.yaml", "--profiling=true"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "unset", path: CMD, container: "kube-scheduler", line: 12 }] },
    { name: "kubeadm default", manifest: sched(K), errors: [{ messageId: "unset", path: CMD }] },
    { name: "explicit true in the --flag value form is a bare true", manifest: sched(["--profiling", "true"]), errors: [{ messageId: "value", path: cmd(0) }] },
  ],
});
