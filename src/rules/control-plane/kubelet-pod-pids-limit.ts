import { defineRule } from "../../engine/rule-types.js";
import { KUBELET, kubeletCheck, kubeletConfigYaml, numberOf } from "./_kubelet.js";

// CIS 4.2.13. podPidsLimit (--pod-max-pids) defaults to -1, no limit; 0 or less is no limit.
export default defineRule({
  id: "kubelet-pod-pids-limit",
  title: "No per-pod process limit",
  rationale:
    "Process IDs are a node-wide resource. Without podPidsLimit, one pod can create processes until the node runs out of " +
    "PIDs, at which point no other pod (nor the kubelet or the container runtime) can start a process.",
  attack: "An attacker who can run code in one pod starts a fork bomb and takes down every workload on the node, and with a DaemonSet or many replicas, the cluster.",
  remediation: "Set `podPidsLimit` in the kubelet's configuration file (or `--pod-max-pids`) to a value that fits the workloads, for example 4096.",
  example: {
    insecure: kubeletConfigYaml({ podPidsLimit: -1 }),
    secure: kubeletConfigYaml({ podPidsLimit: 4096 }),
  },
  messages: {
    default: "The kubelet ({{where}}) does not set {{setting}}, so a pod may use every process ID of the node",
    unlimited: "The kubelet ({{where}}) sets {{setting}} to {{value}}, so a pod may use every process ID of the node",
  },
  check(ctx) {
    kubeletCheck(ctx, KUBELET.podPidsLimit, (v) => {
      const n = numberOf(v.value);
      if (n !== undefined && n > 0) return undefined;
      if (n === undefined && v.explicit) return undefined;
      return v.explicit ? "unlimited" : "default";
    });
  },
});
