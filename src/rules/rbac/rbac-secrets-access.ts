import { defineRule } from "../../engine/rule-types.js";
import { hits, kindOf, resourcePath, reviewedRole, through } from "./_rbac.js";

// get, list or watch on core `secrets` (list and watch return the Secrets' contents too). A rule restricted to
// named Secrets (resourceNames) is the narrow grant this rule recommends and is not reported.
export default defineRule({
  id: "rbac-secrets-access",
  title: "Read access to Secrets",
  rationale:
    "Secrets hold the credentials of everything in a namespace: database passwords, API keys, TLS keys and, in many clusters, " +
    "long-lived ServiceAccount tokens. A role that can read Secrets hands all of them to whoever holds the role; bound cluster-wide " +
    "it is very close to cluster-admin, because some Secret somewhere always belongs to a more powerful identity.",
  attack:
    "An attacker who compromises a pod or user holding the role lists the Secrets (one `list` returns their contents), takes the " +
    "cloud keys and tokens it finds, and uses a token of a controller or admin ServiceAccount to take over the cluster.",
  remediation:
    "Grant Secret access only to the component that needs it, only in its namespace (a Role, not a ClusterRole), and only to the " +
    "Secrets it uses: list them in `resourceNames` and allow just `get`. Prefer mounting the Secret into the pod over reading it " +
    "through the API.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: config-reader
rules:
  - apiGroups: [""]
    resources: ["configmaps", "secrets"]
    verbs: ["get", "list", "watch"]
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: config-reader
  namespace: app
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get", "list", "watch"]
  - apiGroups: [""]
    resources: ["secrets"]
    resourceNames: ["app-tls"]
    verbs: ["get"]
`,
  },
  messages: {
    readSecrets: "The {{kind}} allows {{verbs}} on Secrets{{through}}: every Secret in its scope can be read",
  },
  check(ctx) {
    const r = reviewedRole(ctx);
    if (!r) return;
    for (const h of hits(r.role, { verbs: ["get", "list", "watch"], targets: [{ group: "", resource: "secrets" }], restricted: "skip" })) {
      ctx.report({ messageId: "readSecrets", data: { kind: kindOf(r.role), verbs: h.verbs.join(", "), through: through(h) }, path: resourcePath(h) });
    }
  },
});
