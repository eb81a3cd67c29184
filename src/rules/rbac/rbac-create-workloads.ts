import { defineRule } from "../../engine/rule-types.js";
import { hits, kindOf, list, resourcePath, reviewedRole, targetsFor, through } from "./_rbac.js";

// create (or "*") on pods or pod controllers, from the workloadResources parameter, each in the API groups it
// lives in (a name the table does not know matches in any group). Rules restricted by resourceNames never allow
// create and are not reported. update/patch of controllers is not reported here.
export default defineRule({
  id: "rbac-create-workloads",
  title: "Permission to create workloads",
  rationale:
    "Whoever can create a pod chooses what runs in it: any ServiceAccount of the namespace (and so its token and permissions), " +
    "any Secret or ConfigMap mounted as a volume, and, where Pod Security admission does not stop it, privileged containers and " +
    "host paths. Creating Deployments, DaemonSets, Jobs and the like is the same power one step removed.",
  attack:
    "An attacker holding the role starts a pod that runs as the namespace's most powerful ServiceAccount and prints its token, or " +
    "mounts every Secret, or (without Pod Security admission) mounts the node's root filesystem and escapes to the node.",
  remediation:
    "Give create on workloads only to deployment tooling (CI, GitOps controllers) and operators that need it, in the namespaces " +
    "they manage. Enforce Pod Security admission (baseline or restricted) in those namespaces so that created pods cannot be privileged.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: job-runner
rules:
  - apiGroups: ["batch"]
    resources: ["jobs"]
    verbs: ["create", "get", "list"]
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: job-runner
rules:
  - apiGroups: ["batch"]
    resources: ["jobs"]
    verbs: ["get", "list"]
`,
  },
  messages: {
    createWorkloads: "The {{kind}} allows creating {{resources}}{{through}}: its holders can run pods with any ServiceAccount or Secret in scope",
  },
  check(ctx) {
    const r = reviewedRole(ctx);
    if (!r) return;
    const targets = targetsFor(ctx.params.strings("workloadResources"));
    for (const h of hits(r.role, { verbs: ["create"], targets, restricted: "skip" })) {
      const names = [...new Set(h.targets.map((t) => t.resource))];
      ctx.report({ messageId: "createWorkloads", data: { kind: kindOf(r.role), resources: list(names, 4), through: through(h) }, path: resourcePath(h) });
    }
  },
});
