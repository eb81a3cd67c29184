import { defineRule } from "../../engine/rule-types.js";
import { fixes } from "../../engine/fixes.js";
import { isObject } from "../../model/types.js";
import type { ContainerView, Workload } from "../../model/workload.js";
import { canonicalCapability, readCapabilities } from "../capabilities/_caps.js";

// Opinionated (off by default), as Polaris `linuxHardening` and Kubescape C-0055: each container (init and ephemeral
// containers included) must have at least one of these kernel confinements, set on the container or inherited from
// the pod:
// - seccomp: an effective seccompProfile of type RuntimeDefault or Localhost (Unconfined, or a profile without a type,
//   does not count). The old seccomp annotations count only before Kubernetes 1.27, which stopped honouring them;
// - AppArmor: an effective appArmorProfile of type RuntimeDefault or Localhost, or the annotation
//   container.apparmor.security.beta.kubernetes.io/<container name> set to runtime/default or localhost/<profile>;
// - SELinux: an effective seLinuxOptions with at least one non-empty field (the container's object replaces the
//   pod's as a whole, as the kubelet does);
// - capabilities: a non-empty drop list, without adding ALL back.
// Windows pods are skipped: none of these mechanisms exists on Windows, and the API refuses their fields there.

const CONFINED_TYPES = new Set(["RuntimeDefault", "Localhost"]);

function profileConfines(v: unknown): boolean {
  return isObject(v) && typeof v.type === "string" && CONFINED_TYPES.has(v.type);
}

function annotationConfines(v: string | undefined): boolean {
  if (v === undefined) return false;
  const t = v.trim();
  return t === "runtime/default" || t === "docker/default" || (t.startsWith("localhost/") && t.length > "localhost/".length);
}

// Most specific first, as the kubelet resolves them: the container's field, the container's annotation, the pod's
// field, the pod's annotation.
function hasSeccomp(c: ContainerView, w: Workload, legacyAnnotations: boolean): boolean {
  const s = c.effective("seccompProfile");
  if (s.from === "container") return profileConfines(s.value);
  const ann = legacyAnnotations ? w.podAnnotations() : {};
  const own = ann[`container.seccomp.security.alpha.kubernetes.io/${c.name}`];
  if (own !== undefined) return annotationConfines(own);
  if (s.from === "pod") return profileConfines(s.value);
  return annotationConfines(ann["seccomp.security.alpha.kubernetes.io/pod"]);
}

function hasAppArmor(c: ContainerView, w: Workload): boolean {
  const s = c.effective("appArmorProfile");
  if (s.from === "container") return profileConfines(s.value);
  const own = w.podAnnotations()[`container.apparmor.security.beta.kubernetes.io/${c.name}`];
  if (own !== undefined) return annotationConfines(own);
  return s.from === "pod" && profileConfines(s.value);
}

function hasSelinux(c: ContainerView): boolean {
  const s = c.effective("seLinuxOptions");
  return isObject(s.value) && ["user", "role", "type", "level"].some((k) => {
    const v = (s.value as Record<string, unknown>)[k];
    return typeof v === "string" && v.trim() !== "";
  });
}

function dropsCapabilities(c: ContainerView): boolean {
  const caps = readCapabilities(c);
  return caps.dropped.length > 0 && !caps.added.some((a) => canonicalCapability(a.name) === "ALL");
}

export default defineRule({
  id: "linux-hardening-missing",
  title: "No Linux hardening at all",
  rationale:
    "Linux offers several ways to confine a process beyond the container boundary: a seccomp profile limits the system " +
    "calls it can make, AppArmor and SELinux limit the files and resources it can reach, and dropping capabilities removes " +
    "root powers it does not need. A container that uses none of them depends on the container boundary alone.",
  attack:
    "An attacker who gets code execution in an unconfined container can call any system call and use every default " +
    "capability, so any kernel vulnerability reachable from there is a path to the node, with nothing in between to block " +
    "or log it.",
  remediation:
    "Set at least `securityContext.seccompProfile.type: RuntimeDefault` (in the pod's securityContext, for every " +
    "container), and preferably also drop capabilities (`capabilities.drop: [\"ALL\"]`) and use the node's AppArmor or " +
    "SELinux profile.",
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
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: web
      image: registry.example/web:1.0
`,
  },
  messages: {
    unhardened: "Container '{{container}}' has no seccomp, AppArmor or SELinux profile and drops no capabilities",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w || w.isWindows) return;
    const legacySeccomp = !ctx.kubeVersion.atLeast(27);
    for (const c of w.containers) {
      if (hasSeccomp(c, w, legacySeccomp) || hasAppArmor(c, w) || hasSelinux(c) || dropsCapabilities(c)) continue;
      const path = [...c.securityContextPath, "seccompProfile"];
      ctx.report({
        messageId: "unhardened",
        data: { container: c.name },
        path: c.securityContextPath,
        container: c,
        fix: fixes.set(path, { type: "RuntimeDefault" }, {
          description: `Use the runtime's default seccomp profile for container '${c.name}'`,
          safety: "unsafe",
          note:
            "The default profile blocks a few dozen rarely used system calls; debuggers, tracing tools and some sandboxes need " +
            "them. Setting it once in the pod's securityContext covers every container.",
        }),
      });
    }
  },
});
