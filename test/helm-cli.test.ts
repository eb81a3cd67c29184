// Helm charts end to end from the CLI with the real helm: findings point at the template (and values key) a person
// edits, values and --set change what is found, a broken chart is one finding among the others, and the JSON
// report carries where each object sits in the rendered stream.
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRIVILEGED_POD, runCli, tempTree } from "../src/testing/cli.js";
import { realHelm } from "../src/testing/tools.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const SHOP = "test/fixtures/helm/shop-chart";
const reportSchema = JSON.parse(readFileSync(new URL("../schemas/report.schema.json", import.meta.url), "utf8")) as object;

interface Json {
  [k: string]: any;
}

const scanJson = async (cwd: string, ...args: string[]): Promise<{ code: number; report: Json; stderr: string }> => {
  const r = await runCli(["scan", "--no-config", "--format", "json", "--helm-bin", realHelm(), ...args], cwd);
  return { code: r.code, report: JSON.parse(r.stdout) as Json, stderr: r.stderr };
};
const find = (report: Json, ruleId: string, file?: string): Json[] =>
  (report.findings as Json[]).filter((f) => f.ruleId === ruleId && (file === undefined || f.location.file === file));

describe("shipshape scan on a Helm chart (real helm)", () => {
  let plain: Json;
  beforeAll(async () => {
    plain = (await scanJson(ROOT, SHOP)).report;
  });

  it("reports on the template a person edits, with the line of the checked key", () => {
    const [privileged, ...more] = find(plain, "privileged-container");
    expect(more).toEqual([]);
    expect(privileged?.location).toEqual({
      file: `${SHOP}/charts/cache/templates/deployment.yaml`,
      line: 18,
      column: 13,
      path: "spec.template.spec.containers[0].securityContext.privileged",
    });
    expect(privileged?.rendered).toEqual({ tool: "helm", root: SHOP, document: 1, line: 34, column: 25 });
    expect(privileged?.object).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "release-cache" });
    expect(find(plain, "service-loadbalancer")[0]?.location).toMatchObject({ file: `${SHOP}/templates/service.yaml`, line: 6, column: 3 });
    // no finding is placed in the rendered stream's own lines: every file is a template of the chart
    for (const f of plain.findings as Json[]) expect(f.location.file).toMatch(new RegExp(`^${SHOP}/(charts/cache/)?templates/`));
  });

  it("a value from toYaml .Values names the values key and its line", () => {
    const [ape] = find(plain, "allow-privilege-escalation", `${SHOP}/templates/deployment.yaml`);
    expect(ape?.location).toMatchObject({ line: 23, column: 11 });
    expect(ape?.values).toEqual({ file: `${SHOP}/values.yaml`, key: "web.securityContext.allowPrivilegeEscalation", line: 12, column: 5 });
  });

  it("scans the helm test hook pod like the rest (rules that skip hooks still do)", () => {
    const hook = find(plain, "run-as-root-user", `${SHOP}/templates/tests/test-connection.yaml`);
    expect(hook).toHaveLength(1);
    expect(hook[0]?.location).toMatchObject({ line: 14, column: 9 });
    // Marked as a hook in the report; objects of the release are not.
    expect(hook[0]?.rendered?.helmHooks).toEqual(["test"]);
    expect(find(plain, "run-as-root-user", `${SHOP}/templates/deployment.yaml`).every((f) => f.rendered?.helmHooks === undefined)).toBe(true);
  });

  it("the JSON report validates against the schema and carries rendered", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(reportSchema);
    expect(validate(plain), JSON.stringify(validate.errors)).toBe(true);
    expect((plain.findings as Json[]).every((f) => f.rendered?.tool === "helm")).toBe(true);
    expect(plain.summary).toMatchObject({ files: 1, documents: 4, objects: 4 });
  });

  it("--values and --set change what is found", async () => {
    expect(find(plain, "host-network")).toEqual([]);
    const prod = (await scanJson(ROOT, SHOP, "--values", `${SHOP}/values-prod.yaml`)).report;
    const [hostNetwork] = find(prod, "host-network");
    expect(hostNetwork?.location).toMatchObject({ file: `${SHOP}/templates/deployment.yaml`, line: 17, column: 7 });
    expect(hostNetwork?.values).toEqual({ file: `${SHOP}/values-prod.yaml`, key: "hostNetwork", line: 1, column: 1 });
    // values-prod turns allowPrivilegeEscalation off and adds SYS_ADMIN
    expect(find(prod, "allow-privilege-escalation", `${SHOP}/templates/deployment.yaml`)).toEqual([]);
    expect(find(plain, "allow-privilege-escalation", `${SHOP}/templates/deployment.yaml`)).toHaveLength(1);

    const set = (await scanJson(ROOT, SHOP, "--set", "hostNetwork=true")).report;
    const [fromSet] = find(set, "host-network");
    expect(fromSet?.location).toMatchObject({ file: `${SHOP}/templates/deployment.yaml`, line: 17 });
    expect(fromSet?.values).toBeUndefined();
  });

  it("--kube-version changes what renders", async () => {
    const memory = (r: Json) => find(r, "memory-limits-missing", `${SHOP}/templates/deployment.yaml`);
    expect(memory(plain)).toEqual([]);
    const old = (await scanJson(ROOT, SHOP, "--kube-version", "1.32")).report;
    expect(memory(old)).toHaveLength(1);
    expect(memory(old)[0]?.location).toMatchObject({ line: 19, column: 9 });
  });
});

