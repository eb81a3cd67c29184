// The library API (src/index.ts, docs/library.md): the example of the docs runs as written, its result is the JSON
// report, the types hold, and importing the package does nothing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { afterAll, describe, expect, expectTypeOf, it, vi } from "vitest";
import * as api from "../src/index.js";
import { FORMATS } from "../src/report/index.js";
import { renderJson } from "../src/report/json.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const log = vi.spyOn(console, "log").mockImplementation(() => undefined);

// --- docs/library.md example: start ---
import { type Finding, renderReport, scan } from "../src/index.js";

const result = await scan({
  paths: ["examples/insecure-app"],
  profile: "recommended",
  config: false,
  failOn: "high",
});

const critical: Finding[] = result.findings.filter((f) => f.severity === "critical");
for (const f of critical) {
  console.log(`${f.location.file}:${f.location.line} ${f.ruleId}: ${f.message}`);
}
console.log(`${result.summary.findings} findings in ${result.summary.objects} objects`);

const sarif = await renderReport(result, "sarif"); // or "text", "json", "junit", "html", ...
if (result.exitCode !== 0) console.log("a finding reaches failOn: the CLI would exit 1");
// --- docs/library.md example: end ---

const printed = log.mock.calls.map((c) => String(c[0]));
log.mockRestore();
afterAll(() => vi.restoreAllMocks());

describe("docs/library.md", () => {
  it("shows the example this test runs", () => {
    const doc = readFileSync(path.join(root, "docs/library.md"), "utf8");
    const docBlock = /```ts\n([\s\S]*?)```/.exec(doc)?.[1];
    const self = readFileSync(fileURLToPath(import.meta.url), "utf8");
    const testBlock = /\/\/ --- docs\/library\.md example: start ---\n([\s\S]*?)\/\/ --- docs\/library\.md example: end ---/.exec(self)?.[1];
    expect(testBlock).toBeDefined();
    expect(docBlock).toBe(testBlock!.replace('from "../src/index.js"', 'from "shipshape"'));
  });

  it("is the example the README shows", () => {
    const doc = readFileSync(path.join(root, "docs/library.md"), "utf8");
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const block = (text: string) => /```ts\n([\s\S]*?)```/.exec(text)?.[1];
    expect(block(readme)).toBeDefined();
    expect(block(readme)).toBe(block(doc));
  });

  it("runs: findings of examples/insecure-app, exit status 1, a SARIF report", () => {
    expect(result.exitCode).toBe(1);
    expect(critical.length).toBeGreaterThan(0);
    expect(printed).toContain(`${result.summary.findings} findings in ${result.summary.objects} objects`);
    expect(printed).toContain("a finding reaches failOn: the CLI would exit 1");
    expect((JSON.parse(sarif) as { version: string }).version).toBe("2.1.0");
  });
});

