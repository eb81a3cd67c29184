import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./namespace-without-networkpolicy.js";

const ns = (name: string): object => ({ apiVersion: "v1", kind: "Namespace", metadata: { name } });
const netpol = (namespace: string | undefined, spec: object = { podSelector: {} }): object => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name: "np", ...(namespace ? { namespace } : {}) },
  spec,
});

ruleTester(rule, {
  valid: [
    { name: "a policy in the namespace", manifest: [ns("shop"), netpol("shop")] },
    { name: "any policy counts, even one that selects few pods", manifest: [ns("shop"), netpol("shop", { podSelector: { matchLabels: { app: "x" } } })] },
    { name: "the default namespace gets policies written without namespace", manifest: [ns("default"), netpol(undefined)] },
    {
      name: "a Cilium policy in the namespace counts",
      manifest: [ns("shop"), { apiVersion: "cilium.io/v2", kind: "CiliumNetworkPolicy", metadata: { name: "c", namespace: "shop" }, spec: {} }],
    },
    {
      name: "a cluster-wide CNI policy may cover the namespace",
      manifest: [ns("shop"), { apiVersion: "crd.projectcalico.org/v1", kind: "GlobalNetworkPolicy", metadata: { name: "deny" }, spec: {} }],
    },
    { name: "not a Namespace", manifest: netpol("x") },
  ],
  invalid: [
    {
      name: "a namespace without policies",
      manifest: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n",
      errors: [{ messageId: "noPolicy", path: "metadata.name", line: 4 }],
    },
    {
      name: "a policy of another namespace does not count",
      manifest: [ns("shop"), netpol("other"), ns("other")],
      errors: [{ messageId: "noPolicy", path: "metadata.name", object: "Namespace/shop" }],
    },
    {
      name: "Calico's projectcalico.org NetworkPolicy in another namespace does not count",
      manifest: [ns("shop"), { apiVersion: "projectcalico.org/v3", kind: "NetworkPolicy", metadata: { name: "c", namespace: "x" }, spec: {} }],
      errors: [{ messageId: "noPolicy", path: "metadata.name" }],
    },
  ],
});
