import { container, deployment } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./required-labels-annotations.js";

const cm = (metadata: Record<string, unknown>): Record<string, unknown> => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", ...metadata } });
const owned = { labels: { owner: "team-a" }, annotations: { email: "a@example.com" } };

ruleTester(rule, {
  valid: [
    { name: "owner label and email annotation", manifest: cm(owned) },
    { name: "name patterns are case-insensitive substrings", manifest: cm({ labels: { "example.com/Owner": "team-a" }, annotations: { "contact-email": "a@example.com" } }) },
    { name: "nothing required", manifest: cm({}), params: { requiredLabels: [], requiredAnnotations: [] } },
    { name: "value pattern met", manifest: cm({ ...owned, labels: { team: "payments" } }), params: { requiredLabels: ["team=payments|shop"] } },
    { name: "a null label value is the empty string, which is valid", manifest: cm({ ...owned, labels: { owner: "x", tier: null } }) },
  ],
  invalid: [
    {
      name: "both missing (kube-linter's app1 lacks the owner label), with line",
      manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app1\n  labels:\n    dev: kubelinter@stackrox.com\n",
      errors: [
        { messageId: "missingLabel", path: "metadata.labels.owner", line: 6 },
        { messageId: "missingAnnotation", path: "metadata.annotations.email", line: 4 },
        { messageId: "invalidLabelValue", path: "metadata.labels.dev" },
      ],
    },
    { name: "an empty owner", manifest: cm({ ...owned, labels: { owner: "" } }), errors: [{ messageId: "emptyLabel", path: "metadata.labels.owner" }] },
    {
      name: "value pattern not met",
      manifest: cm({ ...owned, labels: { owner: "x", team: "marketing" } }),
      params: { requiredLabels: ["team=payments|shop"] },
      errors: [{ messageId: "labelValueMismatch", path: "metadata.labels.team" }],
    },
    {
      name: "annotation value pattern",
      manifest: cm({ ...owned, annotations: { email: "nobody" } }),
      params: { requiredAnnotations: ["email=.+@.+"] },
      errors: [{ messageId: "annotationValueMismatch", path: "metadata.annotations.email" }],
    },
    {
      name: "label values that are not strings, or too long, also in the pod template",
      manifest: {
        ...deployment({ containers: [container()] }, { labels: { app: "d", version: 1.5 } }),
        metadata: { name: "d", labels: { owner: "x", enabled: true, long: "a".repeat(64) }, annotations: { email: "a@example.com" } },
      },
      errors: [
        { messageId: "labelNotString", path: "metadata.labels.enabled" },
        { messageId: "invalidLabelValue", path: "metadata.labels.long" },
        { messageId: "labelNotString", path: "spec.template.metadata.labels.version" },
      ],
    },
    {
      name: "labels of the wrong type count as none",
      manifest: cm({ labels: "owner=x", annotations: { email: "a@example.com" } }),
      errors: [{ messageId: "missingLabel", path: "metadata.labels.owner" }],
    },
  ],
});
