import { defineRule } from "../../engine/rule-types.js";
import { requirePlugin } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.12. The plugin is on by default: only a manifest that disables it (or leaves it out of the legacy --admission-control list) is reported.
export default defineRule({
  id: "apiserver-service-account-plugin",
  title: "ServiceAccount admission plugin turned off",
  rationale:
    "The ServiceAccount admission plugin (on by default) sets each pod's ServiceAccount, rejects pods that name a ServiceAccount that does not exist and manages the projected token volume. Turning it off removes those guarantees.",
  attack:
    "Pods can reference ServiceAccounts that do not exist yet; whoever creates that ServiceAccount later, with the permissions they choose, takes over what the pod may do. Token mounting is no longer controlled consistently.",
  remediation:
    "Remove ServiceAccount from `--disable-admission-plugins` (or add it back to the legacy `--admission-control` list) of the kube-apiserver command.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--enable-admission-plugins=NodeRestriction", "--disable-admission-plugins=ServiceAccount"]),
    secure: staticPodYaml("kube-apiserver", ["--enable-admission-plugins=NodeRestriction"]),
  },
  messages: {
    off: "kube-apiserver in container '{{container}}' does not enable the {{plugin}} admission plugin ({{how}}), so pods are not tied to existing ServiceAccounts",
  },
  check(ctx) {
    requirePlugin(ctx, { plugin: "ServiceAccount", messageId: "off" });
  },
});
