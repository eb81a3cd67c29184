import { defineRule } from "../../engine/rule-types.js";
import { auditRetention } from "./_audit.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.17 (parameter minDays, default 30). Unset or 0 keeps rotated audit files regardless of age (see _audit.ts),
// so only an explicit shorter retention is reported, and only when the audit log goes to a file.
export default defineRule({
  id: "apiserver-audit-log-maxage",
  title: "Audit logs deleted too early",
  rationale:
    "--audit-log-maxage makes the API server delete rotated audit log files older than that many days. Intrusions are " +
    "often found weeks after they began; by then a short retention has already erased the record of what the attacker did.",
  attack: "An attacker who keeps a low profile for a few days knows the audit trail of their first steps (initial access, stolen credentials) will be gone before anyone looks.",
  remediation:
    "Set `--audit-log-maxage` to at least the retention the policy requires (30 days by default for this rule), or leave it " +
    "unset and ship the audit log to central storage that keeps it.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--audit-log-path=/var/log/kubernetes/audit/audit.log", "--audit-log-maxage=7"]),
    secure: staticPodYaml("kube-apiserver", ["--audit-log-path=/var/log/kubernetes/audit/audit.log", "--audit-log-maxage=30"]),
  },
  messages: {
    low: "kube-apiserver in container '{{container}}' sets --audit-log-maxage={{value}}: audit log files are deleted after {{value}} days, fewer than {{min}}",
  },
  check(ctx) {
    auditRetention(ctx, "audit-log-maxage", ctx.params.number("minDays"), "low");
  },
});
