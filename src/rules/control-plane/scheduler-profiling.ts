import { defineRule } from "../../engine/rule-types.js";
import { boolFlag, isSet } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.4.1. --profiling defaults to true. kube-scheduler ignores --profiling when --config is given (the
// KubeSchedulerConfiguration's enableProfiling decides, default true); the manifest does not show that file, so
// such a scheduler is not judged.
export default defineRule({
  id: "scheduler-profiling",
  title: "Scheduler profiling enabled",
  rationale:
    "With profiling on (the default), kube-scheduler serves Go's pprof endpoints on its secure port. They reveal internal " +
    "state and can run expensive profiles on demand, which nothing in normal operation needs.",
  attack:
    "A client allowed to reach /debug/pprof reads internal details or triggers CPU profiles repeatedly, slowing down the " +
    "scheduling of every new pod.",
  remediation:
    "Add `--profiling=false` to the kube-scheduler command; when the scheduler reads a configuration file (--config), set " +
    "`enableProfiling: false` in that KubeSchedulerConfiguration instead.",
  example: {
    insecure: staticPodYaml("kube-scheduler", ["--bind-address=127.0.0.1"]),
    secure: staticPodYaml("kube-scheduler", ["--bind-address=127.0.0.1", "--profiling=false"]),
  },
  messages: {
    unset: "kube-scheduler in container '{{container}}' does not set --profiling=false; profiling is on by default",
    value: "kube-scheduler in container '{{container}}' sets --profiling={{value}}, which serves profiling endpoints",
  },
  check(ctx) {
    boolFlag(ctx, {
      component: "kube-scheduler", flag: "profiling", want: false, defaultValue: true, unset: "unset", value: "value",
      skip: (inv) => isSet(inv, "config"),
      fix: { description: "Set --profiling=false", safety: "safe", note: "Only the /debug/pprof endpoints go away; nothing in normal operation uses them." },
    });
  },
});
