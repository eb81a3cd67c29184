import { defineRule } from "../../engine/rule-types.js";
import { requirePlugin } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 5.5.1. The plugin needs a configuration file, so no automatic fix is offered. Image policies enforced by other admission webhooks cannot be seen here.
export default defineRule({
  id: "apiserver-image-policy-webhook",
  title: "No image policy at admission",
  rationale:
    "The ImagePolicyWebhook admission plugin asks an external service whether each pod's images are allowed (signed, scanned, from approved registries) before the pod is admitted. Without it, or another policy engine that checks images, any image can run.",
  attack:
    "An attacker with permission to create pods runs an image of their choosing (a backdoored or unscanned image, a look-alike registry) in the cluster.",
  remediation:
    "Add ImagePolicyWebhook to `--enable-admission-plugins` with its configuration in `--admission-control-config-file`, or enforce image provenance with a policy engine (Kyverno verifyImages, Sigstore policy-controller, Gatekeeper).",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--enable-admission-plugins=NodeRestriction"]),
    secure: staticPodYaml("kube-apiserver", ["--enable-admission-plugins=NodeRestriction,ImagePolicyWebhook"]),
  },
  messages: {
    off: "kube-apiserver in container '{{container}}' does not enable the {{plugin}} admission plugin ({{how}}), so image provenance is not checked at admission",
  },
  check(ctx) {
    requirePlugin(ctx, { plugin: "ImagePolicyWebhook", messageId: "off" });
  },
});
