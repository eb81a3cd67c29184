import { defineRule } from "../../engine/rule-types.js";
import { requirePlugin } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.13. The plugin is on by default: only a manifest that disables it (or leaves it out of the legacy --admission-control list) is reported.
export default defineRule({
  id: "apiserver-namespace-lifecycle",
  title: "NamespaceLifecycle admission plugin turned off",
  rationale:
    "The NamespaceLifecycle admission plugin (on by default) rejects objects in namespaces that do not exist or are being deleted, and protects the default, kube-system and kube-public namespaces from deletion.",
  attack:
    "Without it, objects can be created in a namespace while it is being deleted, or in one that does not exist, where namespace-scoped policies (NetworkPolicies, quotas, Pod Security labels) do not yet apply; the system namespaces can be deleted.",
  remediation:
    "Remove NamespaceLifecycle from `--disable-admission-plugins` (or add it back to the legacy `--admission-control` list) of the kube-apiserver command.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--enable-admission-plugins=NodeRestriction", "--disable-admission-plugins=NamespaceLifecycle"]),
    secure: staticPodYaml("kube-apiserver", ["--enable-admission-plugins=NodeRestriction"]),
  },
  messages: {
    off: "kube-apiserver in container '{{container}}' does not enable the {{plugin}} admission plugin ({{how}}), so objects can be created in terminating or missing namespaces",
  },
  check(ctx) {
    requirePlugin(ctx, { plugin: "NamespaceLifecycle", messageId: "off" });
  },
});
