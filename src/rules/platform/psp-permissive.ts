import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray, asInt, truthy } from "../../model/values.js";

const SECCOMP_DEFAULT = "seccomp.security.alpha.kubernetes.io/defaultProfileName";

// PodSecurityPolicy (policy/v1beta1, extensions/v1beta1; removed in Kubernetes 1.25). Semantics from the
// PodSecurityPolicySpec API: allowPrivilegeEscalation defaults to true when unset; runAsUser.rule MustRunAs
// admits the UIDs of its ranges, RunAsAny admits any UID (root included); capabilities in allowedCapabilities
// may be added by pods, those in defaultAddCapabilities are added to every pod.
export default defineRule({
  id: "psp-permissive",
  title: "Permissive PodSecurityPolicy",
  rationale:
    "A PodSecurityPolicy was the admission rule that decided which pod settings were allowed. A policy that allows privileged " +
    "pods, the node's namespaces, privilege escalation, root users, added capabilities or no seccomp profile protects little. " +
    "PodSecurityPolicy was removed in Kubernetes 1.25, so these objects also show a cluster that still relies on a retired control.",
  attack:
    "Anyone allowed to use the policy creates a pod with the loosest settings it admits — privileged, in the host's PID or " +
    "network namespace, running as root with extra capabilities — and escapes to the node.",
  remediation:
    "Tighten the policy (privileged, hostPID, hostIPC and hostNetwork false, allowPrivilegeEscalation false, runAsUser " +
    "MustRunAsNonRoot, requiredDropCapabilities [ALL], a runtime/default seccomp profile), and plan the move to Pod Security " +
    "Admission (namespace labels such as pod-security.kubernetes.io/enforce: restricted) before upgrading past 1.24.",
  example: {
    insecure: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: loose
spec:
  privileged: true
  allowPrivilegeEscalation: false
  requiredDropCapabilities: [ALL]
  runAsUser:
    rule: MustRunAsNonRoot
  seLinux:
    rule: RunAsAny
  supplementalGroups:
    rule: RunAsAny
  fsGroup:
    rule: RunAsAny
`,
    secure: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: loose
  annotations:
    seccomp.security.alpha.kubernetes.io/defaultProfileName: runtime/default
spec:
  privileged: false
  allowPrivilegeEscalation: false
  requiredDropCapabilities: [ALL]
  runAsUser:
    rule: MustRunAsNonRoot
  seLinux:
    rule: RunAsAny
  supplementalGroups:
    rule: RunAsAny
  fsGroup:
    rule: RunAsAny
`,
  },
  messages: {
    privileged: "PodSecurityPolicy '{{name}}' allows privileged containers",
    hostNamespace: "PodSecurityPolicy '{{name}}' allows pods to share the node's {{namespace}} namespace ({{field}}: true)",
    privilegeEscalation: "PodSecurityPolicy '{{name}}' allows privilege escalation{{why}}",
    rootUser: "PodSecurityPolicy '{{name}}' allows containers to run as root ({{why}})",
    addedCapabilities: "PodSecurityPolicy '{{name}}' {{how}} capabilities: {{caps}}",
    capabilitiesNotDropped: "PodSecurityPolicy '{{name}}' does not require dropping ALL capabilities{{netRaw}}",
    noSeccomp: "PodSecurityPolicy '{{name}}' {{why}}, so pods run without a seccomp profile unless they ask for one",
  },
  check(ctx) {
    const r = ctx.resource;
    const spec = isObject(r.object.spec) ? r.object.spec : {};
    const name = r.name;

    if (truthy(spec.privileged)) {
      const path = ["spec", "privileged"];
      ctx.report({
        messageId: "privileged",
        data: { name },
        path,
        fix: fixes.set(path, false, {
          description: "Set privileged to false",
          safety: "unsafe",
          note: "Pods that need privileged mode and use this policy are no longer admitted; check which service accounts use it.",
        }),
      });
    }

    for (const [field, namespace] of [["hostPID", "process"], ["hostIPC", "IPC"], ["hostNetwork", "network"]] as const) {
      if (!truthy(spec[field])) continue;
      const path = ["spec", field];
      ctx.report({
        messageId: "hostNamespace",
        data: { name, field, namespace },
        path,
        fix: fixes.set(path, false, {
          description: `Set ${field} to false`,
          safety: "unsafe",
          note: "Pods that use the node's namespaces under this policy (node agents, CNI) are no longer admitted.",
        }),
      });
    }

    if (spec.allowPrivilegeEscalation !== false) {
      const path = ["spec", "allowPrivilegeEscalation"];
      const unset = spec.allowPrivilegeEscalation === undefined || spec.allowPrivilegeEscalation === null;
      ctx.report({
        messageId: "privilegeEscalation",
        data: { name, why: unset ? " (allowPrivilegeEscalation is unset, which means true)" : "" },
        path,
        fix: fixes.set(path, false, {
          description: "Set allowPrivilegeEscalation to false",
          safety: "unsafe",
          note: "Pods that set allowPrivilegeEscalation: true (or run setuid binaries such as sudo) are no longer admitted.",
        }),
      });
    }

    const runAsUser = isObject(spec.runAsUser) ? spec.runAsUser : undefined;
    const rule = runAsUser?.rule;
    if (rule === "RunAsAny" || rule === undefined || rule === null) {
      ctx.report({
        messageId: "rootUser",
        data: { name, why: rule === "RunAsAny" ? "runAsUser.rule is RunAsAny" : "no runAsUser rule" },
        path: ["spec", "runAsUser", "rule"],
      });
    } else if (rule === "MustRunAs") {
      const ranges = asArray(runAsUser?.ranges);
      const rootRange = ranges.findIndex((x) => isObject(x) && (asInt(x.min) ?? 0) <= 0);
      if (ranges.length === 0) {
        ctx.report({ messageId: "rootUser", data: { name, why: "runAsUser MustRunAs has no ranges" }, path: ["spec", "runAsUser", "ranges"] });
      } else if (rootRange >= 0) {
        ctx.report({ messageId: "rootUser", data: { name, why: "a runAsUser range starts at UID 0" }, path: ["spec", "runAsUser", "ranges", rootRange, "min"] });
      }
    }

    for (const [field, how] of [["allowedCapabilities", "lets pods add"], ["defaultAddCapabilities", "adds to every pod the"]] as const) {
      const caps = asArray(spec[field]).filter((c): c is string => typeof c === "string");
      if (caps.length === 0) continue;
      ctx.report({ messageId: "addedCapabilities", data: { name, how, caps: caps.join(", ") }, path: ["spec", field] });
    }

    const drop = asArray(spec.requiredDropCapabilities).filter((c): c is string => typeof c === "string").map((c) => c.toUpperCase());
    if (!drop.includes("ALL")) {
      const path = ["spec", "requiredDropCapabilities"];
      const netRaw = drop.includes("NET_RAW") || drop.includes("CAP_NET_RAW") ? "" : ", not even NET_RAW (which allows spoofed packets)";
      ctx.report({
        messageId: "capabilitiesNotDropped",
        data: { name, netRaw },
        path,
        fix: fixes.set(path, ["ALL"], {
          description: "Require dropping ALL capabilities",
          safety: "unsafe",
          note: "Containers that rely on default capabilities (CHOWN, SETUID, NET_BIND_SERVICE, …) stop working unless they add them back and the policy allows it.",
        }),
      });
    }

    const annotations = r.annotations();
    const profile = annotations[SECCOMP_DEFAULT];
    if (profile === undefined || !/^(runtime\/default|docker\/default|localhost\/.+)$/.test(profile.trim())) {
      const path = ["metadata", "annotations", SECCOMP_DEFAULT];
      ctx.report({
        messageId: "noSeccomp",
        data: { name, why: profile === undefined ? "sets no default seccomp profile" : `sets the default seccomp profile '${profile}'` },
        path,
        fix: fixes.set(path, "runtime/default", {
          description: "Default to the runtime/default seccomp profile",
          safety: "unsafe",
          note: "The container runtime's default profile blocks rarely used system calls; programs that need one of them fail until given a custom profile.",
        }),
      });
    }
  },
});
