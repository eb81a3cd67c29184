import { defineRule } from "../../engine/rule-types.js";
import { workloadServiceAccount } from "../../model/rbac.js";
import { isServiceAccount } from "./_sa.js";

// The workload's ServiceAccount (serviceAccountName, else the deprecated serviceAccount) is not in the scan,
// though the scan defines ServiceAccounts in the workload's namespace: the manifests manage that namespace's
// accounts, so a missing one is a typo or an account created out of band. When the scan has no ServiceAccount in
// the namespace at all, accounts are evidently managed elsewhere (a chart's "use an existing account" option, a
// platform team), and nothing is reported. Names in ignoreAccounts (exact names; "default" by default, which
// every namespace has) are never reported.
export default defineRule({
  id: "non-existent-service-account",
  title: "ServiceAccount not found",
  rationale:
    "A pod that names a ServiceAccount which does not exist is not created (the ServiceAccount admission controller rejects it), " +
    "and a workload then fails to roll out. If the account exists because someone created it by hand, the workload runs with " +
    "permissions that are not in the reviewed manifests.",
  attack:
    "An attacker or a careless operator who creates an account with the expected name outside review decides what the workload " +
    "may do; a typo in the name silently points the workload at an account meant for something else.",
  remediation:
    "Add the ServiceAccount to the manifests next to the workload, or fix the name. If the account is deliberately managed " +
    "elsewhere, add its name to the rule's ignoreAccounts parameter.",
  example: {
    insecure: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  serviceAccountName: wbe
  containers:
    - name: web
      image: registry.example/web:1.0
`,
    secure: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  serviceAccountName: web
  containers:
    - name: web
      image: registry.example/web:1.0
`,
  },
  messages: {
    missing: "ServiceAccount '{{name}}' is not in the scan, though the scan defines other ServiceAccounts in namespace {{namespace}} ({{others}})",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    const sa = workloadServiceAccount(w, ctx.defaultNamespace);
    if (ctx.params.strings("ignoreAccounts").includes(sa.name)) return;
    const inNamespace = ctx.inventory.ofKind("ServiceAccount", sa.namespace).filter(isServiceAccount);
    if (inNamespace.length === 0 || inNamespace.some((r) => r.name === sa.name)) return;
    const names = [...new Set(inNamespace.map((r) => r.name))];
    const others = names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
    ctx.report({ messageId: "missing", data: { name: sa.name, namespace: sa.namespace, others }, path: sa.path });
  },
});
