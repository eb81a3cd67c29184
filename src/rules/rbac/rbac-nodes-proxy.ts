import { defineRule } from "../../engine/rule-types.js";
import { hits, resourcePath, reviewedRole, through } from "./_rbac.js";

// Any verb the kubelet maps an HTTP request to (get, create, update, patch, delete) on nodes/proxy. Nodes are
// cluster-scoped, so a Role (namespaced) cannot grant this and is not reported. Rules limited to named nodes are
// reported: they still reach every pod on those nodes.
export default defineRule({
  id: "rbac-nodes-proxy",
  title: "Access to nodes/proxy",
  rationale:
    "nodes/proxy passes requests through to the kubelet API of a node. That API lists the node's pods and runs commands in " +
    "their containers; requests through it are not checked by admission control and the API audit log records only the proxy " +
    "call, not what was run. Even `get` is enough: a WebSocket exec to the kubelet starts with a GET.",
  attack:
    "An attacker with the role calls the kubelet's /exec or /run endpoint through the API server proxy (or directly on port " +
    "10250) and runs commands in any container on the node, including control-plane and system pods, without leaving an exec event.",
  remediation:
    "Remove nodes/proxy from the role. Monitoring agents need nodes/metrics and nodes/stats, not nodes/proxy; grant those " +
    "instead, and keep nodes/proxy for the API server's own kubelet client.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: metrics-agent
rules:
  - apiGroups: [""]
    resources: ["nodes", "nodes/proxy", "nodes/metrics"]
    verbs: ["get", "list", "watch"]
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: metrics-agent
rules:
  - apiGroups: [""]
    resources: ["nodes", "nodes/metrics", "nodes/stats"]
    verbs: ["get", "list", "watch"]
`,
  },
  messages: {
    nodesProxy: "The ClusterRole allows {{verbs}} on nodes/proxy{{through}}: its holders can reach the kubelet API and run commands in any pod of the nodes",
  },
  check(ctx) {
    const r = reviewedRole(ctx);
    if (!r || r.role.kind !== "ClusterRole") return;
    const want = { verbs: ["get", "create", "update", "patch", "delete"], targets: [{ group: "", resource: "nodes/proxy" }], restricted: "include" as const };
    for (const h of hits(r.role, want)) {
      ctx.report({ messageId: "nodesProxy", data: { verbs: h.verbs.join(", "), through: through(h) }, path: resourcePath(h) });
    }
  },
});
