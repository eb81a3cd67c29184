import { defineRule } from "../../engine/rule-types.js";
import { hostPathVolumes, isParentOf, normalizeHostPath } from "./_host.js";

// A finer view of Pod Security Admission `hostPathVolumes`: a hostPath volume whose path is one of the
// `socketPaths` (Docker, containerd, CRI-O, cri-dockerd, k3s), or a directory that contains one ("/run",
// "/var/run/containerd", "/"). Paths are normalised before comparing ("/var/run/docker.sock/" matches).
export default defineRule({
  id: "container-runtime-socket-mount",
  title: "Container runtime socket mounted",
  rationale:
    "The container runtime's socket (docker.sock, containerd.sock, crio.sock) is the control channel of every " +
    "container on the node. The runtime runs as root and obeys whoever can write to the socket, without any of " +
    "Kubernetes' admission checks. Mounting it, or a directory holding it, into a pod makes that pod root on the node.",
  attack:
    "An attacker in the pod asks the runtime, through the socket, to start a new privileged container with the " +
    "node's root filesystem mounted, and from it controls the node; they can also stop, read or tamper with every " +
    "other container on it.",
  remediation:
    "Remove the hostPath volume. Image builds can use rootless builders (BuildKit rootless, Kaniko, Buildah) and " +
    "monitoring can use the kubelet's and metrics APIs. Agents that must talk to the runtime belong in a separate, " +
    "reviewed namespace, mounting only the socket itself. `readOnly: true` does not help here: a read-only mount " +
    "does not stop a process from connecting to a socket and sending it commands.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: ci-runner
spec:
  containers:
    - name: runner
      image: registry.example/runner:1.0
      volumeMounts:
        - name: docker
          mountPath: /var/run/docker.sock
  volumes:
    - name: docker
      hostPath:
        path: /var/run/docker.sock
        type: Socket
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: ci-runner
spec:
  containers:
    - name: runner
      image: registry.example/runner:1.0
      volumeMounts:
        - name: workspace
          mountPath: /workspace
  volumes:
    - name: workspace
      emptyDir: {}
`,
  },
  messages: {
    socket: "Volume '{{volume}}' mounts the container runtime socket {{socket}} from the node",
    socketDir: "Volume '{{volume}}' mounts '{{hostPath}}' from the node, which contains the container runtime socket {{socket}}",
  },
  check(ctx) {
    if (!ctx.workload) return;
    const sockets = [...new Set(ctx.params.strings("socketPaths").map(normalizeHostPath).filter((s) => s !== ""))];
    for (const v of hostPathVolumes(ctx.workload)) {
      if (v.hostPath === undefined) continue;
      const p = normalizeHostPath(v.hostPath);
      if (p === "") continue;
      if (sockets.includes(p)) {
        ctx.report({ messageId: "socket", data: { volume: v.name, hostPath: v.hostPath, socket: p }, path: v.pathPath });
        continue;
      }
      const contained = sockets.filter((s) => isParentOf(p, s));
      if (contained.length > 0) {
        ctx.report({
          messageId: "socketDir",
          data: { volume: v.name, hostPath: v.hostPath, socket: contained.join(", ") },
          path: v.pathPath,
        });
      }
    }
  },
});