describe("Helm errors from the CLI", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempTree({ "pod.yaml": PRIVILEGED_POD });
    cpSync(path.join(ROOT, "test/fixtures/helm/broken-chart"), path.join(dir, "broken"), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a chart that fails to render is a render-error; the other files are still scanned; exit 1", async () => {
    const { code, report } = await scanJson(dir, ".");
    expect(code).toBe(1);
    const [err, ...more] = find(report, "render-error");
    expect(more).toEqual([]);
    expect(err?.location).toEqual({ file: "broken/Chart.yaml", line: 1, column: 1 });
    expect(err?.message).toContain("values.name is required");
    expect(find(report, "privileged-container")[0]?.location).toMatchObject({ file: "pod.yaml", line: 11 });
  });

  it("--helm-bin that does not exist: exit 2, naming the path and how to get helm", async () => {
    const r = await runCli(["scan", "--no-config", "--helm-bin", "/does/not/exist", "."], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("/does/not/exist");
    expect(r.stderr).toContain("https://helm.sh/docs/intro/install/");
  });

  it("no helm on PATH: a render-error with install hints, and the scan goes on", async () => {
    const saved = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      const r = await runCli(["scan", "--no-config", "--format", "json", "."], dir);
      const report = JSON.parse(r.stdout) as Json;
      expect(r.code).toBe(1);
      const [err] = find(report, "render-error");
      expect(err?.location.file).toBe("broken");
      expect(err?.message).toContain("helm not found on PATH");
      expect(find(report, "privileged-container")).toHaveLength(1);
    } finally {
      process.env.PATH = saved;
    }
  });

  it("a packaged subchart is reported in its archive, with the path inside it", async () => {
    const chartDir = tempTree({});
    try {
      cpSync(path.join(ROOT, SHOP), path.join(chartDir, "shop"), { recursive: true });
      execFileSync(realHelm(), ["package", "shop/charts/cache", "-d", "shop/charts"], { cwd: chartDir, stdio: "ignore" });
      rmSync(path.join(chartDir, "shop/charts/cache"), { recursive: true });
      const { report } = await scanJson(chartDir, ".");
      const [privileged] = find(report, "privileged-container");
      expect(privileged?.location).toEqual({
        file: "shop/charts/cache-0.1.0.tgz",
        archivePath: "cache/templates/deployment.yaml",
        line: 18,
        column: 13,
        path: "spec.template.spec.containers[0].securityContext.privileged",
      });
      const validate = new Ajv({ allErrors: true, strict: false }).compile(reportSchema);
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    } finally {
      rmSync(chartDir, { recursive: true, force: true });
    }
  });
});

describe("a chart's templates folder named on its own", () => {
  it("renders the chart it belongs to instead of reading templates as plain YAML", async () => {
    const r = await runCli(["scan", `${SHOP}/templates`, "--no-config", "--format", "json", "--fail-on", "none", "--helm-bin", realHelm()], ROOT);
    const report = JSON.parse(r.stdout) as Json;
    expect(report.findings.filter((f: Json) => f.ruleId === "parse-error")).toEqual([]);
    expect(report.findings.some((f: Json) => f.ruleId === "privileged-container" && f.location.file.endsWith("charts/cache/templates/deployment.yaml"))).toBe(true);
  });
});
