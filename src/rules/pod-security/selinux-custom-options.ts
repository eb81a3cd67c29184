import { defineRule } from "../../engine/rule-types.js";
import { fixes } from "../../engine/fixes.js";
import { type YamlPath, isObject } from "../../model/types.js";
import type { ContainerView } from "../../model/workload.js";

// Pod Security Admission, baseline control `seLinuxOptions` (policy/check_seLinuxOptions.go). In the pod-level
// securityContext and in every container, init container and ephemeral container, each checked on its own:
// - seLinuxOptions.type must be empty/unset or one of container_t, container_init_t, container_kvm_t, and from policy
//   version 1.31 also container_engine_t;
// - seLinuxOptions.user and seLinuxOptions.role must be empty/unset;
// - seLinuxOptions.level is not restricted.
// The type list comes from the `allowedTypes` parameter (catalogue default: the newest PSA list); container_engine_t is
// dropped from it for clusters older than 1.31. An empty `allowedTypes` means "not configured": the rule reports nothing.

function nonEmpty(v: unknown): boolean {
  return v !== undefined && v !== null && String(v) !== "";
}

const REMOVE_NOTE =
  "Without it the runtime labels the container with its standard type (container_t) and a per-pod category. Agents that " +
  "need a custom label to read host files or talk to other daemons (log collectors, CSI drivers) lose that access; check first.";

export default defineRule({
  id: "selinux-custom-options",
  title: "Custom SELinux options",
  rationale:
    "On SELinux nodes (RHEL, Fedora, OpenShift), the runtime gives every container a confined label such as `container_t`, " +
    "which keeps it away from host files and from other containers. Setting a different SELinux type, or any user or role, " +
    "replaces that confinement with a label of your choosing, which may be far less confined (for example `spc_t`, the " +
    "label of super-privileged containers, or `unconfined_t`).",
  attack:
    "A container labelled with a powerful type can read and write host files labelled for system daemons, reach the container " +
    "runtime's socket or other containers' data, turning a compromised container into a compromised node.",
  remediation:
    "Remove `seLinuxOptions.type` unless it is one of the standard container types (`container_t`, `container_init_t`, " +
    "`container_kvm_t`, `container_engine_t`), and never set `seLinuxOptions.user` or `seLinuxOptions.role`. Setting only " +
    "`level` (the MCS categories) is fine. Give node agents that need more a reviewed exemption instead.",
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
        seLinuxOptions:
          type: spc_t
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
        seLinuxOptions:
          level: "s0:c123,c456"
`,
  },
  messages: {
    type: "{{subject}} sets SELinux type {{type}}, which is not one of the standard container types ({{allowed}})",
    typeTooNew: "{{subject}} sets SELinux type container_engine_t, which Pod Security Admission allows only from Kubernetes 1.31 (target: {{version}})",
    user: "{{subject}} sets SELinux user {{value}}; a custom SELinux user is not allowed",
    role: "{{subject}} sets SELinux role {{value}}; a custom SELinux role is not allowed",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    const configured = ctx.params.strings("allowedTypes");
    if (configured.length === 0) return;
    const engineTypeAllowed = ctx.kubeVersion.atLeast(31);
    const allowed = configured.filter((t) => t !== "container_engine_t" || engineTypeAllowed);

    const check = (opts: unknown, path: YamlPath, c: ContainerView | undefined): void => {
      if (!isObject(opts)) return;
      const subject = c ? `Container '${c.name}'` : "The pod";
      const base = { subject, ...(c ? { container: c.name } : {}) };
      if (nonEmpty(opts.type) && !allowed.includes(String(opts.type))) {
        const typePath = [...path, "type"];
        const tooNew = opts.type === "container_engine_t" && configured.includes("container_engine_t");
        ctx.report({
          messageId: tooNew ? "typeTooNew" : "type",
          data: { ...base, type: JSON.stringify(String(opts.type)), allowed: allowed.join(", "), version: ctx.kubeVersion.toString() },
          path: typePath,
          container: c,
          fix: fixes.remove(typePath, { description: "Remove the custom SELinux type", safety: "unsafe", note: REMOVE_NOTE }),
        });
      }
      for (const field of ["user", "role"] as const) {
        if (!nonEmpty(opts[field])) continue;
        const fieldPath = [...path, field];
        ctx.report({
          messageId: field,
          data: { ...base, value: JSON.stringify(String(opts[field])) },
          path: fieldPath,
          container: c,
          fix: fixes.remove(fieldPath, { description: `Remove the custom SELinux ${field}`, safety: "unsafe", note: REMOVE_NOTE }),
        });
      }
    };

    const pod = w.podSecurityContext.seLinuxOptions;
    if (pod !== undefined && pod !== null) check(pod, [...w.podSecurityContextPath, "seLinuxOptions"], undefined);
    for (const c of w.containers) {
      const s = c.effective("seLinuxOptions");
      // A value inherited from the pod was checked once, above.
      if (s.from === "container") check(s.value, s.path, c);
    }
  },
});
