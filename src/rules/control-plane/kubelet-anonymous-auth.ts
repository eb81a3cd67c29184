import { defineRule } from "../../engine/rule-types.js";
import { KUBELET, boolOf, kubeletCheck, kubeletConfigYaml } from "./_kubelet.js";

// CIS 4.2.1. KubeletConfiguration: authentication.anonymous.enabled defaults to false (v1beta1). A kubelet started
// with flags only: --anonymous-auth defaults to true. A kubelet with --config and no flag: decided by the file.
export default defineRule({
  id: "kubelet-anonymous-auth",
  title: "Kubelet accepts anonymous requests",
  rationale:
    "The kubelet API (port 10250) lists the pods of the node and, depending on authorization, runs commands in their " +
    "containers, reads their logs and port-forwards into them. With anonymous authentication on, requests without " +
    "credentials are served as system:anonymous instead of being rejected.",
  attack:
    "Anyone who reaches a node's port 10250 calls the kubelet without credentials; with the AlwaysAllow authorization " +
    "that often goes with it they run `/run` or `/exec` in any container of the node and steal its ServiceAccount token.",
  remediation:
    "Set `authentication.anonymous.enabled: false` in the kubelet's configuration file (or `--anonymous-auth=false` on its " +
    "command line), and use Webhook authentication and authorization.",
  example: {
    insecure: kubeletConfigYaml({ authentication: { anonymous: { enabled: true } } }),
    secure: kubeletConfigYaml({ authentication: { anonymous: { enabled: false }, webhook: { enabled: true } }, authorization: { mode: "Webhook" } }),
  },
  messages: {
    default: "The kubelet ({{where}}) does not turn off anonymous authentication ({{setting}} defaults to true on the command line)",
    enabled: "The kubelet ({{where}}) sets {{setting}} to {{value}}, so requests without credentials reach its API",
  },
  check(ctx) {
    kubeletCheck(ctx, KUBELET.anonymousAuth, (v) => (boolOf(v.value) !== true ? undefined : v.explicit ? "enabled" : "default"));
  },
});
