import { defineRule } from "../../engine/rule-types.js";
import { KUBELET, kubeletCheck, kubeletConfigYaml, numberOf } from "./_kubelet.js";

// CIS 4.2.4. KubeletConfiguration: readOnlyPort defaults to 0 (off) in v1beta1. A kubelet started with flags only:
// --read-only-port defaults to 10255. With --config and no flag: decided by the file.
export default defineRule({
  id: "kubelet-read-only-port",
  title: "Kubelet read-only port open",
  rationale:
    "The kubelet's read-only port (10255) serves pod specs, node status and metrics over plain HTTP without any " +
    "authentication or authorization. Pod specs include environment variables, which often hold credentials.",
  attack: "Anyone who reaches port 10255 of a node lists every pod on it with their images, commands and environment, finding secrets and targets without leaving a trace in any audit log.",
  remediation: "Set `readOnlyPort: 0` in the kubelet's configuration file (or `--read-only-port=0`), and move monitoring to the authenticated port 10250.",
  example: {
    insecure: kubeletConfigYaml({ readOnlyPort: 10255 }),
    secure: kubeletConfigYaml({ readOnlyPort: 0 }),
  },
  messages: {
    default: "The kubelet ({{where}}) does not set {{setting}}=0; its unauthenticated read-only port {{value}} is open by default",
    open: "The kubelet ({{where}}) sets {{setting}} to {{value}}, an unauthenticated HTTP port that exposes pod details",
  },
  check(ctx) {
    kubeletCheck(ctx, KUBELET.readOnlyPort, (v) => {
      const port = numberOf(v.value);
      if (port === undefined || port <= 0) return undefined;
      return v.explicit ? "open" : "default";
    });
  },
});
