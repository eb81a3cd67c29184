import { defineRule } from "../../engine/rule-types.js";
import { fixes } from "../../engine/fixes.js";
import { type YamlPath, isObject } from "../../model/types.js";
import type { ContainerView } from "../../model/workload.js";
import { jsonText } from "../../model/json-text.js";

// Pod Security Admission, baseline control `seccompProfile_baseline` (policy/check_seccompProfile_baseline.go):
// - policy version 1.19 and later: a seccompProfile set in the pod-level securityContext or in any container, init
//   container or ephemeral container must have type RuntimeDefault or Localhost (unset is fine). The pod level and each
//   container are checked on their own: a pod-level Unconfined is forbidden even when every container overrides it.
// - before 1.19 (no seccompProfile field yet): the alpha annotations seccomp.security.alpha.kubernetes.io/pod and
//   container.seccomp.security.alpha.kubernetes.io/<container name> must be runtime/default, docker/default or
//   localhost/<profile>. From 1.19 on PSA ignores the annotations.
// In the restricted level the seccompProfile_restricted control (seccomp-profile-missing) replaces this one; to give one
// finding per field, that rule leaves explicitly bad types to this rule and reports the missing ones.

const VALID_TYPES = new Set(["RuntimeDefault", "Localhost"]);
const POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
const CONTAINER_ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";

function validAnnotation(v: string): boolean {
  return v === "runtime/default" || v === "docker/default" || v.startsWith("localhost/");
}

const FIX_NOTE =
  "The runtime's default profile blocks a few dozen rarely needed syscalls (kernel module loading, reboot, some namespace " +
  "and keyring calls). Debuggers, tracing tools and some sandboxes need them; test the workload with the default profile first.";

export default defineRule({
  id: "seccomp-unconfined",
  title: "Seccomp explicitly disabled",
  rationale:
    "Seccomp filters the system calls a process may make to the kernel. The container runtime's default profile blocks calls " +
    "that ordinary applications never use but kernel exploits often do. Setting the seccomp profile type to `Unconfined` " +
    "switches that filter off, so every syscall the kernel offers is reachable from the container.",
  attack:
    "An attacker with code execution in the container uses a syscall that the default profile would have blocked (for example " +
    "`unshare` to create namespaces, `keyctl`, or `bpf`) to reach a kernel vulnerability and escape to the node.",
  remediation:
    "Remove the `Unconfined` setting or set `seccompProfile.type: RuntimeDefault` at the pod level (or `Localhost` with a " +
    "profile written for the application). If one container truly needs extra syscalls, write a Localhost profile that allows " +
    "just those.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    seccompProfile:
      type: Unconfined
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
    podUnconfined: "The pod sets seccompProfile.type to Unconfined, turning syscall filtering off",
    podInvalid: "The pod's seccompProfile has type {{type}}; only RuntimeDefault or Localhost are allowed",
    containerUnconfined: "Container '{{container}}' sets seccompProfile.type to Unconfined, turning syscall filtering off",
    containerInvalid: "The seccompProfile of container '{{container}}' has type {{type}}; only RuntimeDefault or Localhost are allowed",
    annotation: "Annotation {{key}} sets seccomp profile {{value}}; only runtime/default, docker/default or localhost/* are allowed",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;

    if (!ctx.kubeVersion.atLeast(19)) {
      const annotations = w.podAnnotations();
      const keys = [POD_ANNOTATION, ...w.containers.map((c) => CONTAINER_ANNOTATION_PREFIX + c.name)];
      for (const key of new Set(keys)) {
        const value = annotations[key];
        if (value === undefined || validAnnotation(value)) continue;
        const path = [...w.podMetadataPath, "annotations", key];
        const c = key === POD_ANNOTATION ? undefined : w.containers.find((x) => CONTAINER_ANNOTATION_PREFIX + x.name === key);
        ctx.report({
          messageId: "annotation",
          data: { key, value: jsonText(value) },
          path,
          container: c,
          fix: fixes.set(path, "runtime/default", { description: "Use the runtime's default seccomp profile", safety: "unsafe", note: FIX_NOTE }),
        });
      }
      return;
    }

    const check = (profile: unknown, path: YamlPath, c: ContainerView | undefined): void => {
      const type = isObject(profile) ? profile.type : undefined;
      if (typeof type === "string" && VALID_TYPES.has(type)) return;
      const unconfined = type === "Unconfined";
      const typePath = isObject(profile) && type !== undefined && type !== null ? [...path, "type"] : path;
      const where = c ? "container" : "pod";
      ctx.report({
        messageId: unconfined ? `${where}Unconfined` : `${where}Invalid`,
        data: { ...(c ? { container: c.name } : {}), type: type === undefined || type === null ? "(none)" : jsonText(type) },
        path: typePath,
        container: c,
        fix: fixes.set(path, { type: "RuntimeDefault" }, {
          description: c ? `Use the runtime's default seccomp profile for container '${c.name}'` : "Use the runtime's default seccomp profile for the pod",
          safety: "unsafe",
          note: FIX_NOTE,
        }),
      });
    };

    const pod = w.podSecurityContext.seccompProfile;
    if (pod !== undefined && pod !== null) check(pod, [...w.podSecurityContextPath, "seccompProfile"], undefined);
    for (const c of w.containers) {
      const s = c.effective("seccompProfile");
      // A value inherited from the pod was checked once, above.
      if (s.from === "container") check(s.value, s.path, c);
    }
  },
});
