import { defineRule } from "../../engine/rule-types.js";
import { parseDuration } from "./_flags.js";
import { KUBELET, kubeletCheck, kubeletConfigYaml } from "./_kubelet.js";

// CIS 4.2.5. The default is 4h; reported: a timeout of 0 (never time out).
export default defineRule({
  id: "kubelet-streaming-connection-idle-timeout",
  title: "Kubelet streaming sessions never time out",
  rationale:
    "exec, attach and port-forward sessions are streamed through the kubelet. streamingConnectionIdleTimeout closes them " +
    "after a period without traffic (4 hours by default); 0 keeps idle sessions open forever.",
  attack: "Forgotten or hijacked exec and port-forward sessions stay open indefinitely, giving an attacker a long-lived channel into containers and tying up kubelet resources until it runs out.",
  remediation: "Set `streamingConnectionIdleTimeout` in the kubelet's configuration file (or `--streaming-connection-idle-timeout`) to a non-zero value such as 5m or 4h.",
  example: {
    insecure: kubeletConfigYaml({ streamingConnectionIdleTimeout: "0s" }),
    secure: kubeletConfigYaml({ streamingConnectionIdleTimeout: "5m" }),
  },
  messages: {
    zero: "The kubelet ({{where}}) sets {{setting}} to {{value}}, so idle exec and port-forward sessions never close",
  },
  check(ctx) {
    kubeletCheck(ctx, KUBELET.streamingConnectionIdleTimeout, (v) => (v.explicit && parseDuration(String(v.value)) === 0 ? "zero" : undefined));
  },
});
