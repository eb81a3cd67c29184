import { defineRule } from "../../engine/rule-types.js";
import { isKubernetesNetworkPolicy, networkPolicyIndex, selectsAll } from "../../model/network-policy.js";
import { formatSelector } from "../integrity/_selectors.js";

// Reports a NetworkPolicy whose podSelector matches no pod template of its namespace in the scan, and each
// `from`/`to` peer whose podSelector (without namespaceSelector, so: pods of the policy's own namespace)
// matches none. Empty selectors are meant for every pod, present and future, and are never reported; peers
// with a namespaceSelector may point at namespaces outside the scan and are not judged.
export default defineRule({
  id: "networkpolicy-selects-nothing",
  title: "NetworkPolicy selects no pods",
  rationale:
    "A NetworkPolicy acts only on the pods its podSelector matches. After a label is renamed or a typo slips in, the " +
    "policy silently selects nothing: the pods it was written for are unprotected, and a reviewer who sees the policy " +
    "believes they are isolated. A peer selector that matches nothing likewise blocks the clients it was meant to allow.",
  attack:
    "An attacker relies on the gap: the database the policy was meant to fence off accepts connections from any " +
    "compromised pod, while audits and dashboards show a policy in place.",
  remediation:
    "Compare the policy's podSelector (and its peers' podSelectors) with the labels in the pod templates of the " +
    "namespace and fix whichever side is wrong. Remove policies for workloads that no longer exist.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
        - name: db
          image: postgres:16
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db
spec:
  podSelector:
    matchLabels: {app: database}
`,
    secure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
        - name: db
          image: postgres:16
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db
spec:
  podSelector:
    matchLabels: {app: db}
`,
  },
  messages: {
    podSelector: "NetworkPolicy '{{name}}' selects {{selector}}, which no pod template in namespace '{{namespace}}' has: it protects nothing",
    peer: "This {{direction}} peer selects pods with {{selector}}, which no pod template in namespace '{{namespace}}' has",
  },
  check(ctx) {
    if (!isKubernetesNetworkPolicy(ctx.resource)) return;
    const idx = networkPolicyIndex(ctx.inventory);
    const policy = idx.policy(ctx.resource);
    if (!policy) return;
    const ns = policy.namespace;
    if (!selectsAll(policy.podSelector) && idx.selectedTemplates(policy).length === 0) {
      ctx.report({ messageId: "podSelector", data: { name: policy.name, selector: formatSelector(policy.podSelector), namespace: ns }, path: policy.podSelectorPath });
    }
    for (const rule of [...policy.ingress, ...policy.egress]) {
      for (const peer of rule.peers ?? []) {
        if (!peer.podSelector || peer.namespaceSelector || peer.ipBlock || selectsAll(peer.podSelector)) continue;
        if (idx.templatesMatching(ns, peer.podSelector).length > 0) continue;
        ctx.report({
          messageId: "peer",
          data: { direction: rule.type === "Ingress" ? "ingress" : "egress", selector: formatSelector(peer.podSelector), namespace: ns },
          path: [...peer.path, "podSelector"],
        });
      }
    }
  },
});
