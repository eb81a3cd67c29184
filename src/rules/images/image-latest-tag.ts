import { defineRule } from "../../engine/rule-types.js";
import { containerImages } from "./_images.js";

// An image with neither tag nor digest is pulled as ":latest" (k8s.io/kubernetes pkg/util/parsers ParseImageName).
// A digest pins the content whatever the tag says, so "app:latest@sha256:…" is not reported.
export default defineRule({
  id: "image-latest-tag",
  title: "Image uses latest or no tag",
  rationale:
    "A tag like `latest` is a moving label: the registry can point it at a new image at any time. When a node restarts " +
    "the pod or a new node pulls the image, the cluster may run code that nobody reviewed or tested, and rolling back " +
    "to \"the previous version\" is impossible because there is no record of which one ran.",
  attack:
    "An attacker who can push to the repository (a stolen CI token, a compromised maintainer account, a typo-squatted " +
    "public image) pushes a backdoored image under `latest`; every pod that restarts afterwards picks it up with no change " +
    "to the manifests and nothing for a reviewer to see.",
  remediation:
    "Use a specific version tag (for example `nginx:1.27.3`), or better a digest (`nginx@sha256:…`), and update it " +
    "deliberately, for example with Renovate or Dependabot.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:latest
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27.3
`,
  },
  messages: {
    noTag: "Container '{{container}}' uses image '{{image}}' without a tag, which pulls the moving 'latest' tag",
    floatingTag: "Container '{{container}}' uses image '{{image}}' with the moving tag '{{tag}}'",
  },
  check(ctx) {
    const floating = new Set(ctx.params.strings("floatingTags").map((t) => t.trim().toLowerCase()));
    for (const { container, image, ref, path } of containerImages(ctx.workload)) {
      if (ref.digest !== undefined) continue;
      if (ref.tag === undefined) {
        ctx.report({ messageId: "noTag", data: { container: container.name, image }, path, container });
      } else if (floating.has(ref.tag.toLowerCase())) {
        ctx.report({ messageId: "floatingTag", data: { container: container.name, image, tag: ref.tag }, path, container });
      }
    }
  },
});
