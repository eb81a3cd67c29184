import { defineRule } from "../../engine/rule-types.js";
import { SYSTEM_MASTERS } from "../../model/rbac.js";
import { reviewedBinding } from "./_rbac.js";

// Subject Group system:masters, except in Kubernetes' own default binding (cluster-admin → system:masters).
export default defineRule({
  id: "binding-to-system-masters",
  title: "Binding to system:masters",
  rationale:
    "Members of system:masters skip authorization altogether: the API server allows their requests before RBAC is consulted, so " +
    "no binding, role or webhook can restrict them, and removing a binding does not remove their power. A binding that names the " +
    "group suggests that credentials in it are being planned or relied on, and those credentials cannot be revoked short of " +
    "rotating the CA that issued them.",
  attack:
    "An attacker who obtains a certificate or token in system:masters (a leaked admin kubeconfig, an approved CSR) has unrestricted " +
    "access that no RBAC change takes back; defenders who edit bindings to contain them achieve nothing.",
  remediation:
    "Do not use system:masters for anything but the bootstrap credentials of the cluster. Create a named group for " +
    "administrators, bind it to cluster-admin (or less), and remove system:masters from this binding.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ops-admins
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: system:masters
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ops-admins
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: ops-admins
`,
  },
  messages: {
    masters: "The binding names group system:masters, whose members bypass RBAC entirely and cannot be restricted by any binding",
  },
  check(ctx) {
    const r = reviewedBinding(ctx);
    if (!r) return;
    for (const s of r.binding.subjects) {
      if (s.kind !== "Group" || s.name !== SYSTEM_MASTERS || r.binding.isDefaultGrant(s) || !s.path) continue;
      ctx.report({ messageId: "masters", path: s.path });
    }
  },
});
