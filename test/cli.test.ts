import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { PRIVILEGED_POD, runCli, tempTree } from "../src/testing/cli.js";

const reportSchema = JSON.parse(readFileSync(new URL("../schemas/report.schema.json", import.meta.url), "utf8")) as object;
const validateReport = new Ajv({ allErrors: true, strict: false }).compile(reportSchema);

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  object?: { kind: string; name: string; namespace?: string };
  container?: string;
  location: { file: string; line: number; column: number; path?: string };
  suppression?: { kind: string; reason: string };
}
interface JsonReport {
  findings: JsonFinding[];
  suppressed: JsonFinding[];
  summary: { files: number; objects: number; suppressed: number; skippedDocuments: number; errors: number };
}

async function scanJson(dir: string, ...args: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const r = await runCli(["scan", "--format", "json", "--rules", "privileged-container", ...args], dir);
  const report = JSON.parse(r.stdout) as JsonReport;
  expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
  return { code: r.code, report, stderr: r.stderr };
}

describe("scan: bad input is reported and the scan goes on", () => {
  it("a folder with malformed YAML, a binary file, an empty file and a valid manifest", async () => {
    const dir = tempTree({
      "bad.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n",
      "binary.yaml": Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02]),
      "empty.yaml": "",
      "good.yaml": PRIVILEGED_POD,
    });
    const { code, report } = await scanJson(dir, ".");
    expect(code).not.toBe(2);
    const byFile = (f: string) => report.findings.filter((x) => x.location.file === f);
    expect(byFile("good.yaml").map((f) => [f.ruleId, f.location.line])).toContainEqual(["privileged-container", 11]);
    expect(byFile("bad.yaml")).toEqual([expect.objectContaining({ ruleId: "parse-error", location: expect.objectContaining({ line: expect.any(Number) }) })]);
    expect(byFile("bad.yaml")[0]!.location.line).toBeGreaterThanOrEqual(4);
    expect(byFile("binary.yaml")).toEqual([expect.objectContaining({ ruleId: "parse-error", location: expect.objectContaining({ line: 1 }) })]);
    expect(byFile("empty.yaml")).toEqual([expect.objectContaining({ ruleId: "parse-error", severity: "info" })]);
    expect(report.summary.files).toBe(4);
    expect(report.summary.errors).toBe(2);
  });

  it("counts documents that are not Kubernetes objects", async () => {
    const dir = tempTree({ "values.yaml": "replicas: 3\n", "pod.yaml": PRIVILEGED_POD });
    const { report } = await scanJson(dir, ".");
    expect(report.summary.skippedDocuments).toBe(1);
    expect(report.summary.objects).toBe(1);
  });
});

