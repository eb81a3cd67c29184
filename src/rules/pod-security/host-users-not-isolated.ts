import { defineRule } from "../../engine/rule-types.js";
import { fixes } from "../../engine/fixes.js";
import { truthy } from "../../model/values.js";

// Advisory (info, off by default): the pod does not set `spec.hostUsers: false`, so it shares the node's user
// namespace. Only the boolean false counts.
// - Reported from Kubernetes 1.33, where user namespaces are on by default (beta; GA in 1.36). Before that the
//   UserNamespacesSupport feature gate is off by default and the API server drops the field, so advising it is noise.
// - Not reported for pods that cannot use a user namespace: Windows pods (the feature is Linux-only) and pods that set
//   hostNetwork, hostPID or hostIPC (the API refuses those together with hostUsers: false); the host-network,
//   host-pid and host-ipc rules report those settings.
export default defineRule({
  id: "host-users-not-isolated",
  title: "No user namespace",
  rationale:
    "Without a user namespace, user 0 in the container is user 0 on the node, and every other UID is the same number on " +
    "both sides. With `hostUsers: false` the pod gets its own range of IDs: root inside maps to an unprivileged user on " +
    "the node, and capabilities granted to the container are only valid inside the pod's namespaces.",
  attack:
    "An attacker who escapes a container through a runtime or kernel bug lands on the node as the same UID they had " +
    "inside, often root, and owns the node. Several escape vulnerabilities rated high or critical were not exploitable " +
    "from a pod with its own user namespace.",
  remediation:
    "Set `hostUsers: false` in the pod spec. The nodes need Linux 6.3 or later with a filesystem that supports idmap " +
    "mounts and a container runtime that supports user namespaces (containerd 2.0+, CRI-O 1.25+); test that the " +
    "application's volumes and file ownership still work.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostUsers: false
  containers:
    - name: web
      image: registry.example/web:1.0
`,
  },
  messages: {
    notSet: "The pod does not set hostUsers: false, so its user IDs (root included) are the node's user IDs",
    notFalse: "The pod sets hostUsers to {{value}}, so its user IDs (root included) are the node's user IDs",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w || w.isWindows || w.userNamespaced) return;
    if (!ctx.kubeVersion.atLeast(33)) return;
    const spec = w.podSpec;
    if (truthy(spec.hostNetwork) || truthy(spec.hostPID) || truthy(spec.hostIPC)) return;
    const path = w.at("hostUsers");
    const set = spec.hostUsers !== undefined && spec.hostUsers !== null;
    ctx.report({
      messageId: set ? "notFalse" : "notSet",
      data: { value: typeof spec.hostUsers === "string" ? JSON.stringify(spec.hostUsers) : String(spec.hostUsers) },
      path,
      fix: fixes.set(path, false, {
        description: "Run the pod in its own user namespace (hostUsers: false)",
        safety: "unsafe",
        note:
          "Needs node support (Linux 6.3+, idmap-capable filesystems, containerd 2.0+ or CRI-O 1.25+); pods fail to start " +
          "on nodes without it. Files on volumes are seen through an ID mapping: check that the application can still read and write them.",
      }),
    });
  },
});
