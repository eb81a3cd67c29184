import { defineRule } from "../../engine/rule-types.js";
import { imageRepository } from "./_exposure.js";

/** Dashboard images: kubernetesui/dashboard (v2), its v7 parts (-api, -web, -auth), and the v1 kubernetes-dashboard-<arch>. */
const DASHBOARD_IMAGE = /(^|\/)(kubernetesui\/dashboard(-(api|web|auth))?|kubernetes-dashboard(-(amd64|arm64|arm|ppc64le|s390x))?)$/;
/** Label values the Dashboard's own manifests and Helm chart give its pods. */
const DASHBOARD_LABELS = new Set(["kubernetes-dashboard", "kubernetes-dashboard-api", "kubernetes-dashboard-web", "kubernetes-dashboard-auth"]);

// Reports a workload that runs the Kubernetes Dashboard: a container image whose repository is
// kubernetesui/dashboard (or -api/-web/-auth of v7) or kubernetes-dashboard[-arch] (v1), or pod labels
// `k8s-app`, `app` or `app.kubernetes.io/name` set to kubernetes-dashboard[-api|-web|-auth] (mirrored images).
// The metrics scraper and the Kong proxy of the v7 chart are not the Dashboard and are not reported.
export default defineRule({
  id: "kubernetes-dashboard-deployed",
  title: "Kubernetes Dashboard deployed",
  rationale:
    "The Kubernetes Dashboard is a web UI that can create, edit and delete objects, read Secrets and exec into pods " +
    "with the permissions of the token it runs with or is given. It is often installed with a broad service account, " +
    "exposed for convenience, and forgotten, which has made it a favourite target for cluster takeovers.",
  attack:
    "An attacker who reaches the Dashboard (an exposed Service, a port-forward left open, a compromised pod) uses its " +
    "service account, or skips the login when it is allowed, to list Secrets and start privileged pods, as in the " +
    "Tesla cloud crypto-mining breach.",
  remediation:
    "Remove the Dashboard if nobody needs it. Otherwise keep it on a ClusterIP Service reached through `kubectl " +
    "proxy` or an authenticating proxy, give its service account no permissions (users log in with their own " +
    "tokens), and disable the skip-login option.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubernetes-dashboard
  namespace: kubernetes-dashboard
spec:
  selector:
    matchLabels: {k8s-app: kubernetes-dashboard}
  template:
    metadata:
      labels: {k8s-app: kubernetes-dashboard}
    spec:
      containers:
        - name: kubernetes-dashboard
          image: kubernetesui/dashboard:v2.7.0
`,
    secure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: headlamp
  namespace: kube-system
spec:
  selector:
    matchLabels: {app: headlamp}
  template:
    metadata:
      labels: {app: headlamp}
    spec:
      containers:
        - name: headlamp
          image: ghcr.io/headlamp-k8s/headlamp:v0.25.0
`,
  },
  messages: {
    image: "Container '{{container}}' runs the Kubernetes Dashboard ({{image}})",
    labels: "{{kind}} '{{name}}' is labelled as the Kubernetes Dashboard ({{label}}={{value}})",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    for (const c of w.containers) {
      const image = c.spec.image;
      if (typeof image !== "string" || !DASHBOARD_IMAGE.test(imageRepository(image))) continue;
      ctx.report({ messageId: "image", data: { container: c.name, image }, path: [...c.path, "image"], container: c });
      return;
    }
    const labels = w.podLabels();
    for (const key of ["k8s-app", "app.kubernetes.io/name", "app"]) {
      const value = labels[key];
      if (value === undefined || !DASHBOARD_LABELS.has(value)) continue;
      ctx.report({ messageId: "labels", data: { kind: ctx.resource.kind, name: ctx.resource.name, label: key, value }, path: [...w.podMetadataPath, "labels", key] });
      return;
    }
  },
});
