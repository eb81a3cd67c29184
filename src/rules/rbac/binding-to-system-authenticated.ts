import { defineRule } from "../../engine/rule-types.js";
import { ALL_AUTHENTICATED } from "../../model/rbac.js";
import { reviewedBinding } from "./_rbac.js";

// Subject Group system:authenticated, unless the binding names a ClusterRole of the allowedRoles parameter (by
// default the discovery roles Kubernetes itself grants to every authenticated user).
export default defineRule({
  id: "binding-to-system-authenticated",
  title: "Permissions granted to all authenticated users",
  rationale:
    "system:authenticated holds every identity the API server accepts: every user of every identity provider configured, and " +
    "every ServiceAccount of every namespace. On managed clusters it can even include any account of the cloud provider. A " +
    "binding to it grants the role to every person and every pod.",
  attack:
    "An attacker who compromises any pod (its ServiceAccount token is an authenticated identity) or any low-privilege account " +
    "uses the role the binding grants, which was meant for a few people.",
  remediation:
    "Bind the role to the specific groups, users or ServiceAccounts that need it. If every workload of a namespace needs it, " +
    "bind the group system:serviceaccounts:<namespace> in a RoleBinding instead.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: everyone-can-view
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: system:authenticated
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: everyone-can-view
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: platform-team
`,
  },
  messages: {
    authenticated: "The binding grants {{role}}{{scope}} to group system:authenticated: every user and every ServiceAccount gets it",
  },
  check(ctx) {
    const r = reviewedBinding(ctx);
    if (!r) return;
    const b = r.binding;
    if (b.roleRef?.kind === "ClusterRole" && ctx.params.strings("allowedRoles").includes(b.roleRef.name)) return;
    for (const s of b.subjects) {
      if (s.kind !== "Group" || s.name !== ALL_AUTHENTICATED || b.isDefaultGrant(s) || !s.path) continue;
      ctx.report({
        messageId: "authenticated",
        data: { role: `${b.roleRef?.kind ?? "role"} ${b.roleRef?.name ?? "(none)"}`, scope: b.namespace ? ` in namespace ${b.namespace}` : "" },
        path: s.path,
      });
    }
  },
});
