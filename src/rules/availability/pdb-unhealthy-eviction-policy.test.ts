import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./pdb-unhealthy-eviction-policy.js";

const pdb = (extra: Record<string, unknown>) => ({
  apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "p" }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: "a" } }, ...extra },
});

ruleTester(rule, {
  valid: [
    { name: "AlwaysAllow", manifest: pdb({ unhealthyPodEvictionPolicy: "AlwaysAllow" }) },
    { name: "explicit IfHealthyBudget", manifest: pdb({ unhealthyPodEvictionPolicy: "IfHealthyBudget" }) },
    { name: "clusters before 1.27 have no such field", manifest: pdb({}), kubeVersion: "1.26" },
  ],
  invalid: [
    {
      name: "unset",
      manifest: "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: p\nspec:\n  maxUnavailable: 1\n",
      errors: [{ messageId: "unset", path: "spec.unhealthyPodEvictionPolicy", line: 6 }],
    },
    { name: "null", manifest: pdb({ unhealthyPodEvictionPolicy: null }), errors: [{ messageId: "unset", path: "spec.unhealthyPodEvictionPolicy" }] },
  ],
});
