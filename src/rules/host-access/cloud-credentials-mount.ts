import { defineRule } from "../../engine/rule-types.js";
import { hostPathVolumes, isParentOf, normalizeHostPath } from "./_host.js";

// A hostPath volume that exposes the node's cloud credentials (Kubescape C-0020). Each `credentialPaths` entry is a
// path fragment compared on whole path segments, anywhere in the (normalised, lower-cased) host path:
// "/.aws" matches /root/.aws and /home/ec2-user/.aws/credentials but not /data/.awsome; "/etc/kubernetes/azure.json"
// matches itself. Host paths that contain a credential location are reported too when the entry is a full
// absolute path below a directory ("/etc" and "/etc/kubernetes" contain /etc/kubernetes/azure.json); entries that
// start with "/." are home-relative (~/.aws), so their parents cannot be known. The root directory "/" is left to
// sensitive-host-path, which reports it as a whole. Windows host paths are compared with forward slashes.

interface Entry {
  fragment: string;
  /** A full absolute path whose parent directories also expose it. */
  absolute: boolean;
}

function entries(list: string[]): Entry[] {
  const out: Entry[] = [];
  for (const raw of list) {
    const t = raw.trim();
    if (t === "") continue;
    const n = normalizeHostPath(t.startsWith("/") ? t : `/${t}`).toLowerCase();
    if (n === "/") continue;
    out.push({ fragment: n, absolute: !n.startsWith("/.") && n.split("/").length > 2 });
  }
  return out;
}

/** Is the fragment a run of whole segments of `p` (p is, ends with, or passes through it)? */
function containsFragment(p: string, fragment: string): boolean {
  return p === fragment || p.endsWith(fragment) || p.includes(`${fragment}/`);
}

export default defineRule({
  id: "cloud-credentials-mount",
  title: "Cloud credentials mounted",
  rationale:
    "Cloud nodes keep credentials on disk: Azure nodes the cluster's service principal in /etc/kubernetes/azure.json, " +
    "and users or tools leave AWS and Google Cloud credentials in ~/.aws or ~/.config/gcloud. A pod that mounts these " +
    "host paths can read them and act in the cloud account with the node's or the user's identity, far beyond the cluster.",
  attack:
    "An attacker who compromises the pod reads the credential file and uses it from anywhere to list storage buckets, " +
    "read secrets in the cloud's key vault, create virtual machines or change the cluster's network, often with broad rights.",
  remediation:
    "Remove the hostPath volume. Give the workload its own narrowly scoped cloud identity instead (EKS Pod Identity or " +
    "IRSA, Azure Workload Identity, GKE Workload Identity), or mount a specific credential from a Kubernetes Secret.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: uploader
spec:
  containers:
    - name: uploader
      image: registry.example/uploader:1.0
      volumeMounts:
        - name: aws
          mountPath: /root/.aws
          readOnly: true
  volumes:
    - name: aws
      hostPath:
        path: /root/.aws
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: uploader
spec:
  serviceAccountName: uploader
  containers:
    - name: uploader
      image: registry.example/uploader:1.0
`,
  },
  messages: {
    credentials: "Volume '{{volume}}' mounts '{{hostPath}}' from the node, a cloud credential location ({{credential}})",
    containsCredentials: "Volume '{{volume}}' mounts '{{hostPath}}' from the node, which contains the cloud credential file {{credential}} on nodes that have it",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    const list = entries(ctx.params.strings("credentialPaths"));
    if (list.length === 0) return;
    for (const v of hostPathVolumes(w)) {
      if (v.hostPath === undefined) continue;
      const p = normalizeHostPath(v.hostPath).toLowerCase();
      if (p === "" || p === "/") continue;
      const hit = list.find((e) => containsFragment(p, e.fragment));
      if (hit) {
        ctx.report({ messageId: "credentials", data: { volume: v.name, hostPath: v.hostPath, credential: hit.fragment }, path: v.pathPath });
        continue;
      }
      const contained = list.filter((e) => e.absolute && isParentOf(p, e.fragment)).map((e) => e.fragment);
      if (contained.length > 0) {
        ctx.report({
          messageId: "containsCredentials",
          data: { volume: v.name, hostPath: v.hostPath, credential: contained.join(", ") },
          path: v.pathPath,
        });
      }
    }
  },
});
