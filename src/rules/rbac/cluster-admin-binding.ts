import { defineRule } from "../../engine/rule-types.js";
import { describeSubject } from "../../model/rbac.js";
import { list, reviewedBinding } from "./_rbac.js";

// A binding whose roleRef names a ClusterRole of the adminRoles parameter (cluster-admin), or a ClusterRole of the
// scan that allows every verb (or the seven read/write verbs) on every resource of every API group: cluster-admin
// under another name. A RoleBinding grants it in its namespace only, which is still full control of that
// namespace. Kubernetes' own default binding (cluster-admin → group system:masters) and bindings without
// subjects grant nothing new and are not reported.
export default defineRule({
  id: "cluster-admin-binding",
  title: "cluster-admin granted",
  rationale:
    "cluster-admin allows every action on every resource, in every namespace when bound by a ClusterRoleBinding. Its holders " +
    "can read every Secret, run anything anywhere and grant themselves or others anything. Few people and almost no workloads " +
    "need it; each extra subject is one more way to lose the whole cluster.",
  attack:
    "An attacker who compromises any subject of the binding (a CI token, a developer's kubeconfig, the ServiceAccount of a pod " +
    "with a vulnerability) has full control: they read all Secrets, deploy privileged pods on every node and create their own admin accounts.",
  remediation:
    "Bind a role that grants what the subject needs: `admin` or `edit` in specific namespaces (RoleBinding) for people, a " +
    "purpose-built role for workloads. Keep cluster-admin for a small break-glass group, and prefer short-lived access to it.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci-deployer
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: ServiceAccount
    name: deployer
    namespace: ci
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ci-deployer
  namespace: app
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: edit
subjects:
  - kind: ServiceAccount
    name: deployer
    namespace: ci
`,
  },
  messages: {
    clusterAdmin: "The binding grants the ClusterRole {{role}} cluster-wide to {{subjects}}: full control of the cluster",
    namespaceAdmin: "The binding grants the ClusterRole {{role}} in namespace {{namespace}} to {{subjects}}: full control of that namespace",
    equivalent: "The binding grants {{role}}, which allows every verb on every resource of every API group, to {{subjects}}{{scope}}: the power of cluster-admin",
  },
  check(ctx) {
    const r = reviewedBinding(ctx);
    if (!r) return;
    const b = r.binding;
    const ref = b.roleRef;
    if (!ref) return;
    const subjects = b.subjects.filter((s) => !b.isDefaultGrant(s));
    if (subjects.length === 0) return;
    const who = list(subjects.map(describeSubject));
    const path = ["roleRef", "name"];
    if (ref.kind === "ClusterRole" && ctx.params.strings("adminRoles").includes(ref.name)) {
      if (b.kind === "ClusterRoleBinding") ctx.report({ messageId: "clusterAdmin", data: { role: ref.name, subjects: who }, path });
      else ctx.report({ messageId: "namespaceAdmin", data: { role: ref.name, namespace: b.namespace ?? "", subjects: who }, path });
      return;
    }
    // A ClusterRole of the scan (not a default role) that allows everything.
    if (ref.kind === "ClusterRole" && b.role && !b.role.builtin && b.role.grantsEverything) {
      const scope = b.kind === "RoleBinding" ? ` in namespace ${b.namespace ?? ""}` : "";
      ctx.report({ messageId: "equivalent", data: { role: `ClusterRole ${ref.name}`, subjects: who, scope }, path });
    }
  },
});
