import { defineRule } from "../../engine/rule-types.js";
import { hits, resourcePath, reviewedRole, through } from "./_rbac.js";

// update or patch on certificatesigningrequests/approval (certificates.k8s.io): approving a CSR. The signer's
// own `approve` permission on `signers` is needed too, but cluster-wide grants of it are common in the roles
// that approve CSRs; the approval subresource is the part that must stay narrow (CIS 5.1.11).
export default defineRule({
  id: "rbac-csr-approval",
  title: "Approve certificate signing requests",
  rationale:
    "A CertificateSigningRequest that is approved is signed by the cluster's CA (for the built-in signers) and becomes a client " +
    "certificate the API server trusts. The name and groups in the certificate are whatever the request asked for, so approval " +
    "decides who may mint credentials for any identity, system:masters included.",
  attack:
    "An attacker with the role submits a CSR for a certificate in group system:masters (or for a node or an admin user), approves " +
    "it themselves, and logs in with the signed certificate as a cluster administrator whose access cannot be revoked short of rotating the CA.",
  remediation:
    "Leave CSR approval to the controller-manager's built-in approvers and to dedicated, reviewed tools (for example a kubelet " +
    "serving-certificate approver). Do not grant update on certificatesigningrequests/approval to general-purpose roles.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: csr-admin
rules:
  - apiGroups: ["certificates.k8s.io"]
    resources: ["certificatesigningrequests", "certificatesigningrequests/approval"]
    verbs: ["get", "list", "update"]
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: csr-admin
rules:
  - apiGroups: ["certificates.k8s.io"]
    resources: ["certificatesigningrequests"]
    verbs: ["get", "list"]
`,
  },
  messages: {
    approve: "The ClusterRole allows {{verbs}} on certificatesigningrequests/approval{{through}}: its holders can approve certificates for any identity",
  },
  check(ctx) {
    const r = reviewedRole(ctx);
    if (!r || r.role.kind !== "ClusterRole") return;
    const want = { verbs: ["update", "patch"], targets: [{ group: "certificates.k8s.io", resource: "certificatesigningrequests/approval" }], restricted: "include" as const };
    for (const h of hits(r.role, want)) {
      ctx.report({ messageId: "approve", data: { verbs: h.verbs.join(", "), through: through(h) }, path: resourcePath(h) });
    }
  },
});
