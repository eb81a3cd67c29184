// Hostile objects inside well-formed AdmissionReviews (the bodies themselves are covered by test/webhook.test.ts):
// wrong types, deep nesting, huge strings. Each review must be answered (200), and judged without internal errors.
import { describe, expect, it } from "vitest";
import { emptyConfig } from "../../src/engine/config.js";
import { selectRules } from "../../src/engine/select.js";
import { Suppressor } from "../../src/engine/suppress.js";
import { KubeVersion } from "../../src/model/kube-version.js";
import type { JsonObject } from "../../src/model/types.js";
import { Admission, DEFAULT_DENY, DEFAULT_WARN } from "../../src/webhook/admission.js";

const T = { timeout: 20_000 };
const admission = new Admission({
  rules: selectRules({ profile: "all" }, emptyConfig()),
  suppressor: new Suppressor({ exemptions: [], annotationsAllowed: false }, "default"),
  kubeVersion: KubeVersion.DEFAULT,
  deny: DEFAULT_DENY,
  warn: DEFAULT_WARN,
  audit: false,
  exemptNamespaces: [],
});

/** The body as the server gets it: JSON text, parsed. */
const review = (object: unknown) =>
  admission.review(JSON.parse(JSON.stringify({ apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", request: { uid: "u-1", operation: "CREATE", namespace: "team", object } })));
const reviewText = (objectJson: string) =>
  admission.review(JSON.parse(`{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u-1","operation":"CREATE","namespace":"team","object":${objectJson}}}`));

const pod = (spec: unknown, metadata: unknown = { name: "p" }): JsonObject => ({ apiVersion: "v1", kind: "Pod", metadata, spec }) as JsonObject;
const withContainer = (c: JsonObject) => pod({ containers: [{ name: "c", image: "nginx:1.27", ...c }] });

function expectJudged(d: ReturnType<typeof review>): void {
  expect(d.httpStatus).toBe(200);
  const text = JSON.stringify(d.body);
  expect(text).not.toMatch(/internal-error|failed on this object/);
  expect((d.body.response as JsonObject).uid).toBe("u-1");
}

describe("webhook: hostile objects", () => {
  it.each([
    ["containers: \"x\"", pod({ containers: "x" })],
    ["containers: [1, \"a\", null]", pod({ containers: [1, "a", null] })],
    ["spec: null", pod(null)],
    ["spec: []", pod([])],
    ["metadata: \"x\"", pod({}, "x")],
    ["name: 42, labels: [1]", pod({}, { name: 42, labels: [1], annotations: 3 })],
    ["securityContext: true", withContainer({ securityContext: true })],
    ["capabilities: \"ALL\"", withContainer({ securityContext: { capabilities: "ALL", privileged: "yes" } })],
    ["ports: {}", withContainer({ ports: {} })],
    ["env: \"x\"", withContainer({ env: "x", envFrom: 1 })],
    ["resources: []", withContainer({ resources: [] })],
    ["image: 123", withContainer({ image: 123 })],
    ["Deployment template: \"x\"", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { template: "x" } }],
    ["an unknown kind", { apiVersion: "example.com/v1", kind: "Gizmo", metadata: { name: "g" }, spec: { containers: [1] } }],
  ])("judges %s", T, (_name, object) => {
    expectJudged(review(object));
  });

  it("still denies a privileged container next to wrong types", T, () => {
    const d = review(pod({ containers: [1, null, { name: "c", image: "nginx:1.27", securityContext: { privileged: true } }], volumes: "x" }));
    expectJudged(d);
    expect((d.body.response as JsonObject).allowed).toBe(false);
  });

  it("judges an object nested a million levels deep in a free-form field", T, () => {
    const deep = `${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}`;
    const d = reviewText(`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"nginx:1.27","securityContext":{"privileged":true}}],"x":${deep}}}`);
    expect(d.httpStatus).toBe(200);
    expect((d.body.response as JsonObject).allowed).toBe(false);
  });

  it("judges a container with a 2 MB command string and 100,000 env entries", T, () => {
    const env = Array.from({ length: 100_000 }, (_, i) => ({ name: `E${i}`, value: "v" }));
    expectJudged(review(withContainer({ command: ["sh", "-c", "x".repeat(2_000_000)], env })));
  });
});
