import { defineRule } from "../../engine/rule-types.js";
import { loopbackFlag, servingDisabled } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.4.2. --bind-address defaults to 0.0.0.0 (all interfaces); --config does not change it (the serving flags are
// not part of KubeSchedulerConfiguration). Any loopback address passes; with --secure-port=0 nothing is served.
export default defineRule({
  id: "scheduler-bind-address",
  title: "Scheduler listens on all interfaces",
  rationale:
    "kube-scheduler serves /healthz, /metrics and, with profiling on, /debug/pprof on its secure port (10259). Unless " +
    "--bind-address is a loopback address it listens on every interface of the control-plane node (0.0.0.0 by default).",
  attack: "Anyone on the network probes the endpoint, reads metrics that describe the cluster's workloads and scheduling, and tries stolen or weak credentials against it.",
  remediation: "Add `--bind-address=127.0.0.1` to the kube-scheduler command; health checks on the node still work over the loopback address.",
  example: {
    insecure: staticPodYaml("kube-scheduler", ["--bind-address=0.0.0.0"]),
    secure: staticPodYaml("kube-scheduler", ["--bind-address=127.0.0.1"]),
  },
  messages: {
    unset: "kube-scheduler in container '{{container}}' does not set --bind-address, so it listens on all interfaces ({{value}})",
    value: "kube-scheduler in container '{{container}}' sets --bind-address={{value}}, reachable from the network",
  },
  check(ctx) {
    loopbackFlag(ctx, {
      component: "kube-scheduler", flag: "bind-address", defaultValue: "0.0.0.0", unset: "unset", value: "value",
      skip: servingDisabled,
      fix: { description: "Set --bind-address=127.0.0.1", safety: "unsafe", note: "Monitoring that scrapes :10259 from another host (Prometheus) stops working; scrape through a local proxy or the node instead." },
    });
  },
});
