import { defineRule } from "../../engine/rule-types.js";

// A Secret of type kubernetes.io/service-account-token: the token controller fills it with a token of the
// ServiceAccount named in the annotation kubernetes.io/service-account.name, which does not expire.
export default defineRule({
  id: "legacy-sa-token-secret",
  title: "Long-lived service account token Secret",
  rationale:
    "Since Kubernetes 1.24 pods get short-lived tokens through the TokenRequest API, which expire and are bound to the pod. A " +
    "Secret of type kubernetes.io/service-account-token still makes the control plane issue the old kind: a token that never " +
    "expires and stays valid until the Secret is deleted. Every copy of it (backups, CI variables, laptops) is a permanent credential.",
  attack:
    "An attacker who finds the token anywhere, in a Git history, a backup or a log, uses it months later with all the permissions " +
    "of the ServiceAccount; nothing about it expires or is tied to a pod.",
  remediation:
    "Delete the Secret. Pods get tokens automatically; external systems can request short-lived tokens (`kubectl create token`, " +
    "the TokenRequest API) or use a projected token volume. If a long-lived token is truly needed, document and rotate it.",
  example: {
    insecure: `apiVersion: v1
kind: Secret
metadata:
  name: ci-token
  annotations:
    kubernetes.io/service-account.name: ci
type: kubernetes.io/service-account-token
`,
    secure: `apiVersion: v1
kind: Secret
metadata:
  name: ci-settings
type: Opaque
stringData:
  registry: registry.example
`,
  },
  messages: {
    legacyToken: "The Secret holds a long-lived token of ServiceAccount '{{sa}}' that never expires",
  },
  check(ctx) {
    const r = ctx.resource;
    if (r.apiVersion !== "v1" || r.object.type !== "kubernetes.io/service-account-token") return;
    ctx.report({ messageId: "legacyToken", data: { sa: r.annotations()["kubernetes.io/service-account.name"] ?? "(not named)" }, path: ["type"] });
  },
});
