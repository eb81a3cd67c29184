import { describe, expect, it } from "vitest";
import { ruleTester, runRuleOn } from "../../testing/rule-tester.js";
import rule from "./admission-webhook-inventory.js";

const vwc = {
  apiVersion: "admissionregistration.k8s.io/v1",
  kind: "ValidatingWebhookConfiguration",
  metadata: { name: "policy" },
  webhooks: [
    {
      name: "validate.policy.example.com",
      clientConfig: { service: { namespace: "policy", name: "webhook", path: "/validate" }, caBundle: "Zm9v" },
      rules: [{ operations: ["CREATE", "UPDATE"], apiGroups: ["apps"], apiVersions: ["v1"], resources: ["deployments"] }],
      failurePolicy: "Fail",
    },
    {
      name: "everything.policy.example.com",
      clientConfig: { url: "https://hooks.example.com/x" },
      rules: [{ operations: ["*"], apiGroups: ["*"], apiVersions: ["*"], resources: ["*/*"] }],
      failurePolicy: "Ignore",
    },
  ],
};

ruleTester(rule, {
  valid: [
    { name: "a configuration without webhooks", manifest: { ...vwc, webhooks: [] } },
    { name: "webhooks of the wrong type", manifest: { ...vwc, webhooks: "none" } },
    { name: "not a webhook configuration", manifest: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, webhooks: vwc.webhooks } },
  ],
  invalid: [
    {
      name: "one finding per webhook",
      manifest: vwc,
      errors: [
        { messageId: "webhook", path: "webhooks[0]" },
        { messageId: "webhook", path: "webhooks[1]" },
      ],
    },
    {
      name: "mutating webhook in YAML, with a line",
      manifest: `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata:
  name: injector
webhooks:
  - name: inject.example.com
    clientConfig:
      service: {name: injector, namespace: mesh}
    rules:
      - operations: ["CREATE"]
        apiGroups: [""]
        apiVersions: ["v1"]
        resources: ["pods"]
  - "not a webhook"
`,
      errors: [{ messageId: "webhook", path: "webhooks[0]", line: 6, column: 5 }],
    },
  ],
});

describe("admission-webhook-inventory messages", () => {
  it("say what each webhook sees and where it sends it", () => {
    const messages = runRuleOn(rule, { name: "m", manifest: vwc }).map((f) => f.message);
    expect(messages).toEqual([
      "Validating webhook 'validate.policy.example.com' receives CREATE/UPDATE on deployments.apps and calls service policy/webhook/validate",
      "Validating webhook 'everything.policy.example.com' receives every operation on all resources and calls the URL https://hooks.example.com/x; it fails open (failurePolicy: Ignore) and is called by URL rather than through a cluster Service",
    ]);
  });
});
