import { defineRule } from "../../engine/rule-types.js";
import { asInt, truthy } from "../../model/values.js";
import { dockerfileFor } from "./_dockerfile.js";
import { containerImages } from "./_images.js";

// Joins both sides of the scan: a Dockerfile whose final stage runs as root (USER root/0, or no USER in the chain of
// stages and a base image not known to default to non-root), and a container running the image it builds with neither
// an effective runAsNonRoot: true (the kubelet then refuses to start a root image) nor an effective non-zero runAsUser.
// Images are linked to Dockerfiles through Skaffold build artifacts, else by name (Dockerfile.<name>, or the folder of a
// plain Dockerfile, matching the image's last path component). Windows pods are skipped. See _dockerfile.ts for the
// contract with the loader.
export default defineRule({
  id: "image-root-user-unguarded",
  title: "Image built to run as root and the workload does not prevent it",
  rationale:
    "A container runs as the user its image names unless the pod overrides it. When the project's own Dockerfile builds " +
    "an image that runs as root and the workload sets neither `runAsNonRoot: true` nor a non-zero `runAsUser`, the " +
    "process really is root inside the container: any file it can reach is writable, and every container-escape bug is " +
    "one step closer to root on the node.",
  attack:
    "An attacker who exploits the application (a deserialisation bug, a vulnerable dependency) gets a root shell in the " +
    "container, installs tools, rewrites the application's files, and uses root-only kernel interfaces to try to escape " +
    "to the node.",
  remediation:
    "Add a non-root user to the Dockerfile's final stage (`RUN adduser -D -u 10001 app` and `USER 10001`), or use a " +
    "non-root base image; then set `runAsNonRoot: true` (and, if the image names its user by name, `runAsUser`) in the " +
    "pod's or container's securityContext so that a root image can never start again.",
  // No `example`: the rule needs a Dockerfile of the scan, which a manifest example cannot hold.
  messages: {
    root:
      "Container '{{container}}' runs image '{{image}}', which {{dockerfile}} builds to run as root ({{reason}}), and neither runAsNonRoot: true nor a non-zero runAsUser prevents it",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w || w.isWindows) return;
    for (const { container, image, ref } of containerImages(w)) {
      const nonRoot = container.effective("runAsNonRoot");
      if (truthy(nonRoot.value)) continue;
      const runAsUser = container.effective("runAsUser");
      const uid = asInt(runAsUser.value);
      if (uid !== undefined && uid !== 0) continue;
      const built = dockerfileFor(ctx.inventory, ref);
      if (!built || built.verdict.runsAs !== "root") continue;
      const v = built.verdict;
      ctx.report({
        messageId: "root",
        data: {
          container: container.name,
          image,
          dockerfile: v.line !== undefined ? `${built.dockerfile} (line ${v.line})` : built.dockerfile,
          reason: v.reason,
        },
        // The setting to change: an explicit runAsUser: 0, else runAsNonRoot (where it is, or would be, written).
        path: uid === 0 ? runAsUser.path : nonRoot.path,
        container,
      });
    }
  },
});
