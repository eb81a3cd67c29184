import { defineRule } from "../../engine/rule-types.js";
import { hits, kindOf, resourcePath, reviewedRole, streamVerbs, through } from "./_rbac.js";

// create on pods/portforward (and get before Kubernetes 1.35, as for exec: a WebSocket session starts with GET).
export default defineRule({
  id: "rbac-port-forward",
  title: "Port-forward into pods",
  rationale:
    "`kubectl port-forward` tunnels a local port to any port of a pod through the API server. The connection does not pass " +
    "through Services, Ingresses or NetworkPolicies, so it reaches admin interfaces, databases and debug ports that the network " +
    "design keeps private.",
  attack:
    "An attacker with the role forwards a port to a database or an unauthenticated admin endpoint (metrics, debug, actuator) of a " +
    "pod in scope and uses it from their own machine, as if they were inside the cluster network.",
  remediation:
    "Remove pods/portforward from roles that do not need it; keep it for operators' break-glass roles in the namespaces they " +
    "operate, bound to people rather than workloads.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: dev
  namespace: app
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/portforward"]
    verbs: ["get", "list", "create"]
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: dev
  namespace: app
rules:
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["get", "list"]
`,
  },
  messages: {
    portForward: "The {{kind}} allows {{verbs}} on pods/portforward{{through}}: its holders can tunnel to any port of the pods in scope",
  },
  check(ctx) {
    const r = reviewedRole(ctx);
    if (!r) return;
    for (const h of hits(r.role, { verbs: streamVerbs(ctx), targets: [{ group: "", resource: "pods/portforward" }], restricted: "include" })) {
      ctx.report({ messageId: "portForward", data: { kind: kindOf(r.role), verbs: h.verbs.join(", "), through: through(h) }, path: resourcePath(h) });
    }
  },
});
