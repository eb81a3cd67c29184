import { defineRule } from "../../engine/rule-types.js";
import { hasTemplate, matchesRegistryPattern } from "../../model/image.js";
import { fromTarget, imageWord, writtenNote } from "./_docker-base-image-from.js";

// Every stage's FROM, once `allowedRegistries` is set (nothing is reported while it is empty). Patterns are registry
// hosts with an optional path prefix (`gcr.io/my-project`), `*` within one component; a short Docker Hub name
// (`node`) is `docker.io/library/node`, so allowing `docker.io` or `docker.io/library` covers it. FROM scratch,
// FROM <earlier stage> and images only known at build time are not judged.
export default defineRule({
  id: "docker-untrusted-registry",
  title: "Base image from a registry outside the allow-list",
  rationale:
    "The base image supplies the operating system, libraries and often the language runtime of everything you " +
    "build on it. Pulling it from a registry your organisation has not approved skips the scanning, signing and " +
    "retention your own registry applies, and makes typo-squatted or abandoned images easy to pick up.",
  attack:
    "An attacker publishes a look-alike base image (`pyhton:3.12`, `nodejs/node`) on a public registry or takes over " +
    "an abandoned repository; every image built FROM it carries the attacker's backdoor into production.",
  remediation:
    "Mirror approved base images into your own registry and refer to them there (`FROM registry.example.com/base/" +
    "python:3.12`). List the approved registries in the rule's `allowedRegistries` parameter.",
  // No `example`: nothing is reported until a list is configured, and examples run with the default parameters.
  messages: {
    notAllowed: "FROM '{{image}}'{{written}} pulls from {{registry}}, which is not on the list of allowed registries",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const allowed = ctx.params.strings("allowedRegistries").filter((p) => p.trim() !== "");
    if (allowed.length === 0) return;
    const target = fromTarget(view.dockerfile, view.stage);
    if (target.kind !== "image") return;
    const { ref, image } = target;
    if (ref.templated || hasTemplate(ref.registry) || ref.repository === "") return;
    if (allowed.some((p) => matchesRegistryPattern(ref, p))) return;
    ctx.report({ messageId: "notAllowed", data: { image, written: writtenNote(view.stage, image), registry: ref.registry }, path: imageWord(view.stage)?.path ?? view.stage.from.path });
  },
});
