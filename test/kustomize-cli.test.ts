// Kustomize overlays end to end from the CLI: roots rendered with the real kubectl, findings pointing at the patch or
// base a person edits (with the rendered position beside), no file scanned twice, and failures that stay readable.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { type CliResult, runCli, tempTree } from "../src/testing/cli.js";
import { realKubectl } from "../src/testing/tools.js";

const reportSchema = JSON.parse(readFileSync(new URL("../schemas/report.schema.json", import.meta.url), "utf8")) as object;
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "fixtures/kustomize");
const SHOP = path.join(FIXTURES, "shop");

interface Json {
  [k: string]: any;
}

const scan = (cwd: string, ...args: string[]): Promise<CliResult> => runCli(["scan", "--no-config", "--profile", "all", "--kustomize-bin", realKubectl(), ...args], cwd);

async function scanJson(cwd: string, ...args: string[]): Promise<Json> {
  const r = await scan(cwd, "--format", "json", "--fail-on", "none", ...args);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

function lineOf(file: string, needle: string): number {
  return readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes(needle)) + 1;
}

const only = (report: Json, ruleId: string): Json[] => report.findings.filter((f: Json) => f.ruleId === ruleId);

function first(report: Json, ruleId: string): Json {
  const f = only(report, ruleId)[0];
  if (f === undefined) throw new Error(`no ${ruleId} finding`);
  return f;
}

