import { defineRule } from "../../engine/rule-types.js";
import { fixes } from "../../engine/fixes.js";
import { isObject } from "../../model/types.js";

// Pod Security Admission, restricted control `seccompProfile_restricted` (policy/check_seccompProfile_restricted.go),
// from policy version 1.19: every container, init container and ephemeral container must run with a seccomp profile of
// type RuntimeDefault or Localhost, set on the container or inherited from the pod-level securityContext. From policy
// version 1.25 pods with spec.os.name=windows are exempt (seccomp does not exist on Windows).
// Split of work with seccomp-unconfined (the baseline control, which the restricted one replaces): an explicitly set
// type other than RuntimeDefault/Localhost (Unconfined, a typo) is reported there, once per field; this rule reports
// containers with no profile at all, and allowed types that the `allowedTypes` parameter narrows away.
// An empty `allowedTypes` means "not configured": the rule reports nothing.

const PSA_TYPES = new Set(["RuntimeDefault", "Localhost"]);

export default defineRule({
  id: "seccomp-profile-missing",
  title: "Seccomp profile not set",
  rationale:
    "Seccomp limits which system calls a process may make to the kernel. Unless the pod or the container asks for a profile, " +
    "Kubernetes runs the container without any syscall filter (the kubelet applies the runtime's default only when started " +
    "with --seccomp-default, which you cannot see from the manifest). The whole kernel interface then stays reachable, " +
    "including the rarely used calls that many kernel exploits and container escapes rely on.",
  attack:
    "An attacker who runs code in the container calls a syscall that the runtime's default profile would have blocked " +
    "(`unshare`, `keyctl`, `bpf`, `userfaultfd`, ...) to trigger a kernel bug and take over the node.",
  remediation:
    "Set `securityContext.seccompProfile.type: RuntimeDefault` in the pod spec, which every container inherits, or on each " +
    "container. Use `Localhost` with a custom profile for workloads that need a tighter or a slightly wider filter.",
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
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: web
      image: nginx:1.27
`,
  },
  messages: {
    missing: "Neither the pod nor container '{{container}}' sets a seccomp profile, so it runs without syscall filtering",
    podNotAllowed: "The pod sets seccompProfile.type to {{type}}, which is not one of the allowed types ({{allowed}})",
    containerNotAllowed: "Container '{{container}}' sets seccompProfile.type to {{type}}, which is not one of the allowed types ({{allowed}})",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    if (!ctx.kubeVersion.atLeast(19)) return;
    if (w.isWindows && ctx.kubeVersion.atLeast(25)) return;
    const allowed = ctx.params.strings("allowedTypes");
    if (allowed.length === 0) return;

    let podReported = false;
    for (const c of w.containers) {
      const s = c.effective("seccompProfile");
      if (s.from === "unset") {
        ctx.report({
          messageId: "missing",
          data: { container: c.name },
          path: s.path,
          container: c,
          fix: fixes.set(s.path, { type: "RuntimeDefault" }, {
            description: `Use the runtime's default seccomp profile for container '${c.name}'`,
            safety: "unsafe",
            note:
              "The default profile blocks a few dozen rarely needed syscalls; debuggers, tracing tools and some sandboxes need " +
              "them. Setting it once at the pod level (spec.securityContext.seccompProfile) covers every container.",
          }),
        });
        continue;
      }
      const type = isObject(s.value) ? s.value.type : undefined;
      // Other explicit types are the baseline control's (seccomp-unconfined); allowed ones pass.
      if (typeof type !== "string" || !PSA_TYPES.has(type) || allowed.includes(type)) continue;
      if (s.from === "pod") {
        if (podReported) continue;
        podReported = true;
      }
      ctx.report({
        messageId: s.from === "pod" ? "podNotAllowed" : "containerNotAllowed",
        data: { container: c.name, type, allowed: allowed.join(", ") },
        path: [...s.path, "type"],
        container: s.from === "pod" ? undefined : c,
      });
    }
  },
});
