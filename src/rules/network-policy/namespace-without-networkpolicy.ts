import { defineRule } from "../../engine/rule-types.js";
import { networkPolicyIndex } from "../../model/network-policy.js";

// Reports a Namespace object of the scan that no Kubernetes NetworkPolicy of the scan lives in. CNI-specific
// namespaced policies (Cilium, Calico, Antrea) in the namespace count as policies; cluster-wide ones
// (CiliumClusterwideNetworkPolicy, Calico GlobalNetworkPolicy, AdminNetworkPolicy) may cover any namespace,
// so with one in the scan nothing is reported.
export default defineRule({
  id: "namespace-without-networkpolicy",
  title: "Namespace without NetworkPolicies",
  rationale:
    "NetworkPolicies are namespaced: each namespace needs its own. In a namespace without any, every pod accepts " +
    "connections from every pod of the cluster and can connect anywhere, including the cloud metadata endpoint and " +
    "the internet. A default-deny policy per namespace is the baseline that CIS and the NSA hardening guide ask for.",
  attack:
    "From any compromised pod an attacker maps the namespace's Services and pods and connects to them freely, and " +
    "from inside the namespace sends stolen data out to any address. Nothing in the network stops lateral movement.",
  remediation:
    "Add at least a default-deny NetworkPolicy to the namespace (`podSelector: {}` with `policyTypes: [Ingress, Egress]` " +
    "and no rules), then one allow policy per workload for the traffic it needs (remember DNS egress).",
  example: {
    insecure: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
`,
    secure: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`,
  },
  messages: {
    noPolicy: "Namespace '{{namespace}}' has no NetworkPolicy: its pods accept and send any traffic",
  },
  check(ctx) {
    const r = ctx.resource;
    if (r.kind !== "Namespace" || r.apiVersion !== "v1" || r.name === "") return;
    const idx = networkPolicyIndex(ctx.inventory);
    if (idx.inNamespace(r.name).length > 0 || idx.hasUnevaluatedPolicies(r.name)) return;
    ctx.report({ messageId: "noPolicy", data: { namespace: r.name }, path: ["metadata", "name"] });
  },
});
