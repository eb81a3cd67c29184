import { defineRule } from "../../engine/rule-types.js";
import { isSet, requireFlags } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.16. An API server that sends its audit events to a webhook backend (--audit-webhook-config-file) does
// record them, so it is not reported; `--audit-log-path=-` (standard output) counts as set.
export default defineRule({
  id: "apiserver-audit-log-path",
  title: "API server audit logging is off",
  rationale:
    "The audit log is the record of who did what through the API: which user read which Secret, who created a privileged " +
    "pod, who changed a RoleBinding. Without --audit-log-path (or an audit webhook) the API server records nothing of it.",
  attack:
    "An attacker with stolen credentials reads Secrets, creates backdoor ServiceAccounts and exec's into pods; afterwards " +
    "nobody can tell what was accessed or changed, nor which credentials to revoke.",
  remediation:
    "Add `--audit-log-path=<file>` (on a hostPath volume) and `--audit-policy-file=<policy>` to the kube-apiserver command, " +
    "with a policy that records at least Secret access, exec/attach and RBAC changes, and ship the log off the node.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--authorization-mode=Node,RBAC"]),
    secure: staticPodYaml("kube-apiserver", ["--authorization-mode=Node,RBAC", "--audit-policy-file=/etc/kubernetes/audit/policy.yaml", "--audit-log-path=/var/log/kubernetes/audit/audit.log"]),
  },
  messages: {
    missing: "kube-apiserver in container '{{container}}' does not set {{flags}} (nor an audit webhook), so API activity is not recorded",
  },
  check(ctx) {
    requireFlags(ctx, { component: "kube-apiserver", flags: ["audit-log-path"], missing: "missing", skip: (inv) => isSet(inv, "audit-webhook-config-file") });
  },
});
