import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./networkpolicy-selector-usage.js";

const netpol = (spec: object, metadata: object = {}): object => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name: "np", ...metadata },
  spec,
});
const app = (v: string) => ({ matchLabels: { app: v } });

ruleTester(rule, {
  valid: [
    { name: "default deny for ingress", manifest: netpol({ podSelector: {} }) },
    { name: "default deny for both directions", manifest: netpol({ podSelector: {}, policyTypes: ["Ingress", "Egress"] }) },
    { name: "specific pods from a named namespace", manifest: netpol({ podSelector: app("api"), ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "web" } } }] }] }) },
    { name: "namespaceSelector {} narrowed by a podSelector", manifest: netpol({ podSelector: app("api"), ingress: [{ from: [{ namespaceSelector: {}, podSelector: app("prometheus") }] }] }) },
    { name: "an explicit allow-all rule for specific pods states its breadth openly", manifest: netpol({ podSelector: app("api"), policyTypes: ["Egress"], egress: [{}] }) },
    { name: "a rule with ports but no peers is port-restricted", manifest: netpol({ podSelector: app("ingress-nginx"), ingress: [{ ports: [{ port: 443 }] }] }) },
    {
      name: "ingress rules of an Egress-only default deny are ignored",
      manifest: netpol({ podSelector: {}, policyTypes: ["Egress"], ingress: [{ from: [{ namespaceSelector: {} }] }] }),
    },
    { name: "Calico's NetworkPolicy kind is not judged", manifest: { apiVersion: "projectcalico.org/v3", kind: "NetworkPolicy", metadata: { name: "c" }, spec: { ingress: [{}] } } },
    { name: "wrong types do not throw", manifest: netpol({ podSelector: app("x"), ingress: "x", egress: [{ to: "x", ports: [{ port: 53 }] }] }) },
  ],
  invalid: [
    {
      name: "empty podSelector with an allow rule",
      manifest: "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: same-ns\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - podSelector: {}\n",
      errors: [{ messageId: "broadTarget", path: "spec.podSelector", line: 6 }],
    },
    {
      name: "missing podSelector with egress rules (implicit Egress type)",
      manifest: netpol({ egress: [{ to: [{ podSelector: app("dns") }], ports: [{ port: 53, protocol: "UDP" }] }] }),
      errors: [{ messageId: "broadTarget", path: "spec.podSelector" }],
    },
    {
      name: "every namespace as a peer, in ingress and egress",
      manifest: netpol({
        podSelector: app("api"),
        policyTypes: ["Ingress", "Egress"],
        ingress: [{ from: [{ namespaceSelector: {} }] }],
        egress: [{ to: [{ podSelector: app("x") }, { namespaceSelector: {}, podSelector: {} }] }],
      }),
      errors: [
        { messageId: "allNamespaces", path: "spec.ingress[0].from[0].namespaceSelector" },
        { messageId: "allNamespaces", path: "spec.egress[0].to[1].namespaceSelector" },
      ],
    },
    {
      name: "allow-all for every pod",
      manifest: netpol({ podSelector: {}, ingress: [{}] }),
      errors: [{ messageId: "broadTarget", path: "spec.podSelector" }],
    },
  ],
});
