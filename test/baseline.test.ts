// Baselines end to end from the CLI: --write-baseline records today's findings by fingerprint, --baseline reports
// only new ones (whatever unrelated edits moved the lines), counts the fixed entries, and never fails on baselined ones.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { PRIVILEGED_POD, runCli, tempTree } from "../src/testing/cli.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const reportSchema = JSON.parse(readFileSync(new URL("../schemas/report.schema.json", import.meta.url), "utf8")) as object;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      hostNetwork: true
      containers:
        - name: api
          image: registry.example.com/api:latest
          ports:
            - containerPort: 8080
`;

/** The same Deployment after unrelated edits: comments, keys reordered, lines inserted above, a clean document added. */
const DEPLOYMENT_EDITED = `# The API of the shop.
# Owned by the platform team.

apiVersion: apps/v1
metadata:
  # where it runs
  namespace: shop
  name: api
  labels:
    team: platform
kind: Deployment
spec:
  selector:
    matchLabels: {app: api}
  replicas: 3
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - image: registry.example.com/api:latest
          name: api   # the only container
          ports:
            - containerPort: 8080
      hostNetwork: true
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: api-settings
  namespace: shop
data:
  LOG_LEVEL: info
`;

const scan = (dir: string, ...args: string[]) => runCli(["scan", ".", "--no-config", ...args], dir);
const scanJson = async (dir: string, ...args: string[]) => {
  const r = await scan(dir, "--format", "json", ...args);
  return { ...r, report: JSON.parse(r.stdout) as Json };
};
const validate = (report: Json) => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  expect(ajv.validate(reportSchema, report), ajv.errorsText()).toBe(true);
};

/** A tree with the Deployment, and its baseline written. */
async function baselined(): Promise<{ dir: string; written: Json; before: Json }> {
  const dir = tempTree({ "deploy/api.yaml": DEPLOYMENT });
  const before = (await scanJson(dir, "--fail-on", "none")).report;
  const w = await scan(dir, "--write-baseline", "shipshape-baseline.yaml");
  expect(w.code).toBe(0);
  expect(w.stderr).toMatch(/wrote \d+ findings to the baseline shipshape-baseline\.yaml/);
  return { dir, written: parse(readFileSync(path.join(dir, "shipshape-baseline.yaml"), "utf8")), before };
}

describe("scan --write-baseline", () => {
  it("records the findings by fingerprint, sorted, with a header, and exits 0 although findings fail --fail-on", async () => {
    const { dir, written, before } = await baselined();
    expect(before.findings.length).toBeGreaterThan(2);
    expect(before.findings.some((f: Json) => f.severity === "high" || f.severity === "critical")).toBe(true);
    const text = readFileSync(path.join(dir, "shipshape-baseline.yaml"), "utf8");
    expect(text).toMatch(/^# shipshape baseline: /);
    expect(text).toContain("shipshape scan . --no-config --write-baseline shipshape-baseline.yaml");
    expect(written.baselineVersion).toBe(1);
    expect(written.findings.map((e: Json) => e.fingerprint).sort()).toEqual(before.findings.map((f: Json) => f.fingerprint).sort());
    const entry = written.findings.find((e: Json) => e.ruleId === before.findings[0].ruleId && e.path === before.findings[0].location.path);
    expect(entry).toEqual(
      expect.objectContaining({ ruleId: before.findings[0].ruleId, object: { kind: "Deployment", namespace: "shop", name: "api" }, file: "deploy/api.yaml", message: before.findings[0].message }),
    );
    // sorted: rewriting gives the same bytes
    expect((await scan(dir, "--write-baseline", "again.yaml")).code).toBe(0);
    expect(readFileSync(path.join(dir, "again.yaml"), "utf8").replace(/^#.*\n/gm, "")).toBe(text.replace(/^#.*\n/gm, ""));
  });

  it("leaves out suppressed findings and diagnostics", async () => {
    const dir = tempTree({ "api.yaml": DEPLOYMENT, "broken.yaml": "kind: [unclosed\n" });
    expect((await scan(dir, "--write-baseline", "b.yaml")).code).toBe(0);
    const written = parse(readFileSync(path.join(dir, "b.yaml"), "utf8"));
    expect(written.findings.length).toBeGreaterThan(0);
    expect(written.findings.some((e: Json) => e.ruleId === "parse-error")).toBe(false);
    // the parse error is still reported, and still fails a scan against the baseline
    const r = await scanJson(dir, "--baseline", "b.yaml");
    expect(r.report.findings.map((f: Json) => f.ruleId)).toEqual(["parse-error"]);
    expect(r.code).toBe(1);
  });
});

describe("baseline: in .shipshape.yaml", () => {
  it("is used by every scan, relative to the configuration file; --no-baseline and --baseline FILE override it", async () => {
    const { dir, before } = await baselined();
    writeFileSync(path.join(dir, ".shipshape.yaml"), "baseline: shipshape-baseline.yaml\n");
    const withConfig = await runCli(["scan", "deploy", "--format", "json"], dir);
    const report = JSON.parse(withConfig.stdout) as Json;
    expect(report.findings).toEqual([]);
    expect(report.summary.baselined).toBe(before.findings.length);
    expect(withConfig.code).toBe(0);
    const ignored = JSON.parse((await runCli(["scan", "deploy", "--format", "json", "--no-baseline", "--fail-on", "none"], dir)).stdout) as Json;
    expect(ignored.findings.length).toBe(before.findings.length);
    // from a subfolder: the path is the configuration file's, not the working directory's
    const sub = JSON.parse((await runCli(["scan", ".", "--format", "json"], path.join(dir, "deploy"))).stdout) as Json;
    expect(sub.findings).toEqual([]);
  });
});

describe("scan --baseline", () => {
  it("shows no new finding after unrelated edits (comments, key order, lines above, a clean document), and exits 0", async () => {
    const { dir, before } = await baselined();
    writeFileSync(path.join(dir, "deploy/api.yaml"), DEPLOYMENT_EDITED);
    // the lines did move
    const moved = (await scanJson(dir, "--fail-on", "none")).report;
    expect(moved.findings.map((f: Json) => f.location.line)).not.toEqual(before.findings.map((f: Json) => f.location.line));
    const r = await scanJson(dir, "--baseline", "shipshape-baseline.yaml");
    expect(r.report.findings).toEqual([]);
    expect(r.report.summary).toEqual(expect.objectContaining({ findings: 0, baselined: before.findings.length, baselineGone: 0 }));
    expect(r.report.settings.baseline).toBe("shipshape-baseline.yaml");
    expect(r.code).toBe(0);
    validate(r.report);
    const text = await scan(dir, "--baseline", "shipshape-baseline.yaml");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("No findings.");
    expect(text.stdout).toContain(`${before.findings.length} baselined (list them with --show-baselined)`);
  });

  it("reports a privileged pod added later, and nothing else", async () => {
    const { dir } = await baselined();
    writeFileSync(path.join(dir, "deploy/pod.yaml"), PRIVILEGED_POD);
    const alone = tempTree({ "pod.yaml": PRIVILEGED_POD });
    const podFindings = (await scanJson(alone, "--fail-on", "none")).report.findings;
    const r = await scanJson(dir, "--baseline", "shipshape-baseline.yaml");
    expect(r.report.findings.length).toBeGreaterThan(0);
    expect(r.report.findings.every((f: Json) => f.object?.kind === "Pod" && f.object?.name === "web")).toBe(true);
    expect(r.report.findings.map((f: Json) => f.fingerprint).sort()).toEqual(podFindings.map((f: Json) => f.fingerprint).sort());
    expect(r.report.findings.map((f: Json) => f.ruleId)).toContain("privileged-container");
    expect(r.code).toBe(1);
    validate(r.report);
  });

  it("counts a fixed baselined finding in baselineGone", async () => {
    const { dir, before } = await baselined();
    writeFileSync(path.join(dir, "deploy/api.yaml"), DEPLOYMENT.replace("api:latest", "api:1.4.2"));
    const fixed = (await scanJson(dir, "--fail-on", "none")).report.findings.map((f: Json) => f.fingerprint);
    const gone = before.findings.filter((f: Json) => !fixed.includes(f.fingerprint));
    expect(gone.length).toBeGreaterThan(0);
    const r = await scanJson(dir, "--baseline", "shipshape-baseline.yaml");
    expect(r.report.findings).toEqual([]);
    expect(r.report.summary.baselineGone).toBe(gone.length);
    expect(r.report.summary.baselined).toBe(before.findings.length - gone.length);
    validate(r.report);
    const text = await scan(dir, "--baseline", "shipshape-baseline.yaml");
    expect(text.stdout).toContain(`${gone.length} baseline entr${gone.length === 1 ? "y" : "ies"} gone (fixed)`);
  });

  it("lists the baselined findings with --show-baselined: a tag in text, a baselined array in JSON", async () => {
    const { dir, before } = await baselined();
    writeFileSync(path.join(dir, "deploy/pod.yaml"), PRIVILEGED_POD);
    const r = await scanJson(dir, "--baseline", "shipshape-baseline.yaml", "--show-baselined");
    expect(r.report.baselined.map((f: Json) => f.fingerprint).sort()).toEqual(before.findings.map((f: Json) => f.fingerprint).sort());
    expect(r.report.findings.every((f: Json) => f.object?.name === "web")).toBe(true);
    validate(r.report);
    const text = await scan(dir, "--baseline", "shipshape-baseline.yaml", "--show-baselined");
    const tagged = text.stdout.split("\n").filter((l) => l.includes("[baselined]"));
    expect(tagged.length).toBe(before.findings.length);
    expect(text.stdout).toMatch(/privileged-container .*\n/);
    expect(text.stdout.split("\n").find((l) => l.includes("privileged-container"))).not.toContain("[baselined]");
    // without --show-baselined, no baselined array
    expect((await scanJson(dir, "--baseline", "shipshape-baseline.yaml")).report.baselined).toBeUndefined();
  });

  it("never fails --fail-on on baselined findings", async () => {
    const { dir } = await baselined();
    for (const failOn of ["info", "low", "medium", "high"]) {
      expect((await scan(dir, "--fail-on", failOn)).code, failOn).toBe(1);
      expect((await scan(dir, "--fail-on", failOn, "--baseline", "shipshape-baseline.yaml")).code, failOn).toBe(0);
    }
  });

  it("SARIF partialFingerprints are the baseline's fingerprints; results carry baselineState", async () => {
    const { dir, written } = await baselined();
    const sarif = JSON.parse((await scan(dir, "--format", "sarif")).stdout) as Json;
    const prints = sarif.runs[0].results.map((r: Json) => Object.values(r.partialFingerprints)[0]);
    expect(prints.sort()).toEqual(written.findings.map((e: Json) => e.fingerprint).sort());
    writeFileSync(path.join(dir, "deploy/pod.yaml"), PRIVILEGED_POD);
    const shown = JSON.parse((await scan(dir, "--format", "sarif", "--baseline", "shipshape-baseline.yaml", "--show-baselined")).stdout) as Json;
    const results = shown.runs[0].results as Json[];
    expect(results.filter((r) => r.baselineState === "unchanged").length).toBe(written.findings.length);
    expect(results.filter((r) => r.baselineState === "unchanged").every((r) => r.suppressions?.[0]?.kind === "external")).toBe(true);
    expect(results.filter((r) => r.baselineState === "new").every((r) => r.locations[0].logicalLocations[0].name.includes("web"))).toBe(true);
  });

  it("a missing or malformed baseline is a usage error (exit 2) that names file:line", async () => {
    const dir = tempTree({
      "api.yaml": DEPLOYMENT,
      "bad-yaml.yaml": "baselineVersion: 1\nfindings:\n  - fingerprint: [oops\n",
      "bad-entry.yaml": "baselineVersion: 1\nfindings:\n  - fingerprint: 0123456789abcdef0123456789abcdef\n    ruleId: x\n  - ruleId: y\n",
      "bad-version.yaml": "# comment\nbaselineVersion: 7\nfindings: []\n",
      "not-a-map.json": "[1, 2]",
    });
    const missing = await scan(dir, "--baseline", "nope.yaml");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--baseline nope\.yaml: no such file/);
    const badYaml = await scan(dir, "--baseline", "bad-yaml.yaml");
    expect(badYaml.code).toBe(2);
    expect(badYaml.stderr).toMatch(/bad-yaml\.yaml:\d+:\d+: not a shipshape baseline/);
    const badEntry = await scan(dir, "--baseline", "bad-entry.yaml");
    expect(badEntry.code).toBe(2);
    expect(badEntry.stderr).toMatch(/bad-entry\.yaml:5:5: not a shipshape baseline: each finding needs a fingerprint/);
    const badVersion = await scan(dir, "--baseline", "bad-version.yaml");
    expect(badVersion.code).toBe(2);
    expect(badVersion.stderr).toMatch(/bad-version\.yaml:2:\d+: .*baselineVersion must be 1/);
    const notMap = await scan(dir, "--baseline", "not-a-map.json");
    expect(notMap.code).toBe(2);
    expect(notMap.stderr).toMatch(/not-a-map\.json:1:1: /);
    const alone = await scan(dir, "--show-baselined");
    expect(alone.code).toBe(2);
  });

  it("reads a JSON baseline", async () => {
    const { dir, written } = await baselined();
    writeFileSync(path.join(dir, "b.json"), JSON.stringify(written));
    const r = await scanJson(dir, "--baseline", "b.json");
    expect(r.code).toBe(0);
    expect(r.report.summary.baselined).toBe(written.findings.length);
  });
});
