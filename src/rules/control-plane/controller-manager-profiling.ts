import { defineRule } from "../../engine/rule-types.js";
import { boolFlag } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.3.2. --profiling defaults to true.
export default defineRule({
  id: "controller-manager-profiling",
  title: "Controller manager profiling enabled",
  rationale:
    "With profiling on (the default), kube-controller-manager serves Go's pprof endpoints on its secure port. They reveal " +
    "internal state and can run expensive profiles on demand, which nothing in normal operation needs.",
  attack:
    "A client allowed to reach /debug/pprof (through the authorization the controller manager delegates to the API server) " +
    "reads internal details or triggers CPU profiles repeatedly to slow down every controller of the cluster.",
  remediation: "Add `--profiling=false` to the kube-controller-manager command in its static Pod manifest.",
  example: {
    insecure: staticPodYaml("kube-controller-manager", ["--bind-address=127.0.0.1"]),
    secure: staticPodYaml("kube-controller-manager", ["--bind-address=127.0.0.1", "--profiling=false"]),
  },
  messages: {
    unset: "kube-controller-manager in container '{{container}}' does not set --profiling=false; profiling is on by default",
    value: "kube-controller-manager in container '{{container}}' sets --profiling={{value}}, which serves profiling endpoints",
  },
  check(ctx) {
    boolFlag(ctx, {
      component: "kube-controller-manager", flag: "profiling", want: false, defaultValue: true, unset: "unset", value: "value",
      fix: { description: "Set --profiling=false", safety: "safe", note: "Only the /debug/pprof endpoints go away; nothing in normal operation uses them." },
    });
  },
});
