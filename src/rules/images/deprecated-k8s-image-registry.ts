import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { matchesRegistryPattern } from "../../model/image.js";
import { containerImages } from "./_images.js";

// k8s.gcr.io was frozen on 3 April 2023; registry.k8s.io serves the same images and all new releases
// (kubernetes.io/blog/2023/02/06/k8s-gcr-io-freeze-announcement).
const REPLACEMENTS: Record<string, string> = { "k8s.gcr.io": "registry.k8s.io" };

export default defineRule({
  id: "deprecated-k8s-image-registry",
  title: "Image from the frozen k8s.gcr.io registry",
  rationale:
    "The Kubernetes project froze the k8s.gcr.io registry in 2023: it receives no new images, so the images it serves " +
    "never get security fixes, and it may stop serving them altogether. Workloads pulling from it are stuck on old, " +
    "increasingly vulnerable versions and can fail to start when the registry goes away.",
  attack:
    "An attacker targets the known, never-patched vulnerabilities of the old component versions that are only " +
    "available from the frozen registry (an old ingress controller, DNS or metrics add-on exposed to the network).",
  remediation:
    "Pull the same image from registry.k8s.io (replace `k8s.gcr.io/` with `registry.k8s.io/`), then move to a " +
    "supported version. Allow the new registry in egress firewalls and image allow-lists first.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: metrics-server
spec:
  selector:
    matchLabels: {app: metrics-server}
  template:
    metadata:
      labels: {app: metrics-server}
    spec:
      containers:
        - name: metrics-server
          image: k8s.gcr.io/metrics-server/metrics-server:v0.6.4
`,
    secure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: metrics-server
spec:
  selector:
    matchLabels: {app: metrics-server}
  template:
    metadata:
      labels: {app: metrics-server}
    spec:
      containers:
        - name: metrics-server
          image: registry.k8s.io/metrics-server/metrics-server:v0.6.4
`,
  },
  messages: {
    deprecated: "Container '{{container}}' pulls '{{image}}' from the frozen registry {{registry}}, which gets no security updates",
  },
  check(ctx) {
    const deprecated = ctx.params.strings("deprecatedRegistries");
    for (const { container, image, ref, path } of containerImages(ctx.workload, true)) {
      if (!ref.explicitRegistry) continue;
      const hit = deprecated.find((d) => matchesRegistryPattern(ref, d));
      if (hit === undefined) continue;
      const host = ref.registry.toLowerCase();
      const replacement = REPLACEMENTS[host];
      const lead = image.length - image.trimStart().length;
      const canFix = replacement !== undefined && image.slice(lead, lead + host.length).toLowerCase() === host;
      ctx.report({
        messageId: "deprecated",
        data: { container: container.name, image, registry: ref.registry },
        path,
        container,
        ...(canFix
          ? {
              fix: fixes.set(path, `${replacement}${image.trim().slice(host.length)}`, {
                description: `Pull the image from ${replacement} instead of ${ref.registry}`,
                safety: "unsafe",
                note:
                  `${replacement} serves the same images, but nodes must be able to reach it: allow it in egress firewalls, ` +
                  "proxies, mirrors and image allow-list policies before applying.",
              }),
            }
          : {}),
      });
    }
  },
});
