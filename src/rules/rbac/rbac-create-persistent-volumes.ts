import { defineRule } from "../../engine/rule-types.js";
import { hits, resourcePath, reviewedRole, through } from "./_rbac.js";

// create on persistentvolumes (cluster-scoped; create cannot be limited by resourceNames).
export default defineRule({
  id: "rbac-create-persistent-volumes",
  title: "Create PersistentVolumes",
  rationale:
    "A PersistentVolume can be of type hostPath, pointing at any directory of the node. Pod Security admission checks the volumes " +
    "of pods, not PersistentVolumes, so a pod that only claims a volume passes even the restricted level while mounting the node's " +
    "filesystem. Creating PersistentVolumes is a storage administrator's permission.",
  attack:
    "An attacker with the role creates a hostPath PersistentVolume for / (or /var/lib/kubelet), claims it from a pod they are " +
    "allowed to run, and reads or writes the node's files: kubelet credentials, other pods' Secrets, the container runtime's socket.",
  remediation:
    "Let PersistentVolumes be created by dynamic provisioning (StorageClasses and CSI drivers) and by storage administrators. " +
    "Remove create on persistentvolumes from application and operator roles, or restrict hostPath volumes with an admission policy.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: storage-helper
rules:
  - apiGroups: [""]
    resources: ["persistentvolumes"]
    verbs: ["get", "list", "create"]
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: storage-helper
rules:
  - apiGroups: [""]
    resources: ["persistentvolumes"]
    verbs: ["get", "list"]
`,
  },
  messages: {
    createPV: "The ClusterRole allows creating PersistentVolumes{{through}}: its holders can give pods hostPath access to nodes, unchecked by Pod Security admission",
  },
  check(ctx) {
    const r = reviewedRole(ctx);
    if (!r || r.role.kind !== "ClusterRole") return;
    for (const h of hits(r.role, { verbs: ["create"], targets: [{ group: "", resource: "persistentvolumes" }], restricted: "skip" })) {
      ctx.report({ messageId: "createPV", data: { through: through(h) }, path: resourcePath(h) });
    }
  },
});
