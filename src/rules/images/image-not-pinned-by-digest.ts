import { defineRule } from "../../engine/rule-types.js";
import { matchesRegistryPattern } from "../../model/image.js";
import { containerImages } from "./_images.js";

export default defineRule({
  id: "image-not-pinned-by-digest",
  title: "Image not pinned by digest",
  rationale:
    "A tag, even a version tag like `1.27.3`, is only a name: whoever controls the repository can move it to other " +
    "content. A digest (`@sha256:…`) is the hash of the image itself, so the image that was scanned and reviewed is " +
    "exactly the one that runs, on every node and after every restart.",
  attack:
    "An attacker with push access to the registry (a leaked CI credential, a compromised upstream project) re-pushes a " +
    "trusted version tag with a backdoor. Nodes that pull the tag afterwards run the attacker's image while the " +
    "manifest still shows the reviewed version.",
  remediation:
    "Reference images by digest, keeping the tag for readability: `nginx:1.27.3@sha256:…`. Tools such as Renovate, " +
    "`crane digest` or `kustomize edit set image` fill in and update digests. Registries you control and trust can be " +
    "listed in `exemptRegistries`.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27.3
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27.3@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
`,
  },
  messages: {
    notPinned: "Container '{{container}}' uses image '{{image}}' by tag, not by digest; the registry can change what the tag points to",
  },
  check(ctx) {
    const exempt = ctx.params.strings("exemptRegistries");
    for (const { container, image, ref, path } of containerImages(ctx.workload)) {
      if (ref.digest !== undefined) continue;
      if (exempt.some((p) => matchesRegistryPattern(ref, p))) continue;
      ctx.report({ messageId: "notPinned", data: { container: container.name, image }, path, container });
    }
  },
});
