import { defineRule } from "../../engine/rule-types.js";
import { fixes } from "../../engine/fixes.js";

// Every container, init container and ephemeral container must set `securityContext.readOnlyRootFilesystem: true`.
// - The field exists only on the container: a pod-level `readOnlyRootFilesystem` is not a Kubernetes field and
//   protects nothing (Polaris' fixtures put one there; it is ignored here as the API server ignores it).
// - Only the boolean true is safe. Unquoted YAML 1.1 `yes` loads as true; a quoted "true" is a string that the API
//   server refuses, so it is not counted as read-only.
// - Windows pods (spec.os.name: windows) are skipped: the field is Linux-only and the API refuses it there.
export default defineRule({
  id: "read-only-root-filesystem",
  title: "Writable root filesystem",
  rationale:
    "By default a container can write anywhere in its own filesystem: its binaries, libraries and configuration. Most " +
    "applications only need to write to a few places (a cache, /tmp), which can be separate volumes. A read-only root " +
    "filesystem makes the image's contents immutable for the life of the container.",
  attack:
    "An attacker who gets code execution downloads tools into the container, replaces the application's binaries or " +
    "scripts with backdoored ones, or changes its configuration; the changes survive until the container is replaced, " +
    "and nothing in the image scan shows them.",
  remediation:
    "Set `securityContext.readOnlyRootFilesystem: true` on every container, and mount an `emptyDir` volume at each path " +
    "the application must write to (for example /tmp, a cache or a PID directory).",
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
  containers:
    - name: web
      image: registry.example/web:1.0
      securityContext:
        readOnlyRootFilesystem: true
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    - name: tmp
      emptyDir: {}
`,
  },
  messages: {
    notSet: "Container '{{container}}' does not set readOnlyRootFilesystem: true, so its root filesystem is writable",
    notTrue: "Container '{{container}}' sets readOnlyRootFilesystem to {{value}}, so its root filesystem is writable",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w || w.isWindows) return;
    for (const c of w.containers) {
      const s = c.own("readOnlyRootFilesystem");
      if (s.value === true) continue;
      ctx.report({
        messageId: s.from === "unset" ? "notSet" : "notTrue",
        data: { container: c.name, value: typeof s.value === "string" ? JSON.stringify(s.value) : String(s.value) },
        path: s.path,
        container: c,
        fix: fixes.set(s.path, true, {
          description: `Make the root filesystem of container '${c.name}' read-only`,
          safety: "unsafe",
          note:
            "The application fails where it writes to its own filesystem (temporary files, caches, PID or lock files, " +
            "runtime-generated configuration): mount an emptyDir volume at each such path before applying.",
        }),
      });
    }
  },
});
