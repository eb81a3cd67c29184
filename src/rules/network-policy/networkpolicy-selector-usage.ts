import { defineRule } from "../../engine/rule-types.js";
import { type PolicyType, isKubernetesNetworkPolicy, readNetworkPolicy, rulesFor, selectsAll } from "../../model/network-policy.js";

// Reports NetworkPolicies that look like isolation but admit broad access:
// - `broadTarget`: the podSelector is empty (or missing, which the API server reads as empty), so the policy
//   applies to every pod of the namespace, and it has at least one allow rule for one of its effective types.
//   Default-deny policies (empty selector, no rules) are what an empty selector is for and are not reported.
// - `allNamespaces`: a peer with `namespaceSelector: {}` and no (or an empty) podSelector: every pod of every namespace.
// A rule without peers (`- {}`, or only ports) is the documented idiom for "allow all" and is not reported:
// it states its breadth openly.
// Rules of a type the policy does not have (ingress rules of an Egress-only policy) are ignored, as Kubernetes does.
export default defineRule({
  id: "networkpolicy-selector-usage",
  title: "Overly broad NetworkPolicy",
  rationale:
    "Empty selectors in a NetworkPolicy mean \"everything\": `podSelector: {}` applies the policy's allow rules to " +
    "every pod of the namespace, present and future, and `namespaceSelector: {}` admits pods of every namespace. " +
    "Such a policy looks like isolation in a review but opens far more than the one workload it was written for.",
  attack:
    "An attacker who compromises a pod anywhere in the cluster uses a rule that allows all namespaces to reach " +
    "workloads the team believed were fenced off; a broad allow applied with an empty podSelector also opens new, " +
    "sensitive workloads the moment they are deployed into the namespace.",
  remediation:
    "Select the pods the policy is for with specific labels, and name the peers it should admit (a namespace by its " +
    "`kubernetes.io/metadata.name` label, pods by their labels). Keep empty podSelectors for default-deny policies " +
    "without rules.",
  example: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-monitoring
spec:
  podSelector: {}
  ingress:
    - from:
        - namespaceSelector: {}
`,
    secure: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-monitoring
spec:
  podSelector:
    matchLabels: {app: api}
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: monitoring
`,
  },
  messages: {
    broadTarget: "NetworkPolicy '{{name}}' applies its allow rules ({{types}}) to every pod of the namespace (empty podSelector)",
    allNamespaces: "This {{direction}} peer admits every pod of every namespace (empty namespaceSelector), {{ports}}",
  },
  check(ctx) {
    const r = ctx.resource;
    if (!isKubernetesNetworkPolicy(r)) return;
    const policy = readNetworkPolicy(r, ctx.inventory.namespaceOf(r) ?? ctx.defaultNamespace);
    const allowing: PolicyType[] = (["Ingress", "Egress"] as const).filter((t) => (rulesFor(policy, t)?.length ?? 0) > 0);
    if (selectsAll(policy.podSelector) && allowing.length > 0) {
      ctx.report({ messageId: "broadTarget", data: { name: policy.name, types: allowing.join(", ").toLowerCase() }, path: policy.podSelectorPath });
    }
    for (const type of ["Ingress", "Egress"] as const) {
      const direction = type.toLowerCase();
      for (const rule of rulesFor(policy, type) ?? []) {
        const ports = rule.ports
          ? `on port${rule.ports.length > 1 ? "s" : ""} ${rule.ports.map((p) => `${p.port ?? "*"}${p.endPort !== undefined ? `-${p.endPort}` : ""}/${p.protocol}`).join(", ")}`
          : "on every port";
        for (const peer of rule.peers ?? []) {
          if (selectsAll(peer.namespaceSelector) && (peer.podSelector === undefined || selectsAll(peer.podSelector))) {
            ctx.report({ messageId: "allNamespaces", data: { direction, ports }, path: [...peer.path, "namespaceSelector"] });
          }
        }
      }
    }
  },
});