describe("a Kustomize overlay scanned from its parent folder", () => {
  let report: Json;
  let raw: string;
  beforeAll(async () => {
    const r = await scan(SHOP, ".", "--format", "json", "--fail-on", "none");
    raw = r.stdout;
    report = JSON.parse(raw) as Json;
  });

  it("the privileged container points at the strategic-merge patch, the line of `privileged: true`", () => {
    const [f = {}, ...more] = only(report, "privileged-container");
    expect(more).toEqual([]);
    expect(f.object).toMatchObject({ kind: "Deployment", name: "web", namespace: "shop" });
    expect(f.location).toMatchObject({ file: "overlays/prod/privileged.yaml", line: lineOf(path.join(SHOP, "overlays/prod/privileged.yaml"), "privileged: true"), path: "spec.template.spec.containers[0].securityContext.privileged" });
    expect(f.rendered).toEqual({ tool: "kustomize", root: "overlays/prod", document: 1, line: expect.any(Number), column: expect.any(Number) });
  });

  it("host-network points at the JSON 6902 op", () => {
    const [f = {}, ...more] = only(report, "host-network");
    expect(more).toEqual([]);
    expect(f.location).toMatchObject({ file: "overlays/prod/host-network.yaml", line: 1 });
    expect(f.rendered).toMatchObject({ tool: "kustomize", root: "overlays/prod" });
  });

  it("settings of the base point at the base's lines", () => {
    const base = path.join(SHOP, "base/deployment.yaml");
    expect(first(report, "read-only-root-filesystem").location).toMatchObject({ file: "base/deployment.yaml", line: lineOf(base, "runAsNonRoot: true") });
    expect(first(report, "liveness-probe-missing").location).toMatchObject({ file: "base/deployment.yaml", line: lineOf(base, "- name: web") });
    expect(only(report, "automount-service-account-token").find((f) => f.object.kind === "Deployment")?.location).toMatchObject({ file: "base/deployment.yaml", line: lineOf(base, "containers:") });
  });

  it("the base, the patches and the component are not scanned on their own: every object finding is rendered, none twice", () => {
    const objects = report.findings.filter((f: Json) => f.object !== undefined);
    expect(objects.length).toBeGreaterThan(5);
    // Only the unreferenced Component's kustomization is read as a plain file.
    const plain = objects.filter((f: Json) => f.rendered === undefined);
    expect(plain.filter((f: Json) => f.object.kind !== "Component")).toEqual([]);
    expect(objects.filter((f: Json) => f.object.kind === "Deployment" && f.rendered === undefined)).toEqual([]);
    const keys = objects.map((f: Json) => `${f.ruleId} ${f.fingerprint}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(report.findings.filter((f: Json) => f.ruleId === "parse-error" || f.ruleId === "render-error")).toEqual([]);
    expect(objects.every((f: Json) => f.rendered === undefined || f.rendered.root === "overlays/prod")).toBe(true);
  });

  it("the JSON report validates against the schema and carries no trace of kustomize's build annotations", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    expect(ajv.validate(reportSchema, report), ajv.errorsText()).toBe(true);
    expect(raw).not.toContain("config.kubernetes.io");
  });

  it("the text report says where the object was rendered from", async () => {
    const r = await scan(SHOP, ".", "--rules", "privileged-container", "--fail-on", "none");
    expect(r.stdout).toContain("overlays/prod/privileged.yaml:11");
    expect(r.stdout).toContain("rendered by kustomize from overlays/prod");
  });
});

describe("Kustomize build annotations are invisible to rules; the user's annotations are not", () => {
  it("a required annotation is not met by kustomize's origin annotation", async () => {
    const cfg = path.join(tempTree({ "c.yaml": "rules:\n  required-labels-annotations:\n    params:\n      requiredAnnotations: [origin, transformations]\n" }), "c.yaml");
    const r = await runCli(["scan", ".", "-c", cfg, "--rules", "required-labels-annotations", "--kustomize-bin", realKubectl(), "--format", "json", "--fail-on", "none"], SHOP);
    const report = JSON.parse(r.stdout) as Json;
    const missing = report.findings.filter((f: Json) => f.messageId === "missingAnnotation" && f.rendered !== undefined);
    // Deployment and Service, each missing both
    expect(missing.map((f: Json) => `${f.object.kind} ${f.data.required}`).sort()).toEqual(["Deployment origin", "Deployment transformations", "Service origin", "Service transformations"]);
  });

  it("a suppression annotation written in the base still suppresses the rendered object", async () => {
    const report = await scanJson(FIXTURES, "mapping");
    const s = report.suppressed.find((f: Json) => f.ruleId === "default-namespace" && f.object.kind === "Deployment");
    expect(s).toMatchObject({ object: { name: "staging-api" }, location: { file: "mapping/base/workloads.yaml" }, suppression: { kind: "annotation" } });
    expect(only(report, "default-namespace").filter((f: Json) => f.object.kind === "Deployment")).toEqual([]);
  });
});

describe("overlays with components, name prefixes and inline patches", () => {
  let report: Json;
  beforeAll(async () => {
    report = await scanJson(FIXTURES, "mapping");
  });

  it("each finding points at the file that set the value", () => {
    const sidecar = path.join(FIXTURES, "mapping/overlays/staging/sidecar.yaml");
    const component = path.join(FIXTURES, "mapping/components/hostpid/kustomization.yaml");
    const overlay = path.join(FIXTURES, "mapping/overlays/staging/kustomization.yaml");
    expect(first(report, "cap-sys-admin").location).toMatchObject({ file: "mapping/overlays/staging/sidecar.yaml", line: lineOf(sidecar, "SYS_ADMIN") });
    expect(first(report, "host-pid").location).toMatchObject({ file: "mapping/components/hostpid/kustomization.yaml", line: lineOf(component, "hostPID: true") });
    expect(first(report, "run-as-root-user").location).toMatchObject({ file: "mapping/overlays/staging/kustomization.yaml", line: lineOf(overlay, "- op: add") });
    for (const id of ["cap-sys-admin", "host-pid", "run-as-root-user"]) expect(first(report, id).rendered).toMatchObject({ tool: "kustomize", root: "mapping/overlays/staging" });
  });

  it("a file in the overlay's folder that nothing references is scanned as a plain manifest", () => {
    expect(only(report, "privileged-container")).toHaveLength(1);
    const f = [first(report, "privileged-container")];
    expect(f[0]).toMatchObject({ object: { kind: "Pod", name: "debug" }, location: { file: "mapping/overlays/staging/debug-pod.yaml" } });
    expect(f[0]!.rendered).toBeUndefined();
    expect(report.findings.filter((x: Json) => x.location.file === "mapping/base/workloads.yaml" && x.rendered === undefined)).toEqual([]);
  });
});

describe("when an overlay does not render", () => {
  it("reports a render-error on its kustomization and scans its files as plain manifests", async () => {
    const r = await scan(FIXTURES, "broken", "--format", "json");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Json;
    const [err = {}, ...more] = only(report, "render-error");
    expect(more).toEqual([]);
    expect(err.location).toMatchObject({ file: "broken/kustomization.yaml", line: 1 });
    expect(err.message).toContain("missing.yaml");
    expect(first(report, "privileged-container")).toMatchObject({ location: { file: "broken/pod.yaml", line: 10 } });
    expect(first(report, "privileged-container").rendered).toBeUndefined();
    const ajv = new Ajv({ allErrors: true, strict: false });
    expect(ajv.validate(reportSchema, report), ajv.errorsText()).toBe(true);
  });

  it("a --kustomize-bin that does not exist is a usage error with how to get one", async () => {
    const r = await runCli(["scan", "shop", "--no-config", "--kustomize-bin", "/does/not/exist"], FIXTURES);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("--kustomize-bin: /does/not/exist not found");
    expect(r.stderr).toContain("kubectl kustomize DIR | shipshape scan -");
  });

  it("kubectl missing from PATH is a render-error with install hints, and the files are still scanned", async () => {
    const saved = process.env.PATH;
    process.env.PATH = "";
    let r: CliResult;
    try {
      r = await runCli(["scan", "shop", "--no-config", "--format", "json", "--fail-on", "none"], FIXTURES);
    } finally {
      process.env.PATH = saved;
    }
    const report = JSON.parse(r.stdout) as Json;
    expect(first(report, "render-error")).toMatchObject({ location: { file: "shop/overlays/prod" } });
    expect(first(report, "render-error").message).toContain("install kubectl");
  });
});
