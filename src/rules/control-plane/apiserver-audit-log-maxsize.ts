import { defineRule } from "../../engine/rule-types.js";
import { auditRetention } from "./_audit.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.19 (parameter minSizeMB, default 100). Unset or 0 rotates at lumberjack's default of 100 MB (see
// _audit.ts), so only an explicit smaller size is reported, and only when the audit log goes to a file.
export default defineRule({
  id: "apiserver-audit-log-maxsize",
  title: "Audit log files rotated too small",
  rationale:
    "--audit-log-maxsize is the size in megabytes at which the API server rotates its audit log. Small files combined with " +
    "a limited number of kept backups mean that little history survives on a busy cluster.",
  attack: "An attacker floods the API with cheap requests so the small audit files rotate quickly and the record of their actions is deleted.",
  remediation: "Set `--audit-log-maxsize` to at least 100 (this rule's default threshold) or leave it unset (100 MB), together with enough backups.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--audit-log-path=/var/log/kubernetes/audit/audit.log", "--audit-log-maxsize=10"]),
    secure: staticPodYaml("kube-apiserver", ["--audit-log-path=/var/log/kubernetes/audit/audit.log", "--audit-log-maxsize=100"]),
  },
  messages: {
    low: "kube-apiserver in container '{{container}}' sets --audit-log-maxsize={{value}}: audit log files are rotated at {{value}} MB, less than {{min}}",
  },
  check(ctx) {
    auditRetention(ctx, "audit-log-maxsize", ctx.params.number("minSizeMB"), "low");
  },
});
