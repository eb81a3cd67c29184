import { defineRule } from "../../engine/rule-types.js";
import { requirePlugin } from "./_flags.js";

// No CIS number in v1.12. PodSecurityPolicy was removed in Kubernetes 1.25 (an API server of 1.25+ refuses to start
// with the plugin enabled), so the rule only reports for target versions before 1.25 (--kube-version). No example:
// the rule reports nothing at the default target version.
export default defineRule({
  id: "apiserver-pod-security-policy-plugin",
  title: "PodSecurityPolicy admission plugin not enabled (Kubernetes before 1.25)",
  rationale:
    "On clusters older than Kubernetes 1.25, the PodSecurityPolicy admission plugin was the built-in way to restrict pods' " +
    "security settings; without it, PodSecurityPolicy objects exist but are not enforced.",
  attack:
    "Any user allowed to create pods runs them privileged, with host namespaces or host paths, and takes over the node, " +
    "whatever PodSecurityPolicies the cluster defines.",
  remediation:
    "On Kubernetes 1.24 or older, add PodSecurityPolicy to `--enable-admission-plugins` after creating policies and RBAC " +
    "that allow the existing workloads; better, migrate to Pod Security Admission (PodSecurity plugin, 1.23+).",
  messages: {
    off: "kube-apiserver in container '{{container}}' does not enable the {{plugin}} admission plugin ({{how}}), so PodSecurityPolicies are not enforced",
  },
  check(ctx) {
    requirePlugin(ctx, { plugin: "PodSecurityPolicy", messageId: "off", until: 25 });
  },
});
