import { defineRule } from "../../engine/rule-types.js";
import type { RuleField } from "../../model/rbac.js";
import { kindOf, reviewedRole } from "./_rbac.js";

// "*" in verbs, resources or apiGroups of a rule entry (CIS 5.1.3). One finding per rule entry, at its first
// wildcard (resources, then verbs, then apiGroups). Narrow forms such as "*/scale" are not wildcards here.
const FIELDS: readonly RuleField[] = ["resources", "verbs", "apiGroups"];

export default defineRule({
  id: "rbac-wildcard",
  title: "Wildcard in RBAC rules",
  rationale:
    "A `*` in a role grants every verb, resource or API group, including the ones that do not exist yet: when a CRD or a new " +
    "Kubernetes version adds a resource, the role silently grows. Wildcards almost always give more than the component needs, and " +
    "they hide dangerous permissions (Secrets, pods/exec, escalate, impersonate) in a rule nobody reads twice.",
  attack:
    "An attacker who gets the credentials of a subject bound to a wildcard role uses whatever the wildcard covers: reads Secrets, " +
    "execs into pods, creates bindings or impersonates users, none of which the role's author meant to allow.",
  remediation:
    "List the API groups, resources and verbs the component really uses (its documentation, or the API audit log, tells you " +
    "which). Keep a wildcard only for tools whose job is to manage everything, and bind those narrowly.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: deployer
  namespace: app
rules:
  - apiGroups: ["apps"]
    resources: ["*"]
    verbs: ["*"]
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: deployer
  namespace: app
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["get", "list", "watch", "update", "patch"]
`,
  },
  messages: {
    wildcard: "The {{kind}} uses the wildcard * in {{fields}} of a rule: it grants {{what}}, including resources added later",
  },
  check(ctx) {
    const r = reviewedRole(ctx);
    if (!r) return;
    for (const rule of r.role.ownRules) {
      const wild = FIELDS.filter((f) => rule[f].includes("*"));
      const first = wild[0];
      if (first === undefined) continue;
      const what = [
        rule.verbs.includes("*") ? "every verb" : undefined,
        rule.resources.includes("*") ? "every resource" : undefined,
        rule.apiGroups.includes("*") ? "every API group" : undefined,
      ].filter((x) => x !== undefined).join(", ");
      ctx.report({
        messageId: "wildcard",
        data: { kind: kindOf(r.role), fields: wild.length > 1 ? `${wild.slice(0, -1).join(", ")} and ${wild[wild.length - 1]}` : first, what },
        path: rule.itemPath(first, rule[first].indexOf("*")) ?? [],
      });
    }
  },
});
