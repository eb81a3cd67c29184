import { defineRule } from "../../engine/rule-types.js";
import { auditRetention } from "./_audit.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.18 (parameter minBackups, default 10). Unset or 0 keeps every rotated audit file (see _audit.ts), so only
// an explicit smaller number is reported, and only when the audit log goes to a file.
export default defineRule({
  id: "apiserver-audit-log-maxbackup",
  title: "Too few rotated audit log files kept",
  rationale:
    "--audit-log-maxbackup makes the API server keep only that many rotated audit log files and delete older ones. On a " +
    "busy cluster a handful of files may cover only hours of activity.",
  attack: "An attacker generates a burst of harmless API requests to rotate the log several times, pushing the record of their real actions out of the kept files.",
  remediation: "Set `--audit-log-maxbackup` to at least 10 (this rule's default threshold), or leave it unset and ship the audit log to central storage.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--audit-log-path=/var/log/kubernetes/audit/audit.log", "--audit-log-maxbackup=3"]),
    secure: staticPodYaml("kube-apiserver", ["--audit-log-path=/var/log/kubernetes/audit/audit.log", "--audit-log-maxbackup=10"]),
  },
  messages: {
    low: "kube-apiserver in container '{{container}}' sets --audit-log-maxbackup={{value}}: only {{value}} rotated audit log files are kept, fewer than {{min}}",
  },
  check(ctx) {
    auditRetention(ctx, "audit-log-maxbackup", ctx.params.number("minBackups"), "low");
  },
});
