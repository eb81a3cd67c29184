// ValidatingAdmissionPolicies through scan(), on the fixtures of test/fixtures/policies/vap/.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AjvDraft04 from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { type Config, emptyConfig } from "../engine/config.js";
import { type ScanOptions, scan } from "../engine/scan.js";
import { loadManifestText } from "../loaders/manifest.js";
import type { Finding } from "../model/finding.js";
import { renderSarif } from "../report/sarif.js";
import { tempTree } from "../testing/cli.js";
import { buildVapRules } from "./vap.js";

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/policies/vap/", import.meta.url));
const SARIF_SCHEMA = fileURLToPath(new URL("../../../shared/schemas/sarif-schema-2.1.0.json", import.meta.url));

async function run(paths: string[], options: Partial<ScanOptions> = {}, config: Config = emptyConfig()) {
  return scan({ paths, cwd: FIXTURES, config, ...options });
}

/** The findings of policy rules and policy diagnostics, as "rule object severity" lines. */
const policyFindings = (findings: Finding[]) => findings.filter((f) => f.ruleId.startsWith("vap:") || f.ruleId.startsWith("policy-"));
const summary = (findings: Finding[]) => policyFindings(findings).map((f) => `${f.ruleId} ${f.object?.name ?? "-"} ${f.severity}`).sort();

describe("ValidatingAdmissionPolicy validation actions", async () => {
  const report = await run(["actions"]);

  it("maps Deny, Warn and Audit to high, medium and low", () => {
    expect(summary(report.findings)).toEqual([
      "vap:audit-replicas big low",
      "vap:deny-replicas big high",
      "vap:deny-replicas huge high",
      "vap:warn-replicas big medium",
      "vap:warn-replicas huge medium",
    ]);
    // the object within the limit passes every policy
    expect(policyFindings(report.findings).filter((f) => f.object?.name === "small")).toEqual([]);
  });

  it("says the message, messageExpression or default message, with the policy, binding and action", () => {
    const msg = (rule: string) => report.findings.find((f) => f.ruleId === rule && f.object?.name === "big")!.message;
    expect(msg("vap:deny-replicas")).toBe("at most 5 replicas (ValidatingAdmissionPolicy deny-replicas, binding deny-replicas-binding: Deny)");
    expect(msg("vap:warn-replicas")).toBe("replicas is 10, at most 5 (ValidatingAdmissionPolicy warn-replicas, binding warn-replicas-binding: Warn)");
    expect(msg("vap:audit-replicas")).toMatch(/^failed expression: object.spec.replicas <= 5 \(/);
    const deny = report.findings.find((f) => f.ruleId === "vap:deny-replicas" && f.object?.name === "big")!;
    expect(deny.data).toMatchObject({ reason: "Invalid", policy: "deny-replicas", binding: "deny-replicas-binding" });
    expect(deny.location.file).toMatch(/workloads\.yaml$/);
  });

  it("never evaluates a policy that matches only UPDATE", () => {
    expect(report.rules.map((r) => r.id)).toContain("vap:update-only");
    expect(report.findings.filter((f) => f.ruleId === "vap:update-only")).toEqual([]);
  });

  it("does not evaluate policies on the policy objects themselves (they match deployments only)", () => {
    expect(policyFindings(report.findings).filter((f) => f.object?.kind?.startsWith("ValidatingAdmission"))).toEqual([]);
  });

  it("suppresses a vap finding with the ignore.shipshape.io/vap.<policy> annotation", () => {
    const suppressed = report.suppressed.filter((f) => f.ruleId.startsWith("vap:"));
    expect(suppressed.map((f) => `${f.ruleId} ${f.object?.name}`)).toEqual(["vap:audit-replicas huge"]);
    expect(suppressed[0]!.suppressed).toMatchObject({ kind: "annotation", reason: "batch job, audited elsewhere" });
  });

  it("selects vap rules with --rules and overrides their severity from the configuration", async () => {
    const only = await run(["actions"], { only: ["vap:warn-replicas"] });
    expect(summary(only.findings)).toEqual(["vap:warn-replicas big medium", "vap:warn-replicas huge medium"]);
    expect(only.rules.map((r) => r.id)).toEqual(["vap:warn-replicas"]);
    const skip = await run(["actions"], { skip: ["vap:warn-replicas", "vap:audit-replicas"] });
    expect(summary(skip.findings)).toEqual(["vap:deny-replicas big high", "vap:deny-replicas huge high"]);
    const config = emptyConfig();
    config.rules["vap:deny-replicas"] = { severity: "low" };
    config.rules["vap:audit-replicas"] = { enabled: false };
    const configured = await run(["actions"], {}, config);
    expect(summary(configured.findings)).toEqual([
      "vap:deny-replicas big low",
      "vap:deny-replicas huge low",
      "vap:warn-replicas big medium",
      "vap:warn-replicas huge medium",
    ]);
  });

  it("rejects --rules with a vap rule that is not in the scan", async () => {
    await expect(run(["actions"], { only: ["vap:nothing-like-this"] })).rejects.toThrow(/vap:nothing-like-this/);
  });

  it("ignores the scan's policies with vap: false", async () => {
    const off = await run(["actions"], { vap: false });
    expect(policyFindings(off.findings)).toEqual([]);
    expect(off.rules.filter((r) => r.id.startsWith("vap:"))).toEqual([]);
  });

  it("appears in SARIF with the rule's title and the result's level", () => {
    const sarif = JSON.parse(renderSarif(report, { cwd: FIXTURES })) as {
      runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } }; results: { ruleId: string; level: string; ruleIndex: number }[] }[];
    };
    const run0 = sarif.runs[0]!;
    const deny = run0.tool.driver.rules.find((r) => r.id === "vap:deny-replicas");
    expect(deny?.shortDescription.text).toBe("ValidatingAdmissionPolicy deny-replicas");
    const results = run0.results.filter((r) => r.ruleId === "vap:deny-replicas");
    expect(results).toHaveLength(2);
    expect(results.every((r) => r.level === "error" && run0.tool.driver.rules[r.ruleIndex]!.id === "vap:deny-replicas")).toBe(true);
    expect(run0.results.filter((r) => r.ruleId === "vap:audit-replicas").every((r) => r.level === "note")).toBe(true);
  });

  it.skipIf(!existsSync(SARIF_SCHEMA))("is valid SARIF 2.1.0", () => {
    const Ajv = AjvDraft04.default;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormatsModule.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, "utf8")) as object);
    validate(JSON.parse(renderSarif(report, { cwd: FIXTURES })));
    expect(validate.errors ?? []).toEqual([]);
  });
});

