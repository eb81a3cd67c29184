import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { hasTemplate, parseImage } from "../../model/image.js";

// An unset imagePullPolicy is defaulted by the API server (k8s.io/kubernetes pkg/apis/core/v1/defaults.go
// SetDefaults_Container): Always when the image's tag is "latest" (written, or implied by a reference with neither
// tag nor digest), IfNotPresent otherwise. So an unset policy is only reported when it defaults to IfNotPresent.
export default defineRule({
  id: "image-pull-policy-not-always",
  title: "imagePullPolicy not Always",
  rationale:
    "With `IfNotPresent` or `Never` a node starts a container from whatever copy of the image it already has. With " +
    "mutable tags, pods on different nodes can run different content under the same name. And the node does not check " +
    "that a new pod is allowed to pull a cached private image: another pod on the same node can start it without the " +
    "image pull secret.",
  attack:
    "A tenant who shares a node with your workload starts a pod that names your private image with `IfNotPresent`: the " +
    "node reuses its cached copy, and the tenant reads the code and any credentials baked into the image without ever " +
    "holding your pull secret.",
  remediation:
    "Set `imagePullPolicy: Always` (pulling is cheap: only changed layers are downloaded), or pin images by digest. On " +
    "multi-tenant clusters enable the AlwaysPullImages admission plugin (or the kubelet's pulled-image credential " +
    "verification) so that cached private images are re-authorised.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27.3
      imagePullPolicy: IfNotPresent
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27.3
      imagePullPolicy: Always
`,
  },
  messages: {
    explicit: "Container '{{container}}' sets imagePullPolicy to {{policy}}, so a node can run a cached copy of the image",
    defaulted:
      "Container '{{container}}' does not set imagePullPolicy; for image '{{image}}' Kubernetes defaults it to IfNotPresent, so a node can run a cached copy",
  },
  check(ctx) {
    for (const c of ctx.workload?.containers ?? []) {
      const path = [...c.path, "imagePullPolicy"];
      const policy = c.spec.imagePullPolicy;
      const fix = fixes.set(path, "Always", {
        description: "Set imagePullPolicy to Always",
        safety: "unsafe",
        note:
          "Every container start then contacts the registry: pods fail to start when it is unreachable, and images that " +
          "were preloaded on nodes (air-gapped clusters, imagePullPolicy Never) must be pullable.",
      });
      if (policy === undefined || policy === null || policy === "") {
        const image = c.spec.image;
        if (typeof image !== "string" || image.trim() === "" || hasTemplate(image)) continue;
        if (parseImage(image).effectiveTag === "latest") continue; // defaults to Always
        ctx.report({ messageId: "defaulted", data: { container: c.name, image }, path, container: c, fix });
        continue;
      }
      if (typeof policy === "string" && (policy === "Always" || hasTemplate(policy))) continue;
      ctx.report({ messageId: "explicit", data: { container: c.name, policy: String(policy) }, path, container: c, fix });
    }
  },
});
