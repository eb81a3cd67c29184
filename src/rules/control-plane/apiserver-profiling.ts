import { defineRule } from "../../engine/rule-types.js";
import { boolFlag } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.15. kube-apiserver --profiling defaults to true.
export default defineRule({
  id: "apiserver-profiling",
  title: "API server profiling enabled",
  rationale:
    "With profiling on, the API server serves Go's pprof endpoints under /debug/pprof. They show the server's internals " +
    "(goroutines, memory, command line) and some of them run expensive CPU or heap profiles on demand. Profiling is on " +
    "unless --profiling=false is set.",
  attack:
    "Anyone allowed to GET /debug/pprof (often more users than intended) reads internal details to plan further attacks, " +
    "or starts long CPU profiles in a loop to slow down the control plane.",
  remediation: "Add `--profiling=false` to the kube-apiserver command in its static Pod manifest (/etc/kubernetes/manifests/kube-apiserver.yaml).",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--authorization-mode=Node,RBAC"]),
    secure: staticPodYaml("kube-apiserver", ["--authorization-mode=Node,RBAC", "--profiling=false"]),
  },
  messages: {
    unset: "kube-apiserver in container '{{container}}' does not set --profiling=false; profiling is on by default",
    value: "kube-apiserver in container '{{container}}' sets --profiling={{value}}, which serves profiling endpoints",
  },
  check(ctx) {
    boolFlag(ctx, {
      component: "kube-apiserver", flag: "profiling", want: false, defaultValue: true, unset: "unset", value: "value",
      fix: { description: "Set --profiling=false", safety: "safe", note: "Only the /debug/pprof endpoints go away; nothing in normal operation uses them." },
    });
  },
});
