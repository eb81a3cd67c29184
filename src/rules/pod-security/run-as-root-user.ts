import { defineRule } from "../../engine/rule-types.js";
import { fixes } from "../../engine/fixes.js";
import { asInt } from "../../model/values.js";
import type { ContainerView } from "../../model/workload.js";

// Pod Security Admission, restricted control `runAsUser` (policy/check_runAsUser.go), from policy version 1.23:
// runAsUser must not be 0, neither in the pod-level securityContext (forbidden even when every container overrides it)
// nor in any container, init container or ephemeral container. Unset is fine (runAsNonRoot covers that case).
// From policy version 1.35 the check is skipped for pods with `hostUsers: false` (user namespaces: UID 0 in the pod
// maps to an unprivileged UID on the node); up to 1.34 that relaxation sat behind a perma-alpha feature gate, off by
// default.
// runAsUser: 0 with an effective runAsNonRoot: true is not "root wins": the kubelet refuses to start such a container.
// It is still forbidden by PSA; the message says the container cannot start, and removing the 0 cannot break it.

const NON_ROOT_UID = 10001;

export default defineRule({
  id: "run-as-root-user",
  title: "Container explicitly runs as UID 0",
  rationale:
    "`runAsUser: 0` forces the process to run as root, even when the image was built to run as an unprivileged user. Root in " +
    "the container owns every file in it, can use the capabilities the runtime grants by default and is the starting point of " +
    "most container escapes. Combined with `runAsNonRoot: true` the setting is contradictory: the kubelet refuses to start the " +
    "container at all.",
  attack:
    "Code execution in a container that runs as root (a vulnerable dependency, a poisoned image) gives the attacker root in the " +
    "container immediately: they can install tools, tamper with shared volumes and attempt kernel or runtime escapes that need root.",
  remediation:
    "Remove `runAsUser: 0` and run as a non-root numeric UID: build the image with `USER 10001` or set `runAsUser` to a non-zero " +
    "UID, and add `runAsNonRoot: true` so the kubelet checks it. If the process needs one privileged operation (binding a low " +
    "port, changing file ownership), grant that single capability instead of running as root.",
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
        runAsUser: 0
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginxinc/nginx-unprivileged:1.27
      securityContext:
        runAsUser: 10001
        runAsNonRoot: true
`,
  },
  messages: {
    podRoot: "The pod sets runAsUser to 0, so its containers run as root",
    podRootBlocked: "The pod sets runAsUser to 0 next to runAsNonRoot: true; the kubelet refuses to start the containers that inherit both",
    containerRoot: "Container '{{container}}' sets runAsUser to 0 and runs as root",
    containerRootBlocked: "Container '{{container}}' sets runAsUser to 0 while runAsNonRoot is true; the kubelet refuses to start it",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    if (!ctx.kubeVersion.atLeast(23)) return;
    if (w.userNamespaced && ctx.kubeVersion.atLeast(35)) return;

    const nonRoot = (c: ContainerView): boolean => c.effective("runAsNonRoot").value === true;

    if (asInt(w.podSecurityContext.runAsUser) === 0) {
      const path = [...w.podSecurityContextPath, "runAsUser"];
      const inheriting = w.containers.filter((c) => c.effective("runAsUser").from === "pod");
      // Every container that inherits the 0 also has runAsNonRoot: true, so none of them can start as written.
      const blocked = inheriting.length > 0 && inheriting.every(nonRoot);
      const dead = inheriting.length === 0;
      ctx.report({
        messageId: blocked ? "podRootBlocked" : "podRoot",
        path,
        fix:
          blocked || dead
            ? fixes.remove(path, {
                description: "Remove the pod's runAsUser: 0",
                safety: "unsafe",
                note:
                  (blocked
                    ? "Every container that inherits it also has runAsNonRoot: true and cannot start as written; without the 0 they run as the image's user, which the kubelet still checks is not root. "
                    : "Every container sets its own runAsUser, so the pod-level value applies to none of them. ") +
                  "Ephemeral debug containers added later (kubectl debug) inherit the pod's settings and would no longer run as root.",
              })
            : fixes.set(path, NON_ROOT_UID, {
                description: `Set the pod's runAsUser to ${NON_ROOT_UID}`,
                safety: "unsafe",
                note:
                  "The containers must work as an arbitrary non-root UID: files they write (volumes, home directory, caches) may need " +
                  "fsGroup or ownership changes, and binding ports below 1024 needs NET_BIND_SERVICE. Prefer the UID the image was built for.",
              }),
      });
    }

    for (const c of w.containers) {
      const s = c.effective("runAsUser");
      if (s.from !== "container" || asInt(s.value) !== 0) continue;
      const blocked = nonRoot(c);
      ctx.report({
        messageId: blocked ? "containerRootBlocked" : "containerRoot",
        data: { container: c.name },
        path: s.path,
        container: c,
        fix: blocked
          ? fixes.remove(s.path, {
              description: `Remove runAsUser: 0 from container '${c.name}'`,
              safety: "safe",
              note: "With runAsNonRoot: true the container cannot start as written; without the 0 it runs as the image's user (or the pod's runAsUser), which the kubelet still checks is not root.",
            })
          : fixes.set(s.path, NON_ROOT_UID, {
              description: `Set runAsUser to ${NON_ROOT_UID} for container '${c.name}'`,
              safety: "unsafe",
              note:
                "The container must work as an arbitrary non-root UID: files it writes (volumes, home directory, caches) may need " +
                "fsGroup or ownership changes, and binding ports below 1024 needs NET_BIND_SERVICE. Prefer the UID the image was built for.",
            }),
      });
    }
  },
});
