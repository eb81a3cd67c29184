import { defineRule } from "../../engine/rule-types.js";
import { fixes } from "../../engine/fixes.js";

// Pod Security Admission, restricted control `runAsNonRoot` (policy/check_runAsNonRoot.go):
// - the pod-level securityContext.runAsNonRoot, when set, must be true (a pod-level false is forbidden even when every
//   container overrides it);
// - a container (init and ephemeral ones included) that sets runAsNonRoot must set true;
// - a container that does not set it is accepted only when the pod level is true.
// From policy version 1.35 the check is skipped for pods with `hostUsers: false` (user namespaces, KEP-127): root in
// the container is then an unprivileged user on the node. Up to 1.34 that relaxation sat behind the perma-alpha
// UserNamespacesPodSecurityStandards feature gate, off by default, so older clusters do not relax it.
// runAsUser: 0 next to runAsNonRoot: true is not this control's business: the kubelet refuses to start that container,
// and the restricted `runAsUser` control (run-as-root-user) reports the 0.

function show(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

const FIX_NOTE =
  "The kubelet then refuses to start the container if its image runs as root (no USER, or USER root/0), or names its user " +
  "by name instead of a numeric UID, unless runAsUser sets a non-zero UID. Check the image's USER first.";

export default defineRule({
  id: "run-as-non-root",
  title: "Container may run as root",
  rationale:
    "Without `runAsNonRoot: true`, a container runs as whatever user its image declares, and many images declare none, which " +
    "means root. Root inside a container is still root toward the kernel: it owns every file in the container, can use the " +
    "capabilities the runtime grants by default, and is one kernel bug or misconfiguration away from root on the node. " +
    "With `runAsNonRoot: true` the kubelet checks the user before starting the container and refuses to run it as root.",
  attack:
    "An attacker who gets code execution in a container that runs as root can install tools, read every file in the container, " +
    "tamper with mounted volumes and try known container escapes that need root, such as writing to host paths or abusing " +
    "default capabilities.",
  remediation:
    "Set `runAsNonRoot: true` in the pod's `securityContext` (it applies to every container) or in each container's " +
    "`securityContext`, and never set it to false. Make sure the image runs as a non-root numeric user (`USER 10001` in the " +
    "Dockerfile) or set `runAsUser` to a non-zero UID, otherwise the kubelet will refuse to start the container.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 10001
  containers:
    - name: web
      image: nginxinc/nginx-unprivileged:1.27
`,
  },
  messages: {
    podNotTrue: "The pod sets runAsNonRoot to {{value}}; it must be true (or unset with every container setting true)",
    containerNotTrue: "Container '{{container}}' sets runAsNonRoot to {{value}}, so it may run as root",
    notSet: "Neither the pod nor container '{{container}}' sets runAsNonRoot to true, so it runs as whatever user the image names, often root",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    if (w.userNamespaced && ctx.kubeVersion.atLeast(35)) return;

    const podValue = w.podSecurityContext.runAsNonRoot;
    if (podValue !== undefined && podValue !== null && podValue !== true) {
      const path = [...w.podSecurityContextPath, "runAsNonRoot"];
      ctx.report({
        messageId: "podNotTrue",
        data: { value: show(podValue) },
        path,
        fix: fixes.set(path, true, { description: "Set the pod's runAsNonRoot to true", safety: "unsafe", note: FIX_NOTE }),
      });
    }

    for (const c of w.containers) {
      const s = c.effective("runAsNonRoot");
      if (s.value === true) continue;
      // Inherited from a pod-level value that is not true: reported once, above.
      if (s.from === "pod") continue;
      ctx.report({
        messageId: s.from === "container" ? "containerNotTrue" : "notSet",
        data: { container: c.name, value: show(s.value) },
        path: s.path,
        container: c,
        fix: fixes.set(s.path, true, { description: `Set runAsNonRoot to true for container '${c.name}'`, safety: "unsafe", note: FIX_NOTE }),
      });
    }
  },
});
