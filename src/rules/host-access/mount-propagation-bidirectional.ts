import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { truthy } from "../../model/values.js";
import { volumeMounts } from "./_host.js";

// A volumeMount of any container, init container or ephemeral container with `mountPropagation: Bidirectional`
// (exactly as the API spells it; other spellings are refused by the API server and propagate nothing). Kubernetes
// allows Bidirectional only in privileged containers; in an unprivileged one the API server refuses the pod, and the
// message says so.
export default defineRule({
  id: "mount-propagation-bidirectional",
  title: "Bidirectional mount propagation",
  rationale:
    "With `mountPropagation: Bidirectional`, mounts that the container creates under that volume also appear on the " +
    "node and in every other pod that mounts the same host directory. The container can change the node's mount table, " +
    "which is normally reserved to the node's own administrators and storage drivers.",
  attack:
    "An attacker in the container mounts over a host directory that other pods or the kubelet use (hiding or replacing " +
    "their files), or mounts a filesystem full of crafted files that the node then trusts; an unmount loop can also " +
    "exhaust the node's mount table and disturb every pod on it.",
  remediation:
    "Use `mountPropagation: HostToContainer` (the container sees the node's new mounts but cannot create any) or remove " +
    "the field. Keep Bidirectional for reviewed storage drivers (CSI node plugins) that must publish mounts to the node.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
    - name: agent
      image: registry.example/agent:1.0
      securityContext:
        privileged: true
      volumeMounts:
        - name: mnt
          mountPath: /mnt
          mountPropagation: Bidirectional
  volumes:
    - name: mnt
      hostPath:
        path: /mnt/data
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
    - name: agent
      image: registry.example/agent:1.0
      securityContext:
        privileged: true
      volumeMounts:
        - name: mnt
          mountPath: /mnt
          mountPropagation: HostToContainer
  volumes:
    - name: mnt
      hostPath:
        path: /mnt/data
`,
  },
  messages: {
    bidirectional: "Container '{{container}}' mounts volume '{{volume}}' with Bidirectional propagation, so its mounts propagate to the node",
    bidirectionalUnprivileged:
      "Container '{{container}}' mounts volume '{{volume}}' with Bidirectional propagation; the API server refuses it in a container that is not privileged",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    for (const c of w.containers) {
      const privileged = truthy(c.own("privileged").value);
      for (const { index, mount } of volumeMounts(c.spec)) {
        if (mount.mountPropagation !== "Bidirectional") continue;
        const path = [...c.path, "volumeMounts", index, "mountPropagation"];
        ctx.report({
          messageId: privileged ? "bidirectional" : "bidirectionalUnprivileged",
          data: { container: c.name, volume: typeof mount.name === "string" ? mount.name : `volumeMounts[${index}]` },
          path,
          container: c,
          fix: fixes.set(path, "HostToContainer", {
            description: "Receive the node's mounts without publishing the container's (HostToContainer)",
            safety: "unsafe",
            note: "Storage drivers (CSI node plugins, FUSE mounters) that publish mounts for other pods stop working; check what the container does.",
          }),
        });
      }
    }
  },
});
