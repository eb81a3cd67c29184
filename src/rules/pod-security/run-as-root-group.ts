import { defineRule } from "../../engine/rule-types.js";
import { fixes } from "../../engine/fixes.js";
import { asInt } from "../../model/values.js";

// The optional "non-root groups" control of the Pod Security Standards (restricted, not enforced by Pod Security
// Admission; kyverno other/require-non-root-groups, Trivy KSV116): runAsGroup (pod level, every container, init
// container and ephemeral container), fsGroup and every supplementalGroups entry (pod level only) must not be 0.
// - Only explicit values count: an unset runAsGroup means the image's primary group, which cannot be seen here.
// - A pod-level runAsGroup: 0 is reported once, even when every container overrides it: like the PSS controls it
//   stays forbidden (containers added later, such as `kubectl debug` ones, inherit it).
// - Windows pods (spec.os.name: windows) are skipped: these fields are Linux-only and the API refuses them there.
// - A numeric string ("0") counts as 0: Kubernetes would reject it, but it must not be called safe.

const NON_ROOT_GID = 10001;

const GROUP_NOTE =
  "The process loses access to files that only the root group may read or write: files in the image owned by group 0 " +
  "with group permissions (common in OpenShift-ready images) and volumes prepared for GID 0. Prefer the group the image was built for.";

export default defineRule({
  id: "run-as-root-group",
  title: "Container runs with the root group",
  rationale:
    "Group 0 is the root group. A process that belongs to it can read and often write every file that the image or a " +
    "mounted volume gives to that group, which includes many configuration files and, on the node, many system files. " +
    "Running as a non-root user does not help much when the process still carries the root group.",
  attack:
    "An attacker who runs code in the container uses the root group to change group-writable files in the image or on " +
    "shared volumes (planting code that another container or a later restart runs), and after an escape to the node keeps " +
    "the access of the root group to host files.",
  remediation:
    "Set `runAsGroup` (in the pod's `securityContext` or the container's) to a non-zero GID such as 10001, choose a non-zero " +
    "`fsGroup` for volumes, and remove 0 from `supplementalGroups`. Build the image so that its files belong to that group.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsUser: 10001
    runAsGroup: 0
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
    runAsUser: 10001
    runAsGroup: 10001
  containers:
    - name: web
      image: registry.example/web:1.0
`,
  },
  messages: {
    podRunAsGroup: "The pod sets runAsGroup to 0, so containers that do not override it run with the root group",
    containerRunAsGroup: "Container '{{container}}' sets runAsGroup to 0 and runs with the root group",
    fsGroup: "The pod sets fsGroup to 0, so every container belongs to the root group and volumes are given to it",
    supplementalGroup: "The pod lists 0 in supplementalGroups, so every container also belongs to the root group",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w || w.isWindows) return;
    const psc = w.podSecurityContext;
    const podPath = w.podSecurityContextPath;

    if (asInt(psc.runAsGroup) === 0) {
      const path = [...podPath, "runAsGroup"];
      ctx.report({
        messageId: "podRunAsGroup",
        path,
        fix: fixes.set(path, NON_ROOT_GID, { description: `Set the pod's runAsGroup to ${NON_ROOT_GID}`, safety: "unsafe", note: GROUP_NOTE }),
      });
    }
    if (asInt(psc.fsGroup) === 0) {
      const path = [...podPath, "fsGroup"];
      ctx.report({
        messageId: "fsGroup",
        path,
        fix: fixes.set(path, NON_ROOT_GID, {
          description: `Set the pod's fsGroup to ${NON_ROOT_GID}`,
          safety: "unsafe",
          note: `${GROUP_NOTE} Volumes that support ownership changes are given to the new group when the pod starts.`,
        }),
      });
    }
    // A single number where a list belongs is read as one entry, so that a malformed manifest is not called safe.
    const supplemental = Array.isArray(psc.supplementalGroups) ? psc.supplementalGroups : psc.supplementalGroups === undefined ? [] : [psc.supplementalGroups];
    supplemental.forEach((g, i) => {
      if (asInt(g) !== 0) return;
      const path = Array.isArray(psc.supplementalGroups) ? [...podPath, "supplementalGroups", i] : [...podPath, "supplementalGroups"];
      ctx.report({
        messageId: "supplementalGroup",
        path,
        fix: Array.isArray(psc.supplementalGroups)
          ? fixes.remove(path, { description: "Remove group 0 from supplementalGroups", safety: "unsafe", note: GROUP_NOTE })
          : undefined,
      });
    });

    for (const c of w.containers) {
      const s = c.effective("runAsGroup");
      if (s.from !== "container" || asInt(s.value) !== 0) continue;
      ctx.report({
        messageId: "containerRunAsGroup",
        data: { container: c.name },
        path: s.path,
        container: c,
        fix: fixes.set(s.path, NON_ROOT_GID, { description: `Set runAsGroup to ${NON_ROOT_GID} for container '${c.name}'`, safety: "unsafe", note: GROUP_NOTE }),
      });
    }
  },
});