describe("ValidatingAdmissionPolicy params", async () => {
  const report = await run(["params"]);
  const lines = policyFindings(report.findings).map((f) => `${f.object?.name} ${f.messageId} ${f.data?.params ?? "-"} ${f.severity}`).sort();

  it("finds params by name, by selector, in the object's namespace or the one named", () => {
    expect(lines).toEqual([
      // cluster-wide params (a cluster-scoped custom kind): global-limits max 3
      "a-big violation global-limits high",
      // per-namespace: limits of team-1 (max 1); team-2's (max 10) admits b-team-2
      "b-team-1 violation limits high",
      // paramRef.namespace team-2 (max 10), for an object in team-1, Warn
      "c-big violation limits medium",
      // selector: low (max 2) and high (max 4) of team-3, each evaluated
      "d-big violation high high",
      "d-big violation low high",
      // selector in team-1, where no labelled ConfigMap is: parameterNotFoundAction Deny
      "d-elsewhere noParams - high",
      "d-mid violation low high",
      // no such params, Deny
      "f noParams - high",
      // the policy has a paramKind and the binding no paramRef
      "g noParams - high",
      // a ConfigMap without namespace is in the default namespace: found for h-default (max 2), not in team-1
      "h-default violation defaults high",
      "h-team-1 noParams - high",
    ]);
  });

  it("names the params in the data and message", () => {
    const d = report.findings.filter((f) => f.object?.name === "d-big" && f.ruleId === "vap:max-replicas");
    expect(d.map((f) => f.data?.params).sort()).toEqual(["high", "low"]);
    expect(d.map((f) => f.message).sort()).toEqual([
      "replicas must be at most 2 (ValidatingAdmissionPolicy max-replicas, binding by-selector: Deny)",
      "replicas must be at most 4 (ValidatingAdmissionPolicy max-replicas, binding by-selector: Deny)",
    ]);
    const f = report.findings.find((x) => x.object?.name === "f")!;
    expect(f.message).toMatch(/no params found for binding missing-deny .*paramRef no-such-params/);
    expect(report.findings.find((x) => x.object?.name === "g")!.message).toMatch(/binding no-param-ref .*paramRef missing/);
  });

  it("admits the objects of a binding with parameterNotFoundAction Allow", () => {
    expect(policyFindings(report.findings).filter((f) => f.object?.name === "e")).toEqual([]);
  });

  it("applies failurePolicy Ignore to params that are not found (a configuration error in Kubernetes)", async () => {
    const policy = readFileSync(`${FIXTURES}params/policy.yaml`, "utf8").replace("  paramKind:", "  failurePolicy: Ignore\n  paramKind:");
    const dir = tempTree({ "policy.yaml": policy, "params.yaml": readFileSync(`${FIXTURES}params/params.yaml`, "utf8"), "deployments.yaml": readFileSync(`${FIXTURES}params/deployments.yaml`, "utf8") });
    const ignored = await scan({ paths: ["."], cwd: dir, config: emptyConfig() });
    const names = policyFindings(ignored.findings).map((f) => `${f.object?.name} ${f.messageId}`).sort();
    expect(names).toEqual(["a-big violation", "b-team-1 violation", "c-big violation", "d-big violation", "d-big violation", "d-mid violation", "h-default violation"]);
  });
});

