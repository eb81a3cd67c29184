import { defineRule } from "../../engine/rule-types.js";
import { hostPathVolumes, isParentOf, isSameOrInside, normalizeHostPath } from "./_host.js";

// A finer view of Pod Security Admission `hostPathVolumes`: a hostPath volume whose path is one of the
// `sensitivePaths`, lies inside one, or is a parent directory of one ("/var" exposes /var/lib/kubelet).
// Paths are compared after normalisation ("/etc/" and "//etc/." are "/etc"), as whole path segments
// ("/etcd" is not inside "/etc"), case-sensitively as Linux does. The entry "/" matches the root directory
// itself only; otherwise every path would be sensitive.
export default defineRule({
  id: "sensitive-host-path",
  title: "Sensitive host directory mounted",
  rationale:
    "Some directories of a node hold what the node runs on: /etc its configuration and credentials, /var/lib/kubelet " +
    "the kubelet's keys and every pod's Secrets and volumes, /proc, /sys and /dev the kernel's and devices' " +
    "interfaces, /usr, /lib and /boot the programs the node executes. Mounting one of them, or a directory that " +
    "contains one, hands the pod the node's secrets or the means to change how the node behaves.",
  attack:
    "With read access an attacker collects the kubelet's client certificate, service account tokens and Secrets of " +
    "other pods and moves on through the cluster; with write access they replace a binary, add a cron job or an SSH " +
    "key, or change kernel settings, and own the node.",
  remediation:
    "Remove the hostPath volume and get the data another way: a ConfigMap, Secret, projected service account token or " +
    "downward API volume for configuration and identity, the metrics API instead of /proc and /sys. If a node agent " +
    "truly needs the path, mount the narrowest file or directory with `readOnly: true` and run it in a separate, " +
    "reviewed namespace.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
    - name: agent
      image: registry.example/agent:1.0
      volumeMounts:
        - name: host-etc
          mountPath: /host/etc
          readOnly: true
  volumes:
    - name: host-etc
      hostPath:
        path: /etc
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
    - name: agent
      image: registry.example/agent:1.0
      volumeMounts:
        - name: config
          mountPath: /config
          readOnly: true
  volumes:
    - name: config
      configMap:
        name: agent-config
`,
  },
  messages: {
    sensitive: "Volume '{{volume}}' mounts '{{hostPath}}' from the node, which is the sensitive directory {{sensitive}} or lies inside it",
    containsSensitive: "Volume '{{volume}}' mounts '{{hostPath}}' from the node, which contains the sensitive {{sensitive}}",
  },
  check(ctx) {
    if (!ctx.workload) return;
    const sensitive = ctx.params.strings("sensitivePaths").map(normalizeHostPath).filter((s) => s !== "");
    for (const v of hostPathVolumes(ctx.workload)) {
      if (v.hostPath === undefined) continue;
      const p = normalizeHostPath(v.hostPath);
      if (p === "") continue;
      // The most specific entry the path lies in: /etc/kubernetes/pki is reported as /etc/kubernetes, not /etc.
      const inside = sensitive.filter((s) => isSameOrInside(p, s)).sort((a, b) => b.length - a.length)[0];
      if (inside !== undefined) {
        ctx.report({ messageId: "sensitive", data: { volume: v.name, hostPath: v.hostPath, sensitive: inside }, path: v.pathPath });
        continue;
      }
      const contained = [...new Set(sensitive.filter((s) => isParentOf(p, s)))];
      if (contained.length > 0) {
        ctx.report({
          messageId: "containsSensitive",
          data: { volume: v.name, hostPath: v.hostPath, sensitive: contained.join(", ") },
          path: v.pathPath,
        });
      }
    }
  },
});
