import { defineRule } from "../../engine/rule-types.js";
import { fixes } from "../../engine/fixes.js";
import { type JsonObject, isObject } from "../../model/types.js";

// A container (init and ephemeral containers included) whose own securityContext is missing or empty (`{}`, or only
// null values) is reported:
// - `none` when the pod-level securityContext is missing or empty too: nothing at all is hardened;
// - `containerMissing` when the pod sets one: the pod level cannot set the container-only fields
//   (allowPrivilegeEscalation, capabilities, privileged, readOnlyRootFilesystem, procMount), so those stay at the
//   runtime's permissive defaults. Not reported for Windows pods, where every field that matters (windowsOptions,
//   runAsNonRoot) is inherited from the pod and the container-only ones are refused.
// A pod without a securityContext whose containers all have one is not reported: every setting can be made per
// container. The rule does not judge the values (the other pod-security rules do).
function isEmpty(sc: unknown): boolean {
  return !isObject(sc) || Object.values(sc as JsonObject).every((v) => v === null || v === undefined);
}

export default defineRule({
  id: "security-context-missing",
  title: "No security context",
  rationale:
    "Every security setting of a container (which user it runs as, whether it can gain privileges, which capabilities it " +
    "keeps, whether its filesystem is writable, its seccomp profile) lives in a `securityContext`. Without one, the " +
    "container gets the runtime's defaults, which are chosen for compatibility: often root, a writable filesystem, " +
    "privilege escalation allowed and a set of Linux capabilities.",
  attack:
    "An attacker who exploits an application bug in a container with default settings starts as root with default " +
    "capabilities and can use setuid binaries to gain more, which makes every further step (tampering with the " +
    "container, attacking the kernel or the node) easier.",
  remediation:
    "Add a `securityContext` to the pod (runAsNonRoot, runAsUser, seccompProfile) and to each container " +
    "(allowPrivilegeEscalation: false, capabilities.drop: [\"ALL\"], readOnlyRootFilesystem: true), then adjust the " +
    "values the application really needs.",
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
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: web
      image: registry.example/web:1.0
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop: ["ALL"]
`,
  },
  messages: {
    none: "Neither the pod nor container '{{container}}' has a securityContext, so every security setting is the runtime's default",
    containerMissing:
      "Container '{{container}}' has no securityContext; the pod's does not cover allowPrivilegeEscalation, capabilities or readOnlyRootFilesystem, which stay at their permissive defaults",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    const podEmpty = isEmpty(w.podSpec.securityContext);
    for (const c of w.containers) {
      if (!isEmpty(c.spec.securityContext)) continue;
      if (!podEmpty && w.isWindows) continue;
      ctx.report({
        messageId: podEmpty ? "none" : "containerMissing",
        data: { container: c.name },
        path: c.securityContextPath,
        container: c,
        // Windows refuses allowPrivilegeEscalation; there is no one setting to propose for it.
        fix: w.isWindows
          ? undefined
          : fixes.set(c.securityContextPath, { allowPrivilegeEscalation: false }, {
              description: `Add a securityContext to container '${c.name}' that forbids privilege escalation`,
              safety: "unsafe",
              note:
                "Setuid programs (sudo, su, some ping builds) stop gaining privileges; applications rarely rely on them. " +
                "Review the other settings (capabilities, readOnlyRootFilesystem, runAsNonRoot) for this container too.",
            }),
      });
    }
  },
});
