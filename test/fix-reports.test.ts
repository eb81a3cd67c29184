// Fix previews in the reports: SARIF `fixes` (replacements that give the same file as `shipshape fix`), the JSON
// report's `fix.preview`, the Markdown "Suggested fixes" section and the diff beside the finding in HTML. Rendered
// objects (Helm, Kustomize) get no preview: their text is not what a person edits.
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import AjvDraft04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/testing/cli.js";
import { realHelm, realKubectl } from "../src/testing/tools.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const K8S = path.join(ROOT, "test/fixtures/fix/k8s");
const sarifSchemaFile = fileURLToPath(new URL("../../shared/schemas/sarif-schema-2.1.0.json", import.meta.url));
const reportSchema = JSON.parse(readFileSync(new URL("../schemas/report.schema.json", import.meta.url), "utf8")) as object;
const validateReport = new Ajv({ allErrors: true, strict: false }).compile(reportSchema);

interface Json {
  [k: string]: any;
}

/** A temp copy of one golden input, as `manifest.yaml`. */
function copyOf(rule: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-fix-report-"));
  cpSync(path.join(K8S, rule, "input.yaml"), path.join(dir, "manifest.yaml"));
  return dir;
}

async function report(dir: string, format: string, rule: string, file = "manifest.yaml"): Promise<string> {
  const r = await runCli(["scan", "--no-config", "--profile", "all", "--format", format, "--fail-on", "none", "--rules", rule, file], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return r.stdout;
}

/** Applies SARIF replacements (1-based lines and columns, end exclusive) to a text, last first. */
function applyReplacements(text: string, replacements: Json[]): string {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const offset = (line: number, column: number) => starts[line - 1]! + column - 1;
  const edits = replacements.map((r) => ({
    start: offset(r.deletedRegion.startLine, r.deletedRegion.startColumn),
    end: offset(r.deletedRegion.endLine ?? r.deletedRegion.startLine, r.deletedRegion.endColumn ?? r.deletedRegion.startColumn),
    text: (r.insertedContent?.text as string | undefined) ?? "",
  }));
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

// Golden inputs with exactly one finding of their rule: the SARIF fix of that finding is the whole `fix` run.
const SINGLE = ["privileged-container", "linux-hardening-missing", "apparmor-unconfined", "host-users-not-isolated", "windows-host-process", "hpa-with-static-replicas", "proc-mount-unmasked"];

describe("SARIF fixes", () => {
  it.each(SINGLE)("%s: the replacements give the file `shipshape fix` writes", async (rule) => {
    const dir = copyOf(rule);
    const text = readFileSync(path.join(dir, "manifest.yaml"), "utf8");
    const sarif = JSON.parse(await report(dir, "sarif", rule)) as Json;
    const results = (sarif.runs[0].results as Json[]).filter((r) => r.ruleId === rule);
    expect(results).toHaveLength(1);
    const fixes = results[0]!.fixes as Json[];
    expect(fixes).toHaveLength(1);
    expect(fixes[0]!.description.text).toMatch(/\S/);
    const change = fixes[0]!.artifactChanges[0];
    expect(change.artifactLocation).toMatchObject({ uri: "manifest.yaml", uriBaseId: "%SRCROOT%" });
    const previewed = applyReplacements(text, change.replacements as Json[]);

    const fixed = await runCli(["fix", "--no-config", "--profile", "all", "--unsafe", "--rules", rule, "manifest.yaml"], dir);
    expect(fixed.code).toBe(0);
    const written = readFileSync(path.join(dir, "manifest.yaml"), "utf8");
    expect(written).not.toBe(text);
    expect(previewed).toBe(written);
  });

  it.skipIf(!existsSync(sarifSchemaFile))("validates against the official SARIF 2.1.0 schema, fixes included", async () => {
    const schema = JSON.parse(readFileSync(sarifSchemaFile, "utf8")) as object;
    const validate = new AjvDraft04.default({ allErrors: true, strict: false, logger: false }).compile(schema);
    const dir = copyOf("drop-net-raw");
    const sarif = JSON.parse(await report(dir, "sarif", "drop-net-raw")) as Json;
    expect((sarif.runs[0].results as Json[]).every((r) => Array.isArray(r.fixes) && r.fixes.length === 1)).toBe(true);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });
});

describe("JSON, Markdown and HTML previews", () => {
  it("JSON: the fix as data (ops, safety, note), no preview (fix --dry-run shows the diffs), and the report validates", async () => {
    const dir = copyOf("run-as-root-user");
    const json = JSON.parse(await report(dir, "json", "run-as-root-user")) as Json;
    expect(validateReport(json), JSON.stringify(validateReport.errors?.slice(0, 3))).toBe(true);
    const findings = json.findings as Json[];
    expect(findings.length).toBe(2);
    for (const f of findings) {
      expect(f.fix.ops.length).toBeGreaterThan(0);
      expect(["safe", "unsafe"]).toContain(f.fix.safety);
      expect(f.fix.preview).toBeUndefined();
    }
  });

  it("Markdown: a Suggested fixes section with a diff block", async () => {
    const md = await report(copyOf("privileged-container"), "markdown", "privileged-container");
    expect(md).toContain("Suggested fixes");
    const block = /```diff\n([\s\S]*?)```/.exec(md);
    expect(block?.[1]).toContain("-        securityContext: {privileged: true, readOnlyRootFilesystem: true} # copied from the CNI chart");
    expect(block?.[1]).toContain("+        securityContext: {privileged: false, readOnlyRootFilesystem: true} # copied from the CNI chart");
  });

  it("HTML: the diff beside the finding", async () => {
    const html = await report(copyOf("privileged-container"), "html", "privileged-container");
    expect(html).toMatch(/class="fix/);
    expect(html).toContain("privileged: false");
  });
});

describe("rendered objects get no preview", () => {
  it("Kustomize overlay (real kubectl)", async () => {
    const r = await runCli(
      ["scan", "--no-config", "--format", "json", "--fail-on", "none", "--kustomize-bin", realKubectl(), "--rules", "privileged-container,host-network", "overlays/prod"],
      path.join(ROOT, "test/fixtures/kustomize/shop"),
    );
    const findings = (JSON.parse(r.stdout) as Json).findings as Json[];
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.rendered?.tool).toBe("kustomize");
      expect(f.fix?.preview).toBeUndefined();
    }
  });

  it("Helm chart (real helm): no preview in JSON, no fixes in SARIF", async () => {
    const args = ["scan", "--no-config", "--fail-on", "none", "--helm-bin", realHelm(), "--rules", "privileged-container,allow-privilege-escalation", "test/fixtures/helm/shop-chart"];
    const json = JSON.parse((await runCli([...args, "--format", "json"], ROOT)).stdout) as Json;
    expect(json.findings.length).toBeGreaterThan(0);
    for (const f of json.findings as Json[]) expect(f.fix?.preview).toBeUndefined();
    const sarif = JSON.parse((await runCli([...args, "--format", "sarif"], ROOT)).stdout) as Json;
    for (const r of sarif.runs[0].results as Json[]) expect(r.fixes).toBeUndefined();
  });
});