describe("binding matchResources", async () => {
  const report = await run(["binding-match"]);

  it("narrows a policy to a binding's namespaceSelector and objectSelector", () => {
    const host = policyFindings(report.findings).filter((f) => f.ruleId === "vap:no-host-network").map((f) => `${f.object?.name} ${f.data?.binding} ${f.severity}`).sort();
    expect(host).toEqual(["dev-frontend frontend-only medium", "prod-host prod-only high"]);
  });

  it("matches Namespaces on their own objects, and honours excludeResourceRules with resourceNames", () => {
    const ns = policyFindings(report.findings).filter((f) => f.ruleId === "vap:namespace-owner").map((f) => f.object?.name);
    expect(ns).toEqual(["dev"]);
  });

  it("matches an extensions/v1beta1 Deployment with matchPolicy Equivalent only", () => {
    const dep = policyFindings(report.findings).filter((f) => f.object?.name === "legacy").map((f) => f.ruleId);
    expect(dep).toEqual(["vap:equivalent-deployments"]);
  });

  it("gives the rule the severity of its strongest binding", () => {
    expect(report.rules.find((r) => r.id === "vap:no-host-network")?.severity).toBe("high");
    expect(report.rules.find((r) => r.id === "vap:namespace-owner")?.severity).toBe("low");
  });
});

describe("policy notices", async () => {
  const report = await run(["notices"]);
  const notices = report.findings.filter((f) => f.ruleId.startsWith("policy-"));

  it("reports an unbound policy and a binding to a missing policy as policy-notice", () => {
    const unbound = notices.find((f) => f.messageId === "unbound")!;
    expect(unbound).toMatchObject({ ruleId: "policy-notice", severity: "info", object: { name: "lonely" } });
    expect(unbound.location).toMatchObject({ line: 4, column: 9 });
    const orphan = notices.find((f) => f.messageId === "unknownPolicy")!;
    expect(orphan).toMatchObject({ ruleId: "policy-notice", severity: "info", object: { name: "orphan" } });
    expect(orphan.message).toMatch(/"not-here"/);
    expect(report.rules.map((r) => r.id).filter((id) => id.startsWith("vap:"))).toEqual(["vap:twice"]);
  });

  it("reports a duplicate policy as policy-error and evaluates the first one only", () => {
    const dup = notices.find((f) => f.messageId === "duplicate")!;
    expect(dup).toMatchObject({ ruleId: "policy-error", severity: "medium", object: { name: "twice" } });
    // the second policy's name (the first is at line 24)
    expect(dup.location).toMatchObject({ line: 35, column: 9 });
    const twice = report.findings.filter((f) => f.ruleId === "vap:twice");
    expect(twice.map((f) => `${f.object?.name} ${f.message}`)).toEqual(["bad first twice (ValidatingAdmissionPolicy twice, binding twice: Deny)"]);
  });

  it("reports a binding without validationActions", () => {
    expect(notices.find((f) => f.messageId === "noActions")).toMatchObject({ ruleId: "policy-error", object: { name: "no-actions" } });
  });

  it("counts notices as errors (not the info ones) in the summary", () => {
    expect(report.summary.errors).toBe(notices.filter((f) => f.severity !== "info").length);
  });
});

