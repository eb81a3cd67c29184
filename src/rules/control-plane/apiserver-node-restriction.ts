import { defineRule } from "../../engine/rule-types.js";
import { requirePlugin } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.14. The plugin is off by default.
export default defineRule({
  id: "apiserver-node-restriction",
  title: "Kubelets may modify other nodes' objects",
  rationale:
    "The Node authorizer limits which objects a kubelet may read; the NodeRestriction admission plugin limits which it may change: only its own Node object and the pods bound to it, without setting sensitive labels. Without the plugin a kubelet's credentials can modify every Node and Pod status in the cluster.",
  attack:
    "An attacker who took over one node uses its kubelet credentials to relabel other nodes (for example to attract sensitive workloads to the compromised node) or to tamper with other nodes' objects, spreading from one node to the cluster.",
  remediation:
    "Add NodeRestriction to `--enable-admission-plugins` of the kube-apiserver command (kubeadm does this by default), together with the Node authorization mode.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--authorization-mode=Node,RBAC"]),
    secure: staticPodYaml("kube-apiserver", ["--authorization-mode=Node,RBAC", "--enable-admission-plugins=NodeRestriction"]),
  },
  messages: {
    off: "kube-apiserver in container '{{container}}' does not enable the {{plugin}} admission plugin ({{how}}), so kubelets may modify other nodes and their pods",
  },
  check(ctx) {
    requirePlugin(ctx, { plugin: "NodeRestriction", messageId: "off", fix: { description: "Enable NodeRestriction", safety: "unsafe", note: "Kubelets and node agents that modify other nodes, or set node-restriction.kubernetes.io/ labels on their own node, are then rejected." } });
  },
});
