import { defineRule } from "../../engine/rule-types.js";
import { fixes } from "../../engine/fixes.js";
import { isObject } from "../../model/types.js";
import { asArray, truthy } from "../../model/values.js";
import type { ContainerView } from "../../model/workload.js";

// Pod Security Admission, restricted control `allowPrivilegeEscalation` (policy/check_allowPrivilegeEscalation.go):
// every container, init container and ephemeral container must set securityContext.allowPrivilegeEscalation
// to false; unset counts as allowed. The field lives on the container only (no pod-level default). From policy
// version 1.25 a pod with spec.os.name=windows is exempt: the field does not exist on Windows.

/** allowPrivilegeEscalation: false is rejected by API validation next to privileged: true or an added CAP_SYS_ADMIN. */
function falseWouldBeInvalid(c: ContainerView): boolean {
  if (truthy(c.own("privileged").value)) return true;
  const caps = c.own("capabilities").value;
  if (!isObject(caps)) return false;
  return asArray(caps.add).some((cap) => typeof cap === "string" && cap.toUpperCase().replace(/^CAP_/, "") === "SYS_ADMIN");
}

export default defineRule({
  id: "allow-privilege-escalation",
  title: "Privilege escalation allowed",
  rationale:
    "Linux lets a process gain more privileges than its parent, for example by running a setuid-root program such as `su` or a " +
    "binary with file capabilities. Unless a container sets `allowPrivilegeEscalation: false`, the runtime leaves this door " +
    "open (the kernel's no_new_privs flag stays off), so an unprivileged process in the container can still become root inside it.",
  attack:
    "An attacker who lands in the container as an unprivileged user (through a vulnerable web app, say) looks for a setuid binary " +
    "or a file with capabilities and uses it to become root in the container. From root, kernel exploits, writable host mounts " +
    "and other container-escape techniques are much easier to use.",
  remediation:
    "Set `securityContext.allowPrivilegeEscalation: false` on every container, init container and ephemeral container. " +
    "It cannot be combined with `privileged: true` or an added `SYS_ADMIN` capability: remove those first. If the program " +
    "really needs a setuid helper, give the container the specific capability it needs instead.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: true
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
`,
  },
  messages: {
    notSet: "Container '{{container}}' does not set allowPrivilegeEscalation to false, so setuid programs can make its processes root",
    allowed: "Container '{{container}}' sets allowPrivilegeEscalation to {{value}}; it must be false so setuid programs cannot make its processes root",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    // Windows pods are exempt from policy version 1.25 on.
    if (w.isWindows && ctx.kubeVersion.atLeast(25)) return;
    for (const c of w.containers) {
      const s = c.own("allowPrivilegeEscalation");
      if (s.value === false) continue;
      const invalid = falseWouldBeInvalid(c);
      ctx.report({
        messageId: s.from === "unset" ? "notSet" : "allowed",
        data: { container: c.name, value: typeof s.value === "string" ? JSON.stringify(s.value) : String(s.value) },
        path: s.path,
        container: c,
        // No fix where false would make the manifest invalid: privileged / SYS_ADMIN must go first.
        fix: invalid
          ? undefined
          : fixes.set(s.path, false, {
              description: "Set allowPrivilegeEscalation to false",
              safety: "unsafe",
              note:
                "Programs that rely on setuid or file capabilities to gain privileges (su, sudo, ping on some images, " +
                "some package managers) stop working. Check that the container runs without them.",
            }),
      });
    }
  },
});
