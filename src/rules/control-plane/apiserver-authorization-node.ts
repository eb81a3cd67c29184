import { defineRule } from "../../engine/rule-types.js";
import { requireAuthorizationMode } from "./_authz.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.7. The default --authorization-mode (AlwaysAllow) does not include Node; not judged with --authorization-config.
export default defineRule({
  id: "apiserver-authorization-node",
  title: "Node authorizer not enabled",
  rationale:
    "The Node authorization mode lets each kubelet read only the Secrets, ConfigMaps and volumes of the pods scheduled to " +
    "its own node. Without it kubelets need broad RBAC permissions, typically read access to every Secret of the cluster.",
  attack: "An attacker who takes over one node uses the kubelet's credentials to read the Secrets of pods running on every other node, then moves on to them.",
  remediation: "Put Node first in `--authorization-mode` of the kube-apiserver command (`--authorization-mode=Node,RBAC`) and enable the NodeRestriction admission plugin.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--authorization-mode=RBAC"]),
    secure: staticPodYaml("kube-apiserver", ["--authorization-mode=Node,RBAC"]),
  },
  messages: {
    unset: "kube-apiserver in container '{{container}}' does not set --authorization-mode (default AlwaysAllow), so the {{mode}} authorizer does not limit kubelets",
    value: "kube-apiserver in container '{{container}}' sets --authorization-mode={{value}} without {{mode}}, so kubelets are not limited to their own node's objects",
  },
  check(ctx) {
    requireAuthorizationMode(ctx, "Node", { unset: "unset", value: "value", note: "Kubelets are then authorized by the Node authorizer; check that their credentials carry the system:nodes group and system:node:<name> user." });
  },
});
