import { defineRule } from "../../engine/rule-types.js";
import { hits, resourcePath, reviewedRole, targetNames, through } from "./_rbac.js";

// create, update, patch, delete or deletecollection on validating/mutating webhook configurations
// (admissionregistration.k8s.io). Rules limited to named configurations are reported too: whoever can update a
// webhook configuration can widen it to intercept every object, and whoever can delete it switches it off.
const GROUP = "admissionregistration.k8s.io";

export default defineRule({
  id: "rbac-admission-webhook-config",
  title: "Control over admission webhooks",
  rationale:
    "Admission webhooks see, and mutating ones may rewrite, every object sent to the API server that their rules match: Secrets, " +
    "pods, RBAC objects. Policy engines (Kyverno, Gatekeeper) and image verification are webhooks too. Control over their " +
    "configuration is control over what the cluster accepts.",
  attack:
    "An attacker with the role points a mutating webhook at their own server to receive every new Secret and to inject a " +
    "container into every pod, or deletes the policy engine's validating webhook so that privileged pods are admitted again.",
  remediation:
    "Grant write access to webhook configurations only to the component that owns them (its own configuration, by name), and to " +
    "cluster administrators. Tools that only inject CA bundles need update/patch on their named configurations, not create or delete.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: webhook-manager
rules:
  - apiGroups: ["admissionregistration.k8s.io"]
    resources: ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"]
    verbs: ["get", "list", "create", "update", "delete"]
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: webhook-manager
rules:
  - apiGroups: ["admissionregistration.k8s.io"]
    resources: ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"]
    verbs: ["get", "list", "watch"]
`,
  },
  messages: {
    webhooks: "The ClusterRole allows {{verbs}} on {{resources}}{{names}}{{through}}: its holders can intercept or switch off admission control",
  },
  check(ctx) {
    const r = reviewedRole(ctx);
    if (!r || r.role.kind !== "ClusterRole") return;
    const want = {
      verbs: ["create", "update", "patch", "delete", "deletecollection"],
      targets: [{ group: GROUP, resource: "mutatingwebhookconfigurations" }, { group: GROUP, resource: "validatingwebhookconfigurations" }],
      restricted: "include" as const,
    };
    for (const h of hits(r.role, want)) {
      const names = h.rule.restricted ? ` (named ${h.rule.resourceNames.join(", ")})` : "";
      ctx.report({ messageId: "webhooks", data: { verbs: h.verbs.join(", "), resources: targetNames(h), names, through: through(h) }, path: resourcePath(h) });
    }
  },
});
