import { defineRule } from "../../engine/rule-types.js";
import { flag, invocations, parseIntValue } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.3.1 ("set as appropriate"): reported when the flag is missing (default 12500) or at most 0, which turns the
// terminated-pod garbage collector off.
export default defineRule({
  id: "controller-manager-terminated-pod-gc-threshold",
  title: "Terminated pods pile up",
  rationale:
    "kube-controller-manager deletes terminated pods only when there are more than --terminated-pod-gc-threshold of them " +
    "(12500 by default). Until then every finished or failed pod stays in etcd and in every client's list, and 0 or less turns the cleanup off.",
  attack: "An attacker (or a runaway Job) who can create pods creates short-lived ones in bulk; the terminated pods accumulate, enlarge etcd and slow down every controller and list call.",
  remediation: "Add `--terminated-pod-gc-threshold=<number>` to the kube-controller-manager command with a value that fits the cluster's size (CIS uses 10 as an example; a few hundred to a few thousand is common).",
  example: {
    insecure: staticPodYaml("kube-controller-manager", ["--bind-address=127.0.0.1"]),
    secure: staticPodYaml("kube-controller-manager", ["--bind-address=127.0.0.1", "--terminated-pod-gc-threshold=1000"]),
  },
  messages: {
    unset: "kube-controller-manager in container '{{container}}' does not set --terminated-pod-gc-threshold; up to 12500 terminated pods are kept by default",
    off: "kube-controller-manager in container '{{container}}' sets --terminated-pod-gc-threshold={{value}}, which turns off the garbage collection of terminated pods",
  },
  check(ctx) {
    for (const inv of invocations(ctx, "kube-controller-manager")) {
      const f = flag(inv, "terminated-pod-gc-threshold");
      if (!f) {
        if (inv.opaque) continue;
        ctx.report({ messageId: "unset", data: { container: inv.container.name }, path: inv.listPath, container: inv.container });
        continue;
      }
      const n = f.known ? parseIntValue(f.value) : undefined;
      if (n !== undefined && n <= 0) ctx.report({ messageId: "off", data: { container: inv.container.name, value: n }, path: f.path, container: inv.container });
    }
  },
});
