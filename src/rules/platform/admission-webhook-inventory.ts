import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";

// One finding per webhook of a ValidatingWebhookConfiguration or MutatingWebhookConfiguration
// (admissionregistration.k8s.io): an inventory to review, with what each webhook sees and where it sends it.
export default defineRule({
  id: "admission-webhook-inventory",
  title: "Admission webhooks to review",
  rationale:
    "An admission webhook receives a copy of every API request it matches — Secrets and ConfigMaps included — and a mutating " +
    "webhook can rewrite the object before it is stored. Each webhook is therefore a trusted component of the cluster, and " +
    "every one of them should be known, owned and intended.",
  attack:
    "An attacker who can create a webhook configuration (or take over the service behind one) reads the Secrets sent to it, " +
    "injects a malicious sidecar or privileged settings into every new pod through a mutating webhook, or blocks legitimate " +
    "changes; a webhook that fails open (failurePolicy: Ignore) is also an easy way to skip a policy by making it unavailable.",
  remediation:
    "Check that each listed webhook belongs to a component you run on purpose, that its rules match only the resources it needs, " +
    "that it calls an in-cluster service (not an external URL) protected by TLS with a pinned caBundle, and decide deliberately " +
    "between failurePolicy Fail and Ignore.",
  example: {
    insecure: `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata:
  name: injector
webhooks:
  - name: inject.example.com
    clientConfig:
      url: https://hooks.example.com/mutate
    rules:
      - operations: ["CREATE"]
        apiGroups: [""]
        apiVersions: ["v1"]
        resources: ["pods"]
    sideEffects: None
    admissionReviewVersions: ["v1"]
`,
    secure: `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata:
  name: injector
webhooks: []
`,
  },
  messages: {
    webhook: "{{type}} webhook '{{webhook}}' receives {{scope}} and calls {{target}}{{notes}}",
  },
  check(ctx) {
    const r = ctx.resource;
    const type = r.kind === "MutatingWebhookConfiguration" ? "Mutating" : "Validating";
    asArray(r.object.webhooks).forEach((w, i) => {
      if (!isObject(w)) return;
      const notes: string[] = [];
      if (w.failurePolicy === "Ignore") notes.push("fails open (failurePolicy: Ignore)");
      const cc = isObject(w.clientConfig) ? w.clientConfig : {};
      // (A missing caBundle is not noted: cert-manager or a setup Job usually injects it at install time.)
      if (typeof cc.url === "string") notes.push("is called by URL rather than through a cluster Service");
      ctx.report({
        messageId: "webhook",
        data: {
          type,
          webhook: typeof w.name === "string" ? w.name : `#${i}`,
          scope: scope(w.rules),
          target: target(cc),
          notes: notes.length > 0 ? `; it ${notes.join(" and ")}` : "",
        },
        path: ["webhooks", i],
      });
    });
  },
});

/** "CREATE/UPDATE of pods, deployments" — or "every request" for wildcards. */
function scope(rules: unknown): string {
  const ops = new Set<string>();
  const resources = new Set<string>();
  for (const rule of asArray(rules)) {
    if (!isObject(rule)) continue;
    for (const o of asArray(rule.operations)) if (typeof o === "string") ops.add(o);
    const groups = asArray(rule.apiGroups).filter((g): g is string => typeof g === "string");
    for (const res of asArray(rule.resources)) {
      if (typeof res !== "string") continue;
      const group = groups.length === 1 && groups[0] !== "" && groups[0] !== "*" ? `.${groups[0]}` : "";
      resources.add(res === "*" || res === "*/*" ? "all resources" : `${res}${group}`);
    }
  }
  if (resources.size === 0) return "no requests (it has no rules)";
  const opText = ops.size === 0 || ops.has("*") ? "every operation" : [...ops].join("/");
  const resText = resources.has("all resources") ? "all resources" : abbreviate([...resources]);
  return `${opText} on ${resText}`;
}

function target(cc: Record<string, unknown>): string {
  if (typeof cc.url === "string") return `the URL ${cc.url}`;
  if (isObject(cc.service)) {
    const s = cc.service;
    const name = typeof s.name === "string" ? s.name : "?";
    const ns = typeof s.namespace === "string" ? s.namespace : "?";
    const path = typeof s.path === "string" ? s.path : "";
    return `service ${ns}/${name}${path}`;
  }
  return "no endpoint (clientConfig has neither service nor url)";
}

function abbreviate(items: string[]): string {
  return items.length <= 6 ? items.join(", ") : `${items.slice(0, 6).join(", ")} and ${items.length - 6} more`;
}
