import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import AjvDraft04 from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyConfig } from "../engine/config.js";
import { scan } from "../engine/scan.js";
import type { ScanReport } from "./model.js";
import { FINGERPRINT_KEY, artifactLocation, findRepositoryRoot, pascalCase, renderSarif } from "./sarif.js";

const SARIF_SCHEMA = fileURLToPath(new URL("../../../shared/schemas/sarif-schema-2.1.0.json", import.meta.url));

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            privileged: true
`;

const AGENT = `apiVersion: v1
kind: Pod
metadata:
  name: agent
  annotations:
    ignore.shipshape.io/privileged-container: "node agent: needs the host's devices"
spec:
  containers:
    - name: agent
      image: agent:1
      securityContext:
        privileged: true
`;

const FINE = `apiVersion: v1
kind: Pod
metadata:
  name: fine
spec:
  containers:
    - name: app
      image: app:1
`;

const BROKEN = `apiVersion: v1
kind: Pod
metadata: {name: [broken
`;

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

let repo: string;
let report: ScanReport;
let sarif: Json;

beforeAll(async () => {
  repo = realpathSync(mkdtempSync(path.join(tmpdir(), "shipshape-sarif-")));
  mkdirSync(path.join(repo, ".git"));
  const deploy = path.join(repo, "deploy");
  mkdirSync(path.join(deploy, "sub dir"), { recursive: true });
  writeFileSync(path.join(deploy, "web.yaml"), WEB);
  writeFileSync(path.join(deploy, "sub dir", "agent #1.yaml"), AGENT);
  writeFileSync(path.join(deploy, "fine.yaml"), FINE);
  writeFileSync(path.join(deploy, "broken.yaml"), BROKEN);
  // Absolute file names; the working directory is inside the repository, whose root is found from it.
  report = await scan({ paths: [deploy], config: emptyConfig(), only: ["privileged-container"], keepEvaluations: true });
  sarif = JSON.parse(renderSarif(report, { cwd: path.join(deploy, "sub dir") }));
});

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

function resultsFor(ruleId: string): Json[] {
  return sarif.runs[0].results.filter((r: Json) => r.ruleId === ruleId);
}

describe("renderSarif", () => {
  it("has one run of shipshape with the tool's metadata", () => {
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs).toHaveLength(1);
    const driver = sarif.runs[0].tool.driver;
    expect(driver.name).toBe("shipshape");
    expect(driver.version).toBe(report.tool.version);
    expect(driver.semanticVersion).toBe(report.tool.version);
    expect(driver.informationUri).toBe("https://github.com/shipshape-dev/shipshape");
    expect(sarif.runs[0].properties.summary).toEqual(report.summary);
  });

  it("describes every rule that ran, and the diagnostics present, with what GitHub needs", () => {
    const rules: Json[] = sarif.runs[0].tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(["privileged-container", "parse-error"]);
    for (const r of rules) {
      expect(r.fullDescription.text).not.toBe("");
      expect(r.help.text).not.toBe("");
      expect(r.help.markdown).not.toBe("");
      expect(r.shortDescription.text).not.toBe("");
      expect(r.name).toBe(pascalCase(r.id));
    }
    const priv = rules[0];
    expect(priv.name).toBe("PrivilegedContainer");
    expect(priv.shortDescription.text).toBe("Privileged container");
    expect(priv.defaultConfiguration.level).toBe("error");
    expect(priv.properties["security-severity"]).toBe("9.5");
    expect(priv.properties.precision).toBe("high");
    expect(priv.properties["problem.severity"]).toBe("error");
    expect(priv.properties.tags).toEqual(expect.arrayContaining(["security", "pod-security", "pss-baseline", "cis-5.2.2", "nsa-cisa", "mitre-privilege-escalation"]));
    expect(priv.help.markdown).toContain("```yaml");
    expect(priv.help.markdown).toContain("privileged: true");
  });

  it("reports a finding at its position, with a root-relative URI, the object and a fingerprint", () => {
    const [web] = resultsFor("privileged-container").filter((r) => !r.suppressions);
    expect(web).toBeDefined();
    expect(web.level).toBe("error");
    expect(web.ruleIndex).toBe(0);
    expect(web.message.text).toMatch(/^Container 'web' runs privileged/);
    const loc = web.locations[0];
    expect(loc.physicalLocation.artifactLocation.uri).toBe("deploy/web.yaml");
    expect(loc.physicalLocation.artifactLocation.uriBaseId).toBe("%SRCROOT%");
    // `privileged: true` is on line 17; `true` starts at column 25 and ends before column 29.
    expect(loc.physicalLocation.region).toEqual({ startLine: 17, startColumn: 25, endLine: 17, endColumn: 29 });
    const artifacts: Json[] = sarif.runs[0].artifacts;
    expect(artifacts[loc.physicalLocation.artifactLocation.index].location.uri).toBe("deploy/web.yaml");
    expect(loc.logicalLocations).toEqual([
      { name: "web", fullyQualifiedName: "shop/Deployment/web", kind: "object", properties: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop" } },
    ]);
    const finding = report.findings.find((f) => f.ruleId === "privileged-container");
    expect(web.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: finding?.fingerprint });
    expect(web.properties).toMatchObject({
      severity: "critical",
      yamlPath: "spec.template.spec.containers[0].securityContext.privileged",
      container: "web",
      object: { kind: "Deployment", namespace: "shop", name: "web" },
    });
  });

  it("includes suppressed findings with their suppression, and percent-encodes URIs", () => {
    const suppressed = resultsFor("privileged-container").filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    const [agent] = suppressed;
    expect(agent.suppressions).toEqual([{ kind: "inSource", status: "accepted", justification: "node agent: needs the host's devices" }]);
    expect(agent.locations[0].physicalLocation.artifactLocation.uri).toBe("deploy/sub%20dir/agent%20%231.yaml");
    expect(agent.locations[0].physicalLocation.region.startLine).toBe(12);
  });

  it("reports malformed YAML as a parse-error result", () => {
    const [parse] = resultsFor("parse-error");
    expect(parse).toBeDefined();
    expect(parse.level).toBe("error");
    expect(parse.ruleIndex).toBe(1);
    expect(parse.locations[0].physicalLocation.artifactLocation.uri).toBe("deploy/broken.yaml");
    expect(parse.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(3);
    expect(parse.locations[0].logicalLocations).toBeUndefined();
  });

  it("lists each file once, and every URI is relative to %SRCROOT%", () => {
    const run = sarif.runs[0];
    expect(run.originalUriBaseIds["%SRCROOT%"].uri).toBe(pathToFileURL(repo).href + "/");
    const uris = run.artifacts.map((a: Json) => a.location.uri);
    expect(new Set(uris).size).toBe(uris.length);
    expect(uris.sort()).toEqual(["deploy/broken.yaml", "deploy/sub%20dir/agent%20%231.yaml", "deploy/web.yaml"]);
    for (const r of run.results) {
      const al = r.locations[0].physicalLocation.artifactLocation;
      expect(al.uri).not.toMatch(/^(file:|\/)/);
      expect(al.uriBaseId).toBe("%SRCROOT%");
      expect(r.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it("resolves file names relative to the working directory", async () => {
    const cwd = process.cwd();
    const relative = await scan({ paths: [path.relative(cwd, path.join(repo, "deploy"))], config: emptyConfig(), only: ["privileged-container"] });
    expect(relative.findings.some((f) => !path.isAbsolute(f.location.file))).toBe(true);
    const doc = JSON.parse(renderSarif(relative, { cwd, root: repo }));
    expect(doc.runs[0].artifacts.map((a: Json) => a.location.uri).sort()).toEqual(["deploy/broken.yaml", "deploy/sub%20dir/agent%20%231.yaml", "deploy/web.yaml"]);
  });

  it("uses the severity of the finding for the level (severity overrides), and a given root", () => {
    const lowered: ScanReport = { ...report, findings: report.findings.map((f) => ({ ...f, severity: "medium" as const })) };
    const doc = JSON.parse(renderSarif(lowered, { cwd: process.cwd(), root: path.join(repo, "deploy") }));
    const levels = doc.runs[0].results.filter((r: Json) => !r.suppressions).map((r: Json) => r.level);
    expect(new Set(levels)).toEqual(new Set(["warning"]));
    expect(doc.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).not.toContain("deploy/");
  });

  it("makes URIs from absolute paths, stdin, and paths outside the repository", () => {
    expect(artifactLocation("<stdin>", "/r", "/r")).toEqual({ uri: "stdin" });
    expect(artifactLocation("/r/a/b.yaml", "/elsewhere", "/r")).toEqual({ uri: "a/b.yaml", uriBaseId: "%SRCROOT%" });
    expect(artifactLocation("b.yaml", "/r/a", "/r")).toEqual({ uri: "a/b.yaml", uriBaseId: "%SRCROOT%" });
    expect(artifactLocation("../x.yaml", "/r", "/r")).toEqual({ uri: "file:///x.yaml" });
    expect(artifactLocation("ünï cödé?.yaml", "/r", "/r")).toEqual({ uri: "%C3%BCn%C3%AF%20c%C3%B6d%C3%A9%3F.yaml", uriBaseId: "%SRCROOT%" });
    expect(findRepositoryRoot(path.join(repo, "deploy", "sub dir"))).toBe(repo);
  });

  it("renders a report read from stdin", async () => {
    const r = await scan({ paths: ["-"], stdin: WEB, config: emptyConfig(), only: ["privileged-container"] });
    const doc = JSON.parse(renderSarif(r, { cwd: repo }));
    expect(doc.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: "stdin", index: 0 });
    expect(doc.runs[0].artifacts).toEqual([{ location: { uri: "stdin" }, roles: ["analysisTarget"] }]);
  });

  it("reports configuration exemptions: external suppressions, and expired ones as results in the configuration file", async () => {
    const doc = JSON.parse(renderSarif(await withConfig(), { cwd: repo }));
    const run = doc.runs[0];
    expect(run.tool.driver.rules.map((r: Json) => r.id)).toEqual(["privileged-container", "parse-error", "exemption-expired"]);
    const expired = run.results.find((r: Json) => r.ruleId === "exemption-expired");
    expect(expired.level).toBe("note");
    expect(expired.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: ".shipshape.yaml", uriBaseId: "%SRCROOT%" }, region: { startLine: 3, startColumn: 5 } });
    expect(run.artifacts[expired.locations[0].physicalLocation.artifactLocation.index].roles).toEqual(["userSpecifiedConfiguration"]);
    const web = run.results.find((r: Json) => r.ruleId === "privileged-container" && r.properties.container === "web");
    expect(web.suppressions).toEqual([{ kind: "external", status: "accepted", justification: "reviewed", properties: { source: ".shipshape.yaml:6" } }]);
  });

  it.skipIf(!existsSync(SARIF_SCHEMA))("is valid against the SARIF 2.1.0 schema", async () => {
    const Ajv = AjvDraft04.default;
    const addFormats = addFormatsModule.default;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, "utf8")) as object);
    const stdin = await scan({ paths: ["-"], stdin: WEB, config: emptyConfig(), only: ["privileged-container"] });
    const outside = await scan({ paths: [path.join(repo, "deploy", "web.yaml")], config: emptyConfig(), only: ["privileged-container"] });
    const docs = [
      sarif,
      JSON.parse(renderSarif(await withConfig(), { cwd: repo })),
      JSON.parse(renderSarif(stdin, { cwd: repo })),
      JSON.parse(renderSarif(outside, { cwd: repo, root: path.join(repo, "elsewhere") })),
    ];
    for (const doc of docs) {
      const ok = validate(doc);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });
});

/** The scan again, with exemptions in a configuration file: one expired, one that suppresses the Deployment. */
async function withConfig(): Promise<ScanReport> {
  const config = emptyConfig();
  config.file = ".shipshape.yaml";
  config.exemptions = [
    { rules: ["privileged-container"], name: "agent", reason: "old", expires: "2020-01-01", source: { file: ".shipshape.yaml", line: 3, column: 5 } },
    { rules: ["privileged-container"], kind: "Deployment", reason: "reviewed", source: { file: ".shipshape.yaml", line: 6, column: 5 } },
  ];
  return await scan({ paths: [path.join(repo, "deploy")], config, only: ["privileged-container"], now: new Date("2025-06-01") });
}
