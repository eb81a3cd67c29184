import { describe, expect, it } from "vitest";
import { type Config, emptyConfig } from "../engine/config.js";
import { selectRules } from "../engine/select.js";
import { Suppressor } from "../engine/suppress.js";
import { KubeVersion } from "../model/kube-version.js";
import type { JsonObject } from "../model/types.js";
import { Admission, type AdmissionOptions, DEFAULT_DENY, DEFAULT_WARN, MAX_WARNINGS, sameApartFromMetadata } from "./admission.js";
import { SECURE_POD_SPEC, admissionReview, pod } from "./fixtures.js";

function admission(over: Partial<AdmissionOptions> = {}, config: Config = emptyConfig(), annotationsAllowed = false): Admission {
  return new Admission({
    rules: selectRules({ profile: "recommended" }, config),
    suppressor: new Suppressor({ exemptions: config.exemptions, annotationsAllowed }, "default"),
    kubeVersion: KubeVersion.DEFAULT,
    deny: DEFAULT_DENY,
    warn: DEFAULT_WARN,
    audit: false,
    exemptNamespaces: ["kube-system"],
    ...over,
  });
}

const privileged: JsonObject = { ...SECURE_POD_SPEC, containers: [{ ...(SECURE_POD_SPEC.containers as JsonObject[])[0], securityContext: { privileged: true } }] };
const response = (d: { body: JsonObject }) => d.body.response as { uid: string; allowed: boolean; status?: { code: number; message: string }; warnings?: string[] };

describe("Admission", () => {
  it("runs only the rules that judge one object on its own", () => {
    const a = admission();
    expect(a.ruleCount).toBeGreaterThan(50);
    expect(a.ruleCount).toBeLessThan(selectRules({ profile: "recommended" }, emptyConfig()).length);
  });

  it("audit mode never denies and marks what would have been denied", () => {
    const d = admission({ audit: true }).review(admissionReview(pod("p", "team", privileged)));
    const r = response(d);
    expect(r.allowed).toBe(true);
    expect(r.status).toBeUndefined();
    expect(r.warnings?.some((w) => w.startsWith("[audit: would deny] privileged-container: "))).toBe(true);
  });

  it("honours ignore annotations only when the config allows them, and never for non-waivable rules", () => {
    const annotated = pod("p", "team", privileged, { "ignore.shipshape.io/privileged-container": "vendor agent, reviewed" });
    expect(response(admission().review(admissionReview(annotated))).status?.message).toContain("privileged-container:");
    expect(response(admission({}, emptyConfig(), true).review(admissionReview(annotated))).status?.message).not.toContain("privileged-container:");
    const strict = emptyConfig();
    strict.rules["privileged-container"] = { waivable: false };
    expect(response(admission({}, strict, true).review(admissionReview(annotated))).status?.message).toContain("privileged-container:");
  });

  it("applies the configuration's exemptions", () => {
    const config = emptyConfig();
    config.exemptions.push({ rules: ["privileged-container"], namespace: "legacy-*", reason: "migrating", source: { file: ".shipshape.yaml", line: 3, column: 3 } });
    const a = admission({}, config);
    expect(response(a.review(admissionReview(pod("p", "legacy-app", privileged)))).status?.message ?? "").not.toContain("privileged-container:");
    expect(response(a.review(admissionReview(pod("p", "team", privileged)))).status?.message).toContain("privileged-container:");
  });

  it("deny and warn severities are configurable", () => {
    const d = admission({ deny: [], warn: [] }).review(admissionReview(pod("p", "team", privileged)));
    expect(response(d)).toEqual({ uid: "705ab4f5-6393-11e8-b7cc-42010a800002", allowed: true });
  });

  it("keeps warnings short and few", () => {
    const many: JsonObject = { containers: Array.from({ length: 8 }, (_, i) => ({ name: `c${i}-${"x".repeat(200)}`, image: "nginx" })) };
    const r = response(admission().review(admissionReview(pod("p", "team", many))));
    expect(r.warnings!.length).toBeLessThanOrEqual(MAX_WARNINGS);
    for (const w of r.warnings!) expect(w.length).toBeLessThan(256);
    expect(r.status!.message.length).toBeLessThanOrEqual(4100);
  });

  it("lets DELETE through and rejects an unknown operation", () => {
    expect(response(admission().review(admissionReview(pod("p", "team", privileged), { operation: "DELETE" }))).allowed).toBe(true);
    const body = admissionReview(pod("p", "team", privileged));
    (body.request as JsonObject).operation = "PATCH";
    expect(admission().review(body).httpStatus).toBe(400);
  });

  it("compares objects apart from metadata", () => {
    expect(sameApartFromMetadata({ kind: "Pod", metadata: { labels: { a: "1" } }, spec: { x: [1, { y: 2 }] } }, { kind: "Pod", metadata: {}, spec: { x: [1, { y: 2 }] } })).toBe(true);
    expect(sameApartFromMetadata({ kind: "Pod", spec: { x: [1] } }, { kind: "Pod", spec: { x: [2] } })).toBe(false);
    expect(sameApartFromMetadata({ kind: "Pod", spec: {} }, { kind: "Pod", spec: {}, status: {} })).toBe(false);
  });
});
