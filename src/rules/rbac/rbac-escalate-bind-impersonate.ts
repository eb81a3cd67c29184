import { defineRule } from "../../engine/rule-types.js";
import { type PolicyRule, RbacModel, type RoleInfo, apiGroupMatches, resourceItemMatches, verbItemMatches } from "../../model/rbac.js";
import { kindOf, reviewedRole } from "./_rbac.js";

// escalate or bind on roles/clusterroles (rbac.authorization.k8s.io) and impersonate on users, groups or
// serviceaccounts (core group), following the RBAC escalation checks: without escalate, a subject can only create
// roles holding permissions it already has; without bind, only bindings to such roles. A Role (namespaced) can
// only grant what applies in its namespace: impersonating users and groups and escalating ClusterRoles need a
// ClusterRole. Creating bindings alone is no escalation and is not reported.
//
// resourceNames: bind/escalate limited to named roles is the recommended way to delegate role granting, and is
// reported only when a named role is cluster-admin, admin, edit or a role of the scan that allows everything;
// impersonation of named identities is always reported (the names are who can be impersonated).
const POWERFUL = new Set(["cluster-admin", "admin", "edit"]);

interface Found {
  verbIndex: number;
  verbs: Set<string>;
  resources: Set<string>;
}

export default defineRule({
  id: "rbac-escalate-bind-impersonate",
  title: "RBAC escalation verbs",
  rationale:
    "RBAC stops subjects from granting permissions they do not hold themselves, except through three verbs made for that purpose: " +
    "`escalate` (write roles with any permission), `bind` (bind any role, cluster-admin included) and `impersonate` (act as " +
    "another user, group or ServiceAccount). A role holding one of them is as powerful as the most powerful role or identity it reaches.",
  attack:
    "With bind, an attacker binds cluster-admin to themselves; with escalate, they add `*` to a role they are bound to; with " +
    "impersonate, they send requests as system:masters or as an admin user (`kubectl --as`). Each is a full takeover in one call.",
  remediation:
    "Remove escalate, bind and impersonate from roles that do not manage access. Where a tool must grant roles, allow bind only " +
    "on the specific roles it hands out (`resourceNames`); where impersonation is needed, limit it to the specific users or " +
    "ServiceAccounts with `resourceNames`.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: access-manager
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterroles", "clusterrolebindings"]
    verbs: ["get", "list", "create", "bind", "escalate"]
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: access-manager
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterrolebindings"]
    verbs: ["get", "list", "create"]
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterroles"]
    resourceNames: ["view"]
    verbs: ["bind"]
`,
  },
  messages: {
    escalation: "The {{kind}} allows {{verbs}} on {{resources}}: its holders can {{effect}}",
  },
  check(ctx) {
    const r = reviewedRole(ctx);
    if (!r) return;
    const model = r.model;
    const cluster = r.role.kind === "ClusterRole";
    const checks: { verb: string; group: string; resources: string[] }[] = [
      { verb: "escalate", group: "rbac.authorization.k8s.io", resources: cluster ? ["roles", "clusterroles"] : ["roles"] },
      { verb: "bind", group: "rbac.authorization.k8s.io", resources: ["roles", "clusterroles"] },
      { verb: "impersonate", group: "", resources: cluster ? ["users", "groups", "serviceaccounts"] : ["serviceaccounts"] },
    ];
    for (const rule of r.role.ownRules) {
      const found = new Map<number, Found>();
      for (const c of checks) {
        const verbIndex = rule.verbs.findIndex((v) => verbItemMatches(v, c.verb));
        if (verbIndex < 0 || !apiGroupMatches(rule, c.group)) continue;
        const resources = c.resources.filter((res) => rule.resources.some((item) => resourceItemMatches(item, res)));
        if (resources.length === 0) continue;
        if (rule.restricted && c.verb !== "impersonate" && !namesPowerful(rule, r.role, model)) continue;
        const f = found.get(verbIndex) ?? { verbIndex, verbs: new Set<string>(), resources: new Set<string>() };
        f.verbs.add(c.verb);
        for (const res of resources) f.resources.add(res);
        found.set(verbIndex, f);
      }
      for (const f of found.values()) {
        const effects = [
          f.verbs.has("escalate") ? "give roles permissions they do not hold" : undefined,
          f.verbs.has("bind") ? "bind roles more powerful than their own" : undefined,
          f.verbs.has("impersonate") ? "act as other identities" : undefined,
        ].filter((x) => x !== undefined);
        const names = rule.restricted ? ` (only ${rule.resourceNames.join(", ")})` : "";
        ctx.report({
          messageId: "escalation",
          data: { kind: kindOf(r.role), verbs: [...f.verbs].join(", "), resources: [...f.resources].join(", ") + names, effect: effects.join(" and ") },
          path: rule.itemPath("verbs", f.verbIndex) ?? [],
        });
      }
    }
  },
});

/** Does a bind/escalate rule restricted to named roles name a powerful one? */
function namesPowerful(rule: PolicyRule, role: RoleInfo, model: RbacModel): boolean {
  return rule.resourceNames.some((n) => {
    if (POWERFUL.has(n)) return true;
    const named = model.clusterRole(n) ?? (role.namespace !== undefined ? model.role(role.namespace, n) : undefined);
    return named?.grantsEverything === true;
  });
}
