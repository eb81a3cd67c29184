import { defineRule } from "../../engine/rule-types.js";
import { forbidFlag } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 4.2.7. --hostname-override is a command-line flag only (a KubeletConfiguration has no such field), so only
// kubelets running in a Pod can be checked. Some cloud providers need the flag; CIS lists them as exceptions.
export default defineRule({
  id: "kubelet-hostname-override",
  title: "Kubelet overrides its host name",
  rationale:
    "--hostname-override makes the kubelet register the node under a name other than the machine's host name. The " +
    "kubelet's serving certificate and the API server's idea of the node then disagree, which leads administrators to " +
    "turn off TLS verification between the API server and kubelets.",
  attack:
    "Once the API server no longer verifies kubelet certificates, an attacker who can intercept traffic to a node poses " +
    "as its kubelet and receives exec sessions and their credentials.",
  remediation:
    "Remove `--hostname-override` from the kubelet command so the node uses its real host name (unless your cloud " +
    "provider requires it, in which case make sure certificates carry the overridden name).",
  example: {
    insecure: staticPodYaml("kubelet", ["--config=/var/lib/kubelet/config.yaml", "--hostname-override=node-1"]),
    secure: staticPodYaml("kubelet", ["--config=/var/lib/kubelet/config.yaml"]),
  },
  messages: {
    set: "kubelet in container '{{container}}' sets --hostname-override={{value}}, which can break TLS verification between the API server and the kubelet",
  },
  check(ctx) {
    forbidFlag(ctx, { component: "kubelet", flag: "hostname-override", messageId: "set" });
  },
});
