import { defineRule } from "../../engine/rule-types.js";
import { stringMap } from "../../model/resource.js";
import { isObject } from "../../model/types.js";
import { imageRepository } from "./_exposure.js";

const isTillerLabels = (l: Record<string, string>): boolean => l.app === "helm" && l.name === "tiller";

// Reports Helm v2's Tiller: a workload with a container image whose repository ends in `/tiller` (or is
// `tiller`), or whose pods carry Tiller's labels app=helm and name=tiller; and a v1 Service named
// `tiller-deploy` or selecting / labelled with app=helm, name=tiller. A Tiller limited to localhost
// (`--listen=localhost:44134`) is still Tiller: Helm 2 is unmaintained and Tiller keeps its broad rights.
export default defineRule({
  id: "tiller-deployed",
  title: "Helm v2 Tiller deployed",
  rationale:
    "Tiller is the in-cluster server of Helm 2, which reached its end of life in 2020. It usually runs with " +
    "cluster-admin rights and, by default, its gRPC port (44134) accepts requests from any pod without " +
    "authentication: whoever can talk to it can install anything into the cluster.",
  attack:
    "An attacker in any pod connects to tiller-deploy.kube-system:44134 and installs a chart that creates a " +
    "privileged pod or a cluster-admin binding, or reads the release Secrets that hold every chart's values, " +
    "passwords included.",
  remediation:
    "Migrate the releases to Helm 3 (the helm-2to3 plugin), which has no in-cluster component, then delete the Tiller " +
    "Deployment, Service and service account with its cluster role binding.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: tiller-deploy
  namespace: kube-system
spec:
  selector:
    matchLabels: {app: helm, name: tiller}
  template:
    metadata:
      labels: {app: helm, name: tiller}
    spec:
      serviceAccountName: tiller
      containers:
        - name: tiller
          image: ghcr.io/helm/tiller:v2.17.0
`,
    secure: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: deployer
  namespace: ci
`,
  },
  messages: {
    image: "Container '{{container}}' runs Helm v2's Tiller ({{image}})",
    labels: "{{kind}} '{{name}}' carries Tiller's labels (app=helm, name=tiller)",
    service: "Service '{{name}}' exposes Helm v2's Tiller to the cluster",
  },
  check(ctx) {
    const r = ctx.resource;
    const w = ctx.workload;
    if (w) {
      for (const c of w.containers) {
        const image = c.spec.image;
        if (typeof image !== "string" || !/(^|\/)tiller$/.test(imageRepository(image))) continue;
        ctx.report({ messageId: "image", data: { container: c.name, image }, path: [...c.path, "image"], container: c });
        return;
      }
      if (isTillerLabels(w.podLabels())) {
        ctx.report({ messageId: "labels", data: { kind: r.kind, name: r.name }, path: [...w.podMetadataPath, "labels"] });
      }
      return;
    }
    if (r.kind !== "Service" || r.apiVersion !== "v1") return;
    const spec = isObject(r.object.spec) ? r.object.spec : {};
    const path = isTillerLabels(stringMap(spec.selector)) ? ["spec", "selector"]
      : r.name === "tiller-deploy" ? ["metadata", "name"]
      : isTillerLabels(r.labels()) ? ["metadata", "labels"]
      : undefined;
    if (path) ctx.report({ messageId: "service", data: { name: r.name }, path });
  },
});