describe("scan()", () => {
  it("returns the JSON report as objects (schemas/report.schema.json), plus exitCode", () => {
    const { exitCode, ...json } = result;
    expect(exitCode).toBe(1);
    const schema = JSON.parse(readFileSync(path.join(root, "schemas/report.schema.json"), "utf8")) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    expect(ajv.validate(schema, json), ajv.errorsText()).toBe(true);
  });

  it("gives what `scan --format json` writes", async () => {
    const { exitCode: _, ...json } = result;
    expect(JSON.parse(await renderReport(result, "json"))).toEqual(json);
  });

  it("is the scan of the CLI: same findings as the engine with the same settings", async () => {
    const { scan: engineScan } = await import("../src/engine/scan.js");
    const { emptyConfig } = await import("../src/engine/config.js");
    const report = await engineScan({ paths: ["examples/insecure-app"], cwd: root, config: emptyConfig(), profile: "recommended", failOn: "high" });
    const { exitCode: _, ...json } = result;
    expect(json).toEqual(JSON.parse(renderJson(report)));
  });

  it("a hardened app passes pss-restricted: exit status 0", async () => {
    const r = await scan({ paths: ["hardened-app"], cwd: path.join(root, "examples"), profile: "pss-restricted", config: false });
    expect(r.findings).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.settings.profile).toBe("pss-restricted");
  });

  it("takes the configuration as an object, checked against the schema; finds .shipshape.yaml by default", async () => {
    const r = await scan({ paths: ["examples/insecure-app"], cwd: root, config: { failOn: "none", rules: { "privileged-container": false } } });
    expect(r.exitCode).toBe(0);
    expect(r.findings.some((f) => f.ruleId === "privileged-container")).toBe(false);
    expect(result.findings.some((f) => f.ruleId === "privileged-container")).toBe(true);
    await expect(scan({ paths: ["examples"], cwd: root, config: { profile: "strictest" as never } })).rejects.toThrow(/profile/);

    const dir = mkdtempSync(path.join(tmpdir(), "shipshape-lib-"));
    try {
      writeFileSync(path.join(dir, ".shipshape.yaml"), "failOn: none\nexclude: [skip/**]\n");
      writeFileSync(path.join(dir, "pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    securityContext: {privileged: true}\n");
      const found = await scan({ cwd: dir });
      expect(found.settings.config).toBe(".shipshape.yaml");
      expect(found.settings.failOn).toBe("none");
      expect(found.findings.length).toBeGreaterThan(0);
      const none = await scan({ cwd: dir, config: false });
      expect(none.settings.config).toBeUndefined();
      expect(none.exitCode).toBe(1);
      const named = await scan({ cwd: dir, config: ".shipshape.yaml", rules: ["privileged-container"] });
      expect(named.findings.map((f) => f.ruleId)).toEqual(["privileged-container"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects with a UsageError when the scan cannot run", async () => {
    await expect(scan({ paths: ["no/such/folder"], cwd: root, config: false })).rejects.toBeInstanceOf(api.UsageError);
    await expect(scan({ paths: ["examples"], cwd: root, config: false, profile: "nope" as never })).rejects.toThrow(/unknown profile/);
  });
});

describe("renderReport()", () => {
  it("writes every format as the CLI does", async () => {
    const full = await scan({ paths: ["examples/insecure-app"], cwd: root, config: false, surface: true, evaluations: true });
    for (const format of Object.keys(FORMATS) as api.FormatName[]) {
      const text = await renderReport(full, format);
      expect(text.length, format).toBeGreaterThan(0);
    }
    expect(await renderReport(full, "text")).toContain("privileged-container");
  });

  it("says what a format needs, and refuses what scan() did not return", async () => {
    await expect(renderReport(result, "html")).rejects.toThrow(/surface: true/);
    await expect(renderReport(result, "junit")).rejects.toThrow(/evaluations: true/);
    await expect(renderReport({ ...result }, "text")).rejects.toThrow(/not a result of scan/);
    await expect(renderReport(result, "pdf" as never)).rejects.toThrow(/unknown format/);
  });
});

describe("types", () => {
  it("are those of the JSON report", () => {
    expectTypeOf(scan).parameter(0).toEqualTypeOf<api.ScanOptions | undefined>();
    expectTypeOf(result).toEqualTypeOf<api.ScanResult>();
    expectTypeOf(result.exitCode).toEqualTypeOf<0 | 1>();
    expectTypeOf(result.findings).toEqualTypeOf<api.Finding[]>();
    expectTypeOf<api.Finding["severity"]>().toEqualTypeOf<api.Severity>();
    expectTypeOf(renderReport).returns.toEqualTypeOf<Promise<string>>();
    const options: api.ScanOptions = { paths: ["k8s"], profile: "pss-restricted", config: { exclude: ["tmp/**"] }, failOn: "none" };
    // @ts-expect-error: not a profile
    const bad: api.ScanOptions = { profile: "strictest" };
    expect([options, bad]).toHaveLength(2);
    expect(api.getVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("importing the package", () => {
  const dist = path.join(root, "dist/index.js");

  it("prints nothing and reads no file (dist/index.js, as `import \"shipshape\"` loads it)", () => {
    expect(existsSync(dist), "dist/index.js: run `npm run build` (npm test does)").toBe(true);
    // fs calls during the import are recorded; node's module loader does not go through node:fs
    const probe = `
      import fs from "node:fs";
      import { syncBuiltinESMExports } from "node:module";
      const calls = [];
      for (const k of Object.keys(fs)) {
        if (typeof fs[k] !== "function" || /^[A-Z]/.test(k)) continue;
        const orig = fs[k];
        fs[k] = function (...args) { calls.push(k + " " + String(args[0])); return orig.apply(this, args); };
      }
      syncBuiltinESMExports();
      const m = await import("shipshape");
      process.stdout.write(JSON.stringify({ calls, exports: Object.keys(m).sort() }));
    `;
    const dir = mkdtempSync(path.join(tmpdir(), "shipshape-import-"));
    try {
      // a configuration and a manifest in the current folder that reading would trip over
      writeFileSync(path.join(dir, ".shipshape.yaml"), "profile: [not valid\n");
      const run = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { cwd: root, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const out = JSON.parse(run.stdout) as { calls: string[]; exports: string[] };
      expect(out.calls).toEqual([]);
      expect(out.exports).toEqual(expect.arrayContaining(["scan", "renderReport", "getVersion", "SEVERITIES", "UsageError"]));
      const elsewhere = spawnSync(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(pathToHref(dist))}); process.stdout.write("")`], { cwd: dir, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
      expect(elsewhere.stdout + elsewhere.stderr).toBe("");
      expect(elsewhere.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function pathToHref(p: string): string {
  return new URL(`file://${p}`).href;
}
