import { defineRule } from "../../engine/rule-types.js";
import { KUBELET, kubeletCheck, kubeletConfigYaml } from "./_kubelet.js";

// CIS 4.2.2. KubeletConfiguration: authorization.mode defaults to Webhook (v1beta1). A kubelet started with flags
// only: --authorization-mode defaults to AlwaysAllow. With --config and no flag: decided by the file.
export default defineRule({
  id: "kubelet-authorization-always-allow",
  title: "Kubelet authorizes every request",
  rationale:
    "With authorization mode AlwaysAllow the kubelet permits every request that passed authentication (or every request, " +
    "with anonymous authentication on). Webhook mode instead asks the API server, through SubjectAccessReviews, whether " +
    "the caller may use the nodes/proxy, nodes/log or nodes/exec subresources.",
  attack: "Any identity that can authenticate to the kubelet (a pod's ServiceAccount token, or nobody at all with anonymous auth) executes commands in every container of the node.",
  remediation: "Set `authorization.mode: Webhook` in the kubelet's configuration file (or `--authorization-mode=Webhook`), with webhook authentication enabled.",
  example: {
    insecure: kubeletConfigYaml({ authorization: { mode: "AlwaysAllow" } }),
    secure: kubeletConfigYaml({ authorization: { mode: "Webhook" } }),
  },
  messages: {
    default: "The kubelet ({{where}}) does not set an authorization mode; {{setting}} defaults to AlwaysAllow on the command line, permitting every request",
    set: "The kubelet ({{where}}) sets {{setting}} to {{value}}, permitting every request that reaches its API",
  },
  check(ctx) {
    kubeletCheck(ctx, KUBELET.authorizationMode, (v) => (v.value !== "AlwaysAllow" ? undefined : v.explicit ? "set" : "default"));
  },
});
