import { container, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./namespace-pss-label-missing.js";

const ns = (labels?: Record<string, unknown>): Record<string, unknown> => ({ apiVersion: "v1", kind: "Namespace", metadata: { name: "shop", ...(labels ? { labels } : {}) } });
const ENFORCE = "pod-security.kubernetes.io/enforce";

ruleTester(rule, {
  valid: [
    { name: "baseline", manifest: ns({ [ENFORCE]: "baseline" }) },
    { name: "restricted with a version", manifest: ns({ [ENFORCE]: "restricted", "pod-security.kubernetes.io/enforce-version": "v1.30" }) },
    { name: "restricted when restricted is required", manifest: ns({ [ENFORCE]: "restricted" }), params: { minimumLevel: "restricted" } },
    { name: "privileged accepted when the minimum is privileged", manifest: ns({ [ENFORCE]: "privileged" }), params: { minimumLevel: "privileged" } },
    { name: "a Pod is not a Namespace", manifest: pod({ containers: [container()] }) },
  ],
  invalid: [
    {
      name: "no labels at all, with line",
      manifest: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n",
      errors: [{ messageId: "missing", path: "metadata.labels[\"pod-security.kubernetes.io/enforce\"]", line: 4 }],
    },
    { name: "only warn and audit labels", manifest: ns({ "pod-security.kubernetes.io/warn": "restricted", "pod-security.kubernetes.io/audit": "restricted" }), errors: [{ messageId: "missing", path: "metadata.labels[\"pod-security.kubernetes.io/enforce\"]" }] },
    { name: "privileged", manifest: ns({ [ENFORCE]: "privileged" }), errors: [{ messageId: "privileged", path: "metadata.labels[\"pod-security.kubernetes.io/enforce\"]" }] },
    { name: "baseline below a restricted minimum", manifest: ns({ [ENFORCE]: "baseline" }), params: { minimumLevel: "restricted" }, errors: [{ messageId: "belowMinimum", path: "metadata.labels[\"pod-security.kubernetes.io/enforce\"]" }] },
    { name: "not a level", manifest: ns({ [ENFORCE]: "Baseline" }), errors: [{ messageId: "invalid", path: "metadata.labels[\"pod-security.kubernetes.io/enforce\"]" }] },
    { name: "missing even when the minimum is privileged", manifest: ns(), params: { minimumLevel: "privileged" }, errors: [{ messageId: "missing", path: "metadata.labels[\"pod-security.kubernetes.io/enforce\"]" }] },
  ],
});
