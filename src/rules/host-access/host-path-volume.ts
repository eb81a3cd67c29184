import { defineRule } from "../../engine/rule-types.js";
import { hostPathVolumes } from "./_host.js";

// Pod Security Admission `hostPathVolumes` (baseline, all policy versions): no volume of `spec.volumes` may
// set `hostPath`, whatever its path, type or whether a container mounts it. `hostPath: null` counts as unset
// (the API then defaults the volume to an emptyDir). The finer rules sensitive-host-path,
// container-runtime-socket-mount and writable-host-path report the worst cases on top of this one.
export default defineRule({
  id: "host-path-volume",
  title: "hostPath volume",
  rationale:
    "A hostPath volume puts a file or directory of the node's own filesystem inside the pod. The pod is then no " +
    "longer isolated from the node: what it can read or write there is shared with the node and with every other " +
    "pod that mounts the same path, and it survives the pod.",
  attack:
    "An attacker in the pod reads credentials and configuration from the node (kubelet keys, other pods' secrets " +
    "under /var/lib/kubelet), or writes to the node (a cron job, an SSH key, a binary) to take it over and persist.",
  remediation:
    "Use storage the cluster manages instead: an emptyDir for scratch space, a ConfigMap or Secret for " +
    "configuration, a PersistentVolumeClaim for data, a CSI driver for anything special. Agents that really need " +
    "node files belong in a separate, reviewed namespace, with the narrowest path and `readOnly: true`.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: registry.example/app:1.0
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      hostPath:
        path: /srv/app-data
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: registry.example/app:1.0
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      emptyDir: {}
`,
  },
  messages: {
    hostPath: "Volume '{{volume}}' mounts {{hostPath}} from the node's filesystem (hostPath)",
  },
  check(ctx) {
    if (!ctx.workload) return;
    for (const v of hostPathVolumes(ctx.workload)) {
      ctx.report({
        messageId: "hostPath",
        data: { volume: v.name, hostPath: v.hostPath === undefined ? "a path" : `'${v.hostPath}'` },
        path: v.hostPathPath,
      });
    }
  },
});
