import { defineRule } from "../../engine/rule-types.js";
import { ALL_UNAUTHENTICATED, ANONYMOUS_USER } from "../../model/rbac.js";
import { reviewedBinding } from "./_rbac.js";

// Subjects User system:anonymous and Group system:unauthenticated. Not reported: Kubernetes' own default grant
// of system:public-info-viewer (health and version endpoints) to system:unauthenticated, in whatever binding.
export default defineRule({
  id: "binding-to-anonymous",
  title: "Permissions granted to anonymous users",
  rationale:
    "Requests without credentials reach the API server as the user system:anonymous in the group system:unauthenticated " +
    "(anonymous authentication is on by default). A binding to either grants its role to anyone who can open a connection to " +
    "the API server, with no account, token or certificate.",
  attack:
    "An attacker who can reach the API server (often from the internet, for managed clusters) sends plain HTTPS requests and " +
    "uses whatever the binding grants: reading Secrets or ConfigMaps, listing pods, or worse.",
  remediation:
    "Remove system:anonymous and system:unauthenticated from the binding and grant the role to the authenticated users or " +
    "ServiceAccounts that need it. Consider turning anonymous authentication off, or limiting it to the health endpoints.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: public-read
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: system:unauthenticated
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: public-read
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: readers
`,
  },
  messages: {
    anonymous: "The binding grants {{role}}{{scope}} to {{subject}}: anyone who can reach the API server gets it without credentials",
  },
  check(ctx) {
    const r = reviewedBinding(ctx);
    if (!r) return;
    const b = r.binding;
    if (b.roleRef?.kind === "ClusterRole" && b.roleRef.name === "system:public-info-viewer") return;
    for (const s of b.subjects) {
      const anonymous = (s.kind === "User" && s.name === ANONYMOUS_USER) || (s.kind === "Group" && s.name === ALL_UNAUTHENTICATED);
      if (!anonymous || b.isDefaultGrant(s) || !s.path) continue;
      ctx.report({
        messageId: "anonymous",
        data: { role: `${b.roleRef?.kind ?? "role"} ${b.roleRef?.name ?? "(none)"}`, scope: b.namespace ? ` in namespace ${b.namespace}` : "", subject: `${s.kind} ${s.name}` },
        path: s.path,
      });
    }
  },
});
