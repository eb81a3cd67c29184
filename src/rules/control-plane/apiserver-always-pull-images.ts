import { defineRule } from "../../engine/rule-types.js";
import { requirePlugin } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.11. The plugin is off by default.
export default defineRule({
  id: "apiserver-always-pull-images",
  title: "Pods can use images cached on the node without credentials",
  rationale:
    "When a pod uses an image that is already on the node, the kubelet normally starts it without asking the registry. A private image pulled for one tenant can then be used by any other pod on that node, without that pod having the pull secret. The AlwaysPullImages admission plugin makes every pod pull, so registry credentials are checked each time.",
  attack:
    "A user of a shared cluster schedules a pod naming another team's private image on a node where it is cached and runs it, reading the code and secrets baked into it.",
  remediation:
    "Add AlwaysPullImages to `--enable-admission-plugins` of the kube-apiserver command. Kubernetes 1.33+ can instead verify credentials of cached images in the kubelet (KubeletEnsureSecretPulledImages).",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--enable-admission-plugins=NodeRestriction"]),
    secure: staticPodYaml("kube-apiserver", ["--enable-admission-plugins=NodeRestriction,AlwaysPullImages"]),
  },
  messages: {
    off: "kube-apiserver in container '{{container}}' does not enable the {{plugin}} admission plugin ({{how}}), so private images cached on a node can be used without pull credentials",
  },
  check(ctx) {
    requirePlugin(ctx, { plugin: "AlwaysPullImages", messageId: "off", fix: { description: "Enable AlwaysPullImages", safety: "unsafe", note: "Every pod start then contacts the registry: pods fail to start when the registry is down, and pull traffic grows." } });
  },
});
