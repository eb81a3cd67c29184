import { defineRule } from "../../engine/rule-types.js";
import { hits, kindOf, list, resourcePath, reviewedRole, targetsFor, through } from "./_rbac.js";

// delete or deletecollection on workloads (pods and their controllers), events (core and events.k8s.io) and
// namespaces (which deletes everything in them; a Role can delete its own namespace). Pod logs go with their pod.
// Rules limited to named objects are a deliberate, narrow grant and are not reported.
const WORKLOADS = ["pods", "deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs", "replicationcontrollers"];
const TARGETS = [
  ...targetsFor(WORKLOADS),
  { group: "", resource: "events" },
  { group: "events.k8s.io", resource: "events" },
  { group: "", resource: "namespaces" },
];

export default defineRule({
  id: "rbac-delete-resources",
  title: "Delete permissions on workloads, events or logs",
  rationale:
    "Deleting workloads takes applications down; deleting a namespace removes everything in it; deleting pods also deletes their " +
    "logs on the node, and deleting events removes the record of what happened in the cluster. These are the permissions an " +
    "attacker uses to cause damage and to cover their tracks.",
  attack:
    "An attacker with the role deletes the Deployments or the namespace of a service (denial of service, ransom), or, after " +
    "using a pod, deletes it and the events about it so that responders find no trace of the intrusion.",
  remediation:
    "Keep delete on workloads for the deployment tooling and controllers that own them, in their namespaces, and delete on events " +
    "and namespaces for cluster administrators. Ship events and logs to storage outside the cluster so that deleting them in the " +
    "cluster does not erase the evidence.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: cleaner
rules:
  - apiGroups: [""]
    resources: ["pods", "events"]
    verbs: ["get", "list", "delete"]
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: cleaner
rules:
  - apiGroups: [""]
    resources: ["pods", "events"]
    verbs: ["get", "list"]
`,
  },
  messages: {
    delete: "The {{kind}} allows {{verbs}} on {{resources}}{{through}}: its holders can destroy workloads or erase the traces of an intrusion",
  },
  check(ctx) {
    const r = reviewedRole(ctx);
    if (!r) return;
    for (const h of hits(r.role, { verbs: ["delete", "deletecollection"], targets: TARGETS, restricted: "skip" })) {
      const names = [...new Set(h.targets.map((t) => t.resource))];
      ctx.report({ messageId: "delete", data: { kind: kindOf(r.role), verbs: h.verbs.join(", "), resources: list(names, 4), through: through(h) }, path: resourcePath(h) });
    }
  },
});