describe("scan: exit codes", () => {
  const dir = tempTree({ "pod.yaml": PRIVILEGED_POD });
  it.each([
    [[], 1],
    [["--fail-on", "critical"], 1],
    [["--fail-on", "none"], 0],
    [["--rules", "privileged-container", "--skip-rules", "privileged-container"], 0],
    [["--profile", "pss-baseline", "--fail-on", "critical", "--skip-rules", "privileged-container"], 0],
  ])("%j → %i", async (args, want) => {
    expect((await runCli(["scan", ".", ...args], dir)).code).toBe(want);
  });

  it.each([
    [["scan", "missing-folder"], /no such file or folder/],
    [["scan", "--fail-on", "severe"], /--fail-on must be/],
    [["scan", "--profile", "strict"], /unknown profile/],
    [["scan", "--rules", "no-such-rule"], /unknown rule id "no-such-rule"/],
    [["scan", "--format", "xml"], /unknown format/],
    [["scan", "--bogus"], /unknown option --bogus/],
    [["frobnicate"], /unknown command/],
  ])("%j is a usage error (exit 2)", async (argv, message) => {
    const r = await runCli(argv, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe("scan: outputs", () => {
  it("writes several format/output pairs from one scan", async () => {
    const dir = tempTree({ "pod.yaml": PRIVILEGED_POD });
    const r = await runCli(["scan", ".", "--rules", "privileged-container", "--format", "json", "--output", "out/report.json", "--format", "text"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("privileged-container");
    const written = JSON.parse(readFileSync(path.join(dir, "out/report.json"), "utf8")) as JsonReport;
    expect(written.findings[0]!.ruleId).toBe("privileged-container");
  });

  it("refuses two formats on stdout", async () => {
    const r = await runCli(["scan", ".", "-f", "json", "-f", "text"], tempTree({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/several formats/);
  });

  it("reads stdin for -", async () => {
    const { report } = await scanJsonStdin(PRIVILEGED_POD);
    expect(report.findings[0]!.location).toMatchObject({ file: "<stdin>", line: 11, column: 21 });
  });

  it("text output: grouped by file and object, with file:line:col, no colour when not a terminal", async () => {
    const r = await runCli(["scan", ".", "--rules", "privileged-container"], tempTree({ "pod.yaml": PRIVILEGED_POD }));
    expect(r.stdout).toContain("pod.yaml\n  Pod shop/web\n    CRITICAL privileged-container");
    expect(r.stdout).toContain("pod.yaml:11:21");
    expect(r.stdout).not.toContain("\x1b[");
  });
});

async function scanJsonStdin(text: string) {
  const r = await runCli(["scan", "-", "--rules", "privileged-container", "--format", "json"], tempTree({}), { stdin: text });
  return { report: JSON.parse(r.stdout) as JsonReport };
}

describe("configuration and suppression", () => {
  const pods = `${PRIVILEGED_POD}---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: agent
  namespace: ops
spec:
  template:
    metadata:
      annotations:
        ignore.shipshape.io/privileged-container: "node agent, reviewed in SEC-42"
    spec:
      containers:
        - name: agent
          image: agent:1
          securityContext: {privileged: true}
        - name: istio-proxy
          image: proxy:1
          securityContext: {privileged: true}
`;

  it("annotations on the pod template suppress, with their reason, and are counted", async () => {
    const { report } = await scanJson(tempTree({ "m.yaml": pods }), ".");
    expect(report.findings.map((f) => f.object?.name)).toEqual(["web"]);
    expect(report.suppressed).toHaveLength(2);
    expect(report.suppressed[0]!.suppression).toEqual({ kind: "annotation", reason: "node agent, reviewed in SEC-42" });
    expect(report.summary.suppressed).toBe(2);
  });

  it("config exemptions match kind/namespace/name/container globs; annotations can be disallowed", async () => {
    const config = `annotations:
  allowed: false
exemptions:
  - rules: [privileged-container]
    namespace: "o*"
    container: istio-*
    reason: mesh sidecar, owned by the platform team
`;
    const { report } = await scanJson(tempTree({ "m.yaml": pods, ".shipshape.yaml": config }), ".");
    expect(report.findings.map((f) => f.container)).toEqual(["web", "agent"]);
    expect(report.suppressed.map((f) => [f.container, f.suppression?.kind])).toEqual([["istio-proxy", "config"]]);
  });

  it("an expired exemption no longer suppresses and says so, at its line in the config", async () => {
    const config = "exemptions:\n  - rules: privileged-container\n    name: web\n    reason: temporary\n    expires: 2020-01-31\n";
    const { report } = await scanJson(tempTree({ "m.yaml": PRIVILEGED_POD, ".shipshape.yaml": config }), ".");
    expect(report.findings.map((f) => f.ruleId).sort()).toEqual(["exemption-expired", "privileged-container"]);
    expect(report.findings.find((f) => f.ruleId === "exemption-expired")!.location).toMatchObject({ file: ".shipshape.yaml", line: 2 });
  });

  it("a rule marked non-waivable ignores annotations and exemptions", async () => {
    const config = "rules:\n  privileged-container:\n    waivable: false\nexemptions:\n  - rules: '*'\n    reason: everything\n";
    const { report } = await scanJson(tempTree({ "m.yaml": pods, ".shipshape.yaml": config }), ".");
    expect(report.findings.filter((f) => f.ruleId === "privileged-container")).toHaveLength(3);
  });

  it("severity overrides and rules off", async () => {
    const dir = tempTree({ "m.yaml": PRIVILEGED_POD, "c1.yaml": "rules:\n  privileged-container: {severity: low}\n", "c2.yaml": "rules:\n  privileged-container: off\n" });
    const low = await scanJson(dir, "m.yaml", "--config", "c1.yaml");
    expect(low.report.findings[0]!.severity).toBe("low");
    expect(low.code).toBe(0);
    const off = await runCli(["scan", "m.yaml", "--config", "c2.yaml", "--format", "json"], dir);
    const offReport = JSON.parse(off.stdout) as JsonReport;
    expect(offReport.findings.length).toBeGreaterThan(0);
    expect(offReport.findings.filter((f) => f.ruleId === "privileged-container")).toEqual([]);
  });

  it("the config file is found from the current folder upward", async () => {
    const dir = tempTree({ ".shipshape.yaml": "failOn: none\n", "deep/er/m.yaml": PRIVILEGED_POD });
    const r = await runCli(["scan", "."], path.join(dir, "deep/er"));
    expect(r.code).toBe(0);
  });

  it.each([
    ["profile: strict\n", /profile must be equal to one of the allowed values/],
    ["exemptions:\n  - rules: [privileged-container]\n", /must have required property 'reason'/],
    ["rules:\n  not-a-rule: off\n", /unknown rule id "not-a-rule"/],
    ["rules:\n  privileged-container:\n    params: {x: 1}\n", /has no parameter "x"/],
    ["colour: on\n", /must NOT have additional properties \("colour"\)/],
    ["a: [\n", /malformed YAML/],
  ])("an invalid config is a usage error with its line: %j", async (config, message) => {
    const r = await runCli(["scan", "."], tempTree({ ".shipshape.yaml": config }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/\.shipshape\.yaml/);
  });
});

describe("rules and explain", () => {
  it("lists rules, filtered", async () => {
    const r = await runCli(["rules", "--format", "json", "--pss", "baseline"], tempTree({}));
    const rules = JSON.parse(r.stdout) as { id: string; pss?: { level: string } }[];
    expect(rules.map((x) => x.id)).toContain("privileged-container");
    expect(rules.every((x) => x.pss?.level === "baseline")).toBe(true);
  });

  it("explains a rule with why, attack, fix and example", async () => {
    const r = await runCli(["explain", "privileged-container"], tempTree({}));
    expect(r.code).toBe(0);
    for (const heading of ["Why it matters", "What an attacker does with it", "How to fix it", "Example that is reported", "Fixed"]) {
      expect(r.stdout).toContain(heading);
    }
  });

  it("refuses unknown rules", async () => {
    expect((await runCli(["explain", "nope"], tempTree({}))).code).toBe(2);
  });

  it("--version and --help", async () => {
    expect((await runCli(["--version"], "/")).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await runCli(["--help"], "/")).stdout).toContain("shipshape scan");
    expect((await runCli(["scan", "--help"], "/")).stdout).toContain("--fail-on");
  });
});

describe("framework references", () => {
  it("every report carries the PSS level and CIS/NSA/MITRE references of a finding", async () => {
    const dir = tempTree({ "pod.yaml": PRIVILEGED_POD });
    const { report } = await scanJson(dir, ".");
    expect((report.findings[0] as unknown as { frameworks: unknown }).frameworks).toEqual({
      pss: { level: "baseline", control: "privileged" },
      cis: ["5.2.2"],
      nsa: true,
      mitre: ["Privilege escalation"],
    });
    const text = await runCli(["scan", ".", "--rules", "privileged-container", "--frameworks"], dir);
    expect(text.stdout).toContain("PSS baseline (privileged) · CIS 5.2.2 · NSA/CISA · MITRE Privilege escalation");
    const plain = await runCli(["scan", ".", "--rules", "privileged-container"], dir);
    expect(plain.stdout).not.toContain("CIS 5.2.2");
    const sarif = JSON.parse((await runCli(["scan", ".", "--rules", "privileged-container", "-f", "sarif"], dir)).stdout);
    expect(sarif.runs[0].results[0].properties.frameworks.cis).toEqual(["5.2.2"]);
    expect(sarif.runs[0].tool.driver.rules[0].properties.tags).toEqual(expect.arrayContaining(["pss-baseline", "cis-5.2.2", "nsa-cisa"]));
  });
});
