import { defineRule } from "../../engine/rule-types.js";
import { hits, kindOf, resourcePath, reviewedRole, streamVerbs, targetNames, through } from "./_rbac.js";

// create on pods/exec or pods/attach opens a session in a running container; so does `get` before Kubernetes
// 1.35 (a WebSocket session starts with GET; AuthorizePodWebsocketUpgradeCreatePermission, on by default from
// 1.35, also requires create). update/patch on pods/ephemeralcontainers adds a debug container to a running pod,
// which is the same power. Rules restricted to named pods are reported too: they still open a shell in those pods.
export default defineRule({
  id: "rbac-pod-exec-attach",
  title: "Exec or attach into pods",
  rationale:
    "`kubectl exec` and `kubectl attach` give a shell or the console of a running container. Whoever can do it acts as that " +
    "container: with its ServiceAccount token, its mounted Secrets, its network access and its files. It also bypasses whatever " +
    "the application checks, and what is typed in the session is not in the API audit log.",
  attack:
    "An attacker with the role execs into the most privileged pod in scope (a controller, a database, a CI runner), reads its " +
    "token and Secrets from the filesystem, and continues with that pod's permissions.",
  remediation:
    "Remove exec and attach from roles that do not need interactive access. Keep them for break-glass roles of operators, bound " +
    "to people rather than workloads, in the namespaces they operate, and audit their use.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: support
  namespace: app
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log", "pods/exec"]
    verbs: ["get", "list", "create"]
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: support
  namespace: app
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log"]
    verbs: ["get", "list"]
`,
  },
  messages: {
    exec: "The {{kind}} allows {{verbs}} on {{resources}}{{through}}: its holders can run commands in the pods in scope",
    ephemeral: "The {{kind}} allows {{verbs}} on pods/ephemeralcontainers{{through}}: its holders can add a container of their choice to running pods",
  },
  check(ctx) {
    const r = reviewedRole(ctx);
    if (!r) return;
    const targets = [{ group: "", resource: "pods/exec" }, { group: "", resource: "pods/attach" }];
    const reported = new Set<string>();
    for (const h of hits(r.role, { verbs: streamVerbs(ctx), targets, restricted: "include" })) {
      reported.add(`${h.rule.index}:${h.resourceIndex}`);
      ctx.report({ messageId: "exec", data: { kind: kindOf(r.role), verbs: h.verbs.join(", "), resources: targetNames(h), through: through(h) }, path: resourcePath(h) });
    }
    for (const h of hits(r.role, { verbs: ["update", "patch"], targets: [{ group: "", resource: "pods/ephemeralcontainers" }], restricted: "include" })) {
      if (reported.has(`${h.rule.index}:${h.resourceIndex}`)) continue;
      ctx.report({ messageId: "ephemeral", data: { kind: kindOf(r.role), verbs: h.verbs.join(", "), through: through(h) }, path: resourcePath(h) });
    }
  },
});
