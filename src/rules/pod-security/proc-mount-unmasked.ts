import { defineRule } from "../../engine/rule-types.js";
import { fixes } from "../../engine/fixes.js";
import { jsonText } from "../../model/json-text.js";

// Pod Security Admission, baseline control `procMount` (policy/check_procMount_baseline.go, check_procMount.go before
// 1.35): securityContext.procMount of every container, init container and ephemeral container must be unset or
// "Default" (any other value, "Unmasked" or not, is forbidden). It is a container-only field.
// From policy version 1.35 the baseline check allows any value for pods with `hostUsers: false`: in a user namespace
// an unmasked /proc cannot reach the host's kernel settings. The restricted level then re-applies the strict check
// (procMount_restricted, 1.35); this rule carries the baseline control, as the catalogue says.

export default defineRule({
  id: "proc-mount-unmasked",
  title: "Unmasked /proc mount",
  rationale:
    "Container runtimes hide or make read-only the parts of /proc that expose the host kernel (for example /proc/kcore, " +
    "/proc/sys, /proc/sysrq-trigger). `procMount: Unmasked` turns those masks off. Kubernetes only lets pods in their own user " +
    "namespace (`hostUsers: false`) do this; for any other pod it exposes kernel interfaces to the container.",
  attack:
    "With an unmasked /proc, an attacker in the container reads host memory and kernel details through /proc/kcore and " +
    "/proc/kallsyms, or writes to /proc/sys and /proc/sysrq-trigger to change kernel settings or crash the node.",
  remediation:
    "Remove `procMount` or set it to `Default`. Workloads that need an unmasked /proc (building images or running containers " +
    "inside a container) should run with `hostUsers: false` so that /proc belongs to the pod's own user namespace.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: builder
spec:
  containers:
    - name: builder
      image: quay.io/buildah/stable:v1.37
      securityContext:
        procMount: Unmasked
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: builder
spec:
  containers:
    - name: builder
      image: quay.io/buildah/stable:v1.37
      securityContext:
        procMount: Default
`,
  },
  messages: {
    unmasked: "Container '{{container}}' sets procMount to Unmasked, exposing the host kernel's /proc interfaces",
    other: "Container '{{container}}' sets procMount to {{value}}; only Default is allowed",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    if (w.userNamespaced && ctx.kubeVersion.atLeast(35)) return;
    for (const c of w.containers) {
      const s = c.own("procMount");
      if (s.from === "unset" || s.value === "Default") continue;
      ctx.report({
        messageId: s.value === "Unmasked" ? "unmasked" : "other",
        data: { container: c.name, value: jsonText(s.value) },
        path: s.path,
        container: c,
        fix: fixes.remove(s.path, {
          description: `Remove procMount from container '${c.name}' (masked /proc, the default)`,
          safety: "unsafe",
          note:
            "Nested container runtimes and image builders (buildah, podman, sysbox-style setups) need an unmasked /proc; for " +
            "them, run the pod with hostUsers: false instead of removing the setting.",
        }),
      });
    }
  },
});
