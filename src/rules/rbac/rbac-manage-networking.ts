import { defineRule } from "../../engine/rule-types.js";
import { hits, kindOf, list, resourcePath, reviewedRole, through } from "./_rbac.js";

// create/update/patch on Services, Endpoints, EndpointSlices and NetworkPolicies (delete too for NetworkPolicies,
// which removes isolation), and update/patch on services/status (a LoadBalancer's status.ingress IP, the
// CVE-2020-8554 path). Rules limited to named objects are not reported.
const CHANGE = { verbs: ["create", "update", "patch"], targets: [
  { group: "", resource: "services" },
  { group: "", resource: "endpoints" },
  { group: "discovery.k8s.io", resource: "endpointslices" },
  { group: "networking.k8s.io", resource: "networkpolicies" },
  { group: "extensions", resource: "networkpolicies" },
], restricted: "skip" as const };
const DELETE_POLICIES = { verbs: ["delete", "deletecollection"], targets: [
  { group: "networking.k8s.io", resource: "networkpolicies" },
  { group: "extensions", resource: "networkpolicies" },
], restricted: "skip" as const };
const STATUS = { verbs: ["update", "patch"], targets: [{ group: "", resource: "services/status" }], restricted: "skip" as const };

export default defineRule({
  id: "rbac-manage-networking",
  title: "Write access to network objects",
  rationale:
    "Services, Endpoints and EndpointSlices decide where traffic for a name goes, and NetworkPolicies decide which pods may talk " +
    "to each other. Whoever can write them can redirect a service's traffic (for example with externalIPs, CVE-2020-8554, or " +
    "hand-written Endpoints pointing anywhere, CVE-2021-25740) or remove the isolation between workloads.",
  attack:
    "An attacker with the role creates a Service with an externalIP equal to an internal or external address, so that traffic " +
    "to it from the cluster reaches their pod; or deletes the NetworkPolicy that kept their compromised pod away from the database.",
  remediation:
    "Keep write access to Services, Endpoints, EndpointSlices and NetworkPolicies for deployment tooling and the controllers that " +
    "own them. Block Service externalIPs with an admission policy (DenyServiceExternalIPs) and do not grant endpoints or " +
    "endpointslices write access to users.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: app-operator
  namespace: app
rules:
  - apiGroups: ["networking.k8s.io"]
    resources: ["networkpolicies"]
    verbs: ["get", "list", "create", "delete"]
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: app-operator
  namespace: app
rules:
  - apiGroups: ["networking.k8s.io"]
    resources: ["networkpolicies"]
    verbs: ["get", "list"]
`,
  },
  messages: {
    writeNetwork: "The {{kind}} allows {{verbs}} on {{resources}}{{through}}: its holders can redirect traffic or remove network isolation",
  },
  check(ctx) {
    const r = reviewedRole(ctx);
    if (!r) return;
    const seen = new Map<string, { order: number; path: (string | number)[]; verbs: Set<string>; resources: Set<string>; through: string }>();
    for (const want of [CHANGE, DELETE_POLICIES, STATUS]) {
      for (const h of hits(r.role, want)) {
        const key = `${h.rule.index}:${h.resourceIndex}`;
        const entry = seen.get(key) ?? { order: h.rule.index * 10000 + h.resourceIndex, path: [...resourcePath(h)], verbs: new Set<string>(), resources: new Set<string>(), through: through(h) };
        for (const v of h.verbs) entry.verbs.add(v);
        for (const t of h.targets) entry.resources.add(t.resource);
        seen.set(key, entry);
      }
    }
    for (const e of [...seen.values()].sort((a, b) => a.order - b.order)) {
      ctx.report({ messageId: "writeNetwork", data: { kind: kindOf(r.role), verbs: [...e.verbs].join(", "), resources: list([...e.resources], 4), through: e.through }, path: e.path });
    }
  },
});
