import { defineRule } from "../../engine/rule-types.js";
import { hasTemplate, matchesRegistryPattern } from "../../model/image.js";
import { containerImages } from "./_images.js";

// Patterns are registry hosts with an optional path prefix ("gcr.io/my-project"), matched at component boundaries,
// `*` within one component; short Docker Hub names ("nginx") belong to docker.io. Nothing is reported until a list
// is configured; the deny-list wins over the allow-list.
export default defineRule({
  id: "image-registry-not-allowed",
  title: "Image from a registry outside the allow-list",
  rationale:
    "Images from registries your organisation does not control or vet skip the scanning, signing and retention that " +
    "your own registry applies. A single image from an arbitrary public repository can bring in malware, crypto miners " +
    "or simply an unmaintained base that never gets patched.",
  attack:
    "An attacker publishes a look-alike image on a public registry (typo-squatting a popular name) or takes over an " +
    "abandoned repository; a workload that pulls from there runs the attacker's code inside the cluster.",
  remediation:
    "Mirror the images you need into an approved registry and reference them there. List approved registries in " +
    "`allowedRegistries` (for example `registry.example.com`, `gcr.io/my-project`) and forbidden ones in " +
    "`deniedRegistries`; enforce the same list at admission time (Kyverno, Gatekeeper, ValidatingAdmissionPolicy).",
  // No `example`: the rule reports nothing until a list is configured, and examples run with the default parameters.
  messages: {
    denied: "Container '{{container}}' pulls '{{image}}' from {{registry}}, which matches the denied registry '{{pattern}}'",
    notAllowed: "Container '{{container}}' pulls '{{image}}' from {{registry}}, which is not on the list of allowed registries",
  },
  check(ctx) {
    const allowed = ctx.params.strings("allowedRegistries").filter((p) => p.trim() !== "");
    const denied = ctx.params.strings("deniedRegistries").filter((p) => p.trim() !== "");
    if (allowed.length === 0 && denied.length === 0) return;
    for (const { container, image, ref, path } of containerImages(ctx.workload, true)) {
      if (hasTemplate(ref.registry) || hasTemplate(ref.repository)) continue;
      const data = { container: container.name, image, registry: ref.registry };
      const deny = denied.find((p) => matchesRegistryPattern(ref, p));
      if (deny !== undefined) {
        ctx.report({ messageId: "denied", data: { ...data, pattern: deny }, path, container });
      } else if (allowed.length > 0 && !allowed.some((p) => matchesRegistryPattern(ref, p))) {
        ctx.report({ messageId: "notAllowed", data, path, container });
      }
    }
  },
});
