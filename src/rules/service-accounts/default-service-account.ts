import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { RbacModel, parseServiceAccountUser, tokenMount, workloadServiceAccount } from "../../model/rbac.js";
import { isServiceAccount } from "./_sa.js";

// Three places (CIS 5.1.5):
//  - a workload whose pods run as their namespace's "default" ServiceAccount (serviceAccountName "default", or
//    unset) and get its token; with no token mounted the default account is not actively used;
//  - the ServiceAccount "default" itself when it does not set automountServiceAccountToken: false;
//  - a RoleBinding/ClusterRoleBinding subject that is a "default" ServiceAccount (also as the user
//    system:serviceaccount:<ns>:default).
export default defineRule({
  id: "default-service-account",
  title: "Default ServiceAccount used",
  rationale:
    "Every namespace has a ServiceAccount named default, used by every pod that does not name another. Permissions given to it " +
    "reach all those pods at once, including ones added later by other teams, and its use makes it impossible to tell workloads " +
    "apart in audit logs or to grant one of them something without granting all.",
  attack:
    "An attacker who compromises any pod of the namespace that runs as default gets the default account's token and whatever was " +
    "bound to it for some other workload's sake.",
  remediation:
    "Create a ServiceAccount per workload and set serviceAccountName. Set automountServiceAccountToken: false on the default " +
    "ServiceAccount of each namespace, and bind roles to the dedicated accounts, never to default.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example/web:1.0
`,
    secure: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      serviceAccountName: web
      containers:
        - name: web
          image: registry.example/web:1.0
`,
  },
  messages: {
    workloadExplicit: "The pods run as the namespace's default ServiceAccount and get its token",
    workloadUnset: "No serviceAccountName is set, so the pods run as the namespace's default ServiceAccount and get its token",
    serviceAccount: "The default ServiceAccount does not set automountServiceAccountToken: false, so every pod that does not choose an account gets its token",
    binding: "The binding grants {{role}} to the default ServiceAccount of namespace {{namespace}}, and so to every pod there that does not choose an account",
  },
  check(ctx) {
    const r = ctx.resource;
    if (isServiceAccount(r)) {
      if (r.name !== "default" || r.object.automountServiceAccountToken === false) return;
      const path = ["automountServiceAccountToken"];
      ctx.report({
        messageId: "serviceAccount",
        path,
        fix: fixes.set(path, false, {
          description: "Set automountServiceAccountToken to false on the default ServiceAccount",
          safety: "unsafe",
          note: "Pods that run as default and call the Kubernetes API lose their token; give them their own ServiceAccount first.",
        }),
      });
      return;
    }
    if (r.kind === "RoleBinding" || r.kind === "ClusterRoleBinding") {
      const b = RbacModel.of(ctx.inventory).bindingOf(r);
      if (!b) return;
      for (const s of b.subjects) {
        const sa = s.kind === "ServiceAccount" ? { namespace: s.namespace ?? "", name: s.name } : s.kind === "User" ? parseServiceAccountUser(s.name) : undefined;
        if (!sa || sa.name !== "default" || !s.path) continue;
        ctx.report({ messageId: "binding", data: { role: `${b.roleRef?.kind ?? "role"} ${b.roleRef?.name ?? "(none)"}`, namespace: sa.namespace }, path: s.path });
      }
      return;
    }
    const w = ctx.workload;
    if (!w) return;
    const sa = workloadServiceAccount(w, ctx.defaultNamespace);
    if (sa.name !== "default" || !tokenMount(w, ctx.inventory).mounted) return;
    ctx.report({ messageId: sa.from === "unset" ? "workloadUnset" : "workloadExplicit", path: sa.path });
  },
});