describe("broken expressions", async () => {
  const file = `${FIXTURES}broken/policy.yaml`;
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n");
  /** 1-based line and column of the `nth` occurrence of `needle` in the fixture. */
  const where = (needle: string, nth = 0) => {
    let from = 0;
    let at = -1;
    for (let n = 0; n <= nth; n++) from = (at = text.indexOf(needle, from)) + 1;
    expect(at, needle).toBeGreaterThanOrEqual(0);
    const before = text.slice(0, at).split("\n");
    return { line: before.length, column: before.at(-1)!.length + 1 };
  };
  const report = await run(["broken"]);
  const errors = report.findings.filter((f) => f.ruleId === "policy-error");
  const byPath = (p: string) => errors.find((f) => f.location.path === p);

  it("reports every broken expression once, as a high policy-error", () => {
    expect(errors.map((f) => f.location.path).sort()).toEqual([
      "spec.validations[0].expression",
      "spec.validations[1].expression",
      "spec.validations[2].expression",
      "spec.validations[3].expression",
      "spec.validations[4].messageExpression",
    ]);
    expect(errors.every((f) => f.severity === "high" && f.messageId === "compile")).toBe(true);
  });

  it("locates the problem in a literal block scalar (|)", () => {
    const f = byPath("spec.validations[0].expression")!;
    expect(f.message).toMatch(/nosuchfn/);
    const at = where("nosuchfn");
    // the call itself or its receiver chain start: on the right line, inside the call
    expect(f.location.line).toBe(at.line);
    expect(lines[at.line - 1]!.slice(f.location.column - 1)).toMatch(/^nosuchfn\(/);
  });

  it("locates the problem in a folded block scalar (>)", () => {
    const f = byPath("spec.validations[1].expression")!;
    expect(f.message).toMatch(/shout/);
    const at = where("object.metadata.name.shout()");
    expect(f.location.line).toBe(at.line);
    expect(f.location.column).toBeGreaterThanOrEqual(at.column);
    expect(f.location.column).toBeLessThanOrEqual(where("shout()").column);
  });

  it("locates the problem in a double-quoted scalar with escapes", () => {
    const f = byPath("spec.validations[2].expression")!;
    expect(f.message).toMatch(/variables\.nope is not declared/);
    expect(f.location).toMatchObject(where("variables.nope"));
  });

  it("locates authorizer in a plain scalar", () => {
    const f = byPath("spec.validations[3].expression")!;
    expect(f.message).toMatch(/authorizer/);
    expect(f.location).toMatchObject(where("authorizer"));
  });

  it("reports a messageExpression that is not a string", () => {
    const f = byPath("spec.validations[4].messageExpression")!;
    expect(f.message).toMatch(/messageExpression must be a string/);
    expect(f.location.line).toBe(where("object.spec.containers.size()").line);
  });

  it("still evaluates the validations that compile", () => {
    expect(report.findings.filter((f) => f.ruleId === "vap:broken").map((f) => f.message)).toEqual([
      "the one validation that compiles (ValidatingAdmissionPolicy broken, binding broken: Deny)",
    ]);
  });
});

describe("--vap files", async () => {
  const report = await run(["vapfile/app"], { vapFiles: ["vapfile/policies"] });

  it("evaluates their policies with their params on the scanned objects, without scanning them", () => {
    expect(summary(report.findings)).toEqual(["vap:allowed-registry from-hub high"]);
    expect(report.findings.find((f) => f.ruleId === "vap:allowed-registry")!.message).toMatch(/^images must come from registry.example.com\//);
    expect(report.summary.objects).toBe(2);
    expect(report.findings.some((f) => f.location.file.includes("policies/") && !f.ruleId.startsWith("policy-"))).toBe(false);
  });

  it("keeps them with vap: false, which only ignores the scanned policies", async () => {
    const both = await run(["vapfile/app", "actions"], { vapFiles: ["vapfile/policies"], vap: false });
    expect(summary(both.findings)).toEqual(["vap:allowed-registry from-hub high"]);
  });

  it("does not report a policy given both in the scan and with --vap as a duplicate, nor evaluate it twice", async () => {
    const twice = await run(["actions"], { vapFiles: ["actions/policies.yaml"] });
    const once = await run(["actions"]);
    expect(twice.findings.filter((f) => f.ruleId.startsWith("policy-"))).toEqual([]);
    expect(summary(twice.findings)).toEqual(summary(once.findings));
  });

  it("reports a binding name used twice, even for different policies", async () => {
    const text = readFileSync(`${FIXTURES}actions/policies.yaml`, "utf8").replace("name: warn-replicas-binding", "name: deny-replicas-binding");
    const dir = tempTree({ "p.yaml": text });
    const report = await scan({ paths: ["."], cwd: dir, config: emptyConfig() });
    const dup = report.findings.filter((f) => f.messageId === "duplicate");
    expect(dup.map((f) => `${f.ruleId} ${f.object?.kind} ${f.object?.name}`)).toEqual(["policy-error ValidatingAdmissionPolicyBinding deny-replicas-binding"]);
  });

  it("does nothing without them", async () => {
    const none = await run(["vapfile/app"]);
    expect(policyFindings(none.findings)).toEqual([]);
  });

  it("a missing --vap file is a usage error", async () => {
    await expect(run(["vapfile/app"], { vapFiles: ["vapfile/nope.yaml"] })).rejects.toThrow(/nope\.yaml/);
  });
});

describe("admission variables", () => {
  const policy = (expression: string) => `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: vars}
spec:
  matchConstraints:
    resourceRules: [{apiGroups: [""], apiVersions: ["v1"], resources: ["configmaps", "namespaces"], operations: ["CREATE"]}]
  validations:
    - expression: ${JSON.stringify(expression)}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: vars}
spec: {policyName: vars, validationActions: [Deny]}
`;
  const objects = `apiVersion: v1
kind: Namespace
metadata: {name: prod, labels: {env: prod}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: in-prod, namespace: prod}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: elsewhere, namespace: other}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: defaulted}
`;
  const failing = async (expression: string) => {
    const dir = tempTree({ "p.yaml": policy(expression), "o.yaml": objects });
    const report = await scan({ paths: ["."], cwd: dir, config: emptyConfig(), defaultNamespace: "dflt" });
    expect(report.findings.filter((f) => f.ruleId.startsWith("policy-"))).toEqual([]);
    return report.findings.filter((f) => f.ruleId === "vap:vars").map((f) => f.object?.name).sort();
  };

  it("gives every object as a CREATE with no oldObject", async () => {
    expect(await failing("request.operation == 'CREATE' && oldObject == null && request.name == object.metadata.name")).toEqual([]);
    expect(await failing("request.operation == 'UPDATE'")).toEqual(["defaulted", "elsewhere", "in-prod", "prod"]);
  });

  it("gives the request's kind, resource and namespace (the default one when the object names none)", async () => {
    expect(await failing("object.kind == 'Namespace' || (request.kind.kind == 'ConfigMap' && request.resource.resource == 'configmaps' && request.kind.group == '')")).toEqual([]);
    expect(await failing("request.namespace == 'dflt'")).toEqual(["elsewhere", "in-prod", "prod"]);
  });

  it("gives the scanned Namespace, a stub with its name otherwise, and null for cluster-scoped objects", async () => {
    expect(await failing("object.kind == 'Namespace' ? namespaceObject == null : namespaceObject.metadata.name == request.namespace")).toEqual([]);
    // the name label that Kubernetes gives every Namespace, on the scanned one too, and on a Namespace admitted
    expect(await failing("object.kind == 'Namespace' || namespaceObject.metadata.labels['kubernetes.io/metadata.name'] == request.namespace")).toEqual([]);
    expect(await failing("object.kind != 'Namespace' || object.metadata.labels['kubernetes.io/metadata.name'] == 'prod'")).toEqual([]);
    expect(await failing("object.kind == 'Namespace' || namespaceObject.metadata.?labels.env.orValue('') == 'prod'")).toEqual(["defaulted", "elsewhere"]);
  });
});

describe("buildVapRules", () => {
  it("builds nothing for objects that are not admission policies, or of another API group", () => {
    const { resources } = loadManifestText("apiVersion: example.com/v1\nkind: ValidatingAdmissionPolicy\nmetadata: {name: x}\nspec: {}\n", "x.yaml");
    expect(buildVapRules(resources)).toEqual({ rules: [], notices: [] });
  });
});
