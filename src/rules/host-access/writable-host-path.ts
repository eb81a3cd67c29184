import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { type HostPathVolume, hostPathVolumes, volumeMounts } from "./_host.js";

// A finer view of Pod Security Admission `hostPathVolumes`: a hostPath volume that some container (init and
// ephemeral containers included) mounts without `readOnly: true`. Reported once per such mount, at the place
// where `readOnly` is or would be written. Only the boolean true counts as read-only. A hostPath volume no
// container mounts is left to host-path-volume.
export default defineRule({
  id: "writable-host-path",
  title: "Writable hostPath mount",
  rationale:
    "A container that mounts a node directory read-write can change the node's files, not just read them. Whatever " +
    "it writes stays on the node after the pod is gone and is seen by the node itself and by every other pod that " +
    "mounts the same path.",
  attack:
    "An attacker in the container drops a binary, a cron entry or an SSH key onto the node, rewrites configuration " +
    "that node services load, or poisons files another pod reads, and so persists and moves sideways beyond the pod.",
  remediation:
    "Set `readOnly: true` on the volumeMount when the container only reads the path. If it must write, prefer an " +
    "emptyDir or a PersistentVolumeClaim; if it must write to the node, narrow the hostPath to a dedicated directory.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: log-reader
spec:
  containers:
    - name: reader
      image: registry.example/log-reader:1.0
      volumeMounts:
        - name: logs
          mountPath: /host/logs
  volumes:
    - name: logs
      hostPath:
        path: /var/log/app
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: log-reader
spec:
  containers:
    - name: reader
      image: registry.example/log-reader:1.0
      volumeMounts:
        - name: logs
          mountPath: /host/logs
          readOnly: true
  volumes:
    - name: logs
      hostPath:
        path: /var/log/app
`,
  },
  messages: {
    writable: "Container '{{container}}' mounts hostPath volume '{{volume}}' ({{hostPath}}) at {{mountPath}} without readOnly: true",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    const byName = new Map<string, HostPathVolume>();
    for (const v of hostPathVolumes(w)) if (!byName.has(v.name)) byName.set(v.name, v);
    if (byName.size === 0) return;
    for (const c of w.containers) {
      for (const { index, mount } of volumeMounts(c.spec)) {
        const v = typeof mount.name === "string" ? byName.get(mount.name) : undefined;
        if (!v || mount.readOnly === true) continue;
        const path = [...c.path, "volumeMounts", index, "readOnly"];
        ctx.report({
          messageId: "writable",
          data: {
            container: c.name,
            volume: v.name,
            hostPath: v.hostPath ?? "path not set",
            mountPath: typeof mount.mountPath === "string" ? mount.mountPath : "?",
          },
          path,
          container: c,
          fix: fixes.set(path, true, {
            description: "Mount the hostPath volume read-only",
            safety: "unsafe",
            note: "Anything the container writes under this mount (logs, caches, sockets, state) starts failing; check that it only reads there.",
          }),
        });
      }
    }
  },
});
