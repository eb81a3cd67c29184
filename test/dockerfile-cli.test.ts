// Dockerfiles end to end from the CLI: discovery in the same walk as manifests, findings on stages with exact
// positions in every report format, suppression by comment and by configuration, and images joined with workloads.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { runCli, tempTree } from "../src/testing/cli.js";

const reportSchema = JSON.parse(readFileSync(new URL("../schemas/report.schema.json", import.meta.url), "utf8")) as object;

const DOCKERFILE = `# syntax=docker/dockerfile:1
FROM golang:1.23 AS build
RUN curl -fsSL https://example.com/install.sh | sh
FROM alpine:3.20
COPY --from=build /out/app /app
CMD ["/app"]
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: registry.example.com/shop/api:1.4.2
`;

interface Json {
  [k: string]: any;
}

const scanJson = async (cwd: string, ...args: string[]) => {
  const r = await runCli(["scan", ".", "--no-config", "--profile", "all", "--format", "json", "--fail-on", "none", ...args], cwd);
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Json;
};

describe("Dockerfiles from the CLI", () => {
  it("finds Dockerfiles by name in the walk and reports on stages with exact positions", async () => {
    const dir = tempTree({ "api/Dockerfile": DOCKERFILE, "deploy/api.yaml": DEPLOYMENT, "notes/Dockerfile.md": "# not a Dockerfile\n" });
    const report = await scanJson(dir, "--rules", "docker-curl-pipe-shell");
    expect(report.findings).toEqual([
      expect.objectContaining({
        ruleId: "docker-curl-pipe-shell",
        object: { kind: "Dockerfile", name: "build" },
        location: { file: "api/Dockerfile", line: 3, column: 49, endLine: 3, endColumn: 51 },
      }),
    ]);
    expect(report.summary.files).toBe(2);
    const ajv = new Ajv({ allErrors: true, strict: false });
    expect(ajv.validate(reportSchema, report), ajv.errorsText()).toBe(true);
  });

  it("reads other names with --dockerfile, and names the stage by index when it has no alias", async () => {
    const dir = tempTree({ "build/app.docker": "FROM alpine:3.20\nRUN wget -qO- https://x/i.sh | sh\n" });
    const report = await scanJson(dir, "--rules", "docker-curl-pipe-shell", "--dockerfile", "build/app.docker");
    expect(report.findings.map((f: Json) => [f.location.file, f.object.name, f.location.line])).toEqual([["build/app.docker", "0", 2]]);
  });

  it("renders Dockerfile findings in text, SARIF and JUnit", async () => {
    const dir = tempTree({ Dockerfile: DOCKERFILE });
    const text = await runCli(["scan", ".", "--no-config", "--rules", "docker-curl-pipe-shell"], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("  stage build\n");
    expect(text.stdout).toContain("Dockerfile:3:49");
    const sarif = JSON.parse((await runCli(["scan", ".", "--no-config", "--rules", "docker-curl-pipe-shell", "--format", "sarif"], dir)).stdout) as Json;
    const result = sarif.runs[0].results[0];
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 49 });
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe("Dockerfile");
    const junit = (await runCli(["scan", ".", "--no-config", "--rules", "docker-curl-pipe-shell", "--format", "junit"], dir)).stdout;
    expect(junit).toContain("Dockerfile:3:49");
  });

  it("honours `# shipshape ignore=` comments with a reason, and not without one", async () => {
    const dir = tempTree({
      "a/Dockerfile": "FROM alpine:3.20\n# shipshape ignore=docker-curl-pipe-shell vendor script, checksum verified upstream\nRUN curl https://x | sh\n",
      "b/Dockerfile": "FROM alpine:3.20\n# shipshape ignore=docker-curl-pipe-shell\nRUN curl https://x | sh\n",
      "c/Dockerfile": "# shipshape ignore-file=docker-curl-pipe-shell reviewed in SEC-42\nFROM alpine:3.20\nRUN curl https://x | sh\nRUN wget -qO- https://y | sh\n",
    });
    const r = await runCli(["scan", ".", "--no-config", "--rules", "docker-curl-pipe-shell", "--format", "json", "--fail-on", "none"], dir);
    const report = JSON.parse(r.stdout) as Json;
    expect(report.findings.map((f: Json) => f.location.file)).toEqual(["b/Dockerfile"]);
    expect(report.summary.suppressed).toBe(3);
    const sarif = JSON.parse((await runCli(["scan", "a", "--no-config", "--rules", "docker-curl-pipe-shell", "--format", "sarif"], dir)).stdout) as Json;
    expect(sarif.runs[0].results[0].suppressions[0]).toMatchObject({ kind: "inSource", justification: "vendor script, checksum verified upstream" });
  });

  it("honours configuration exemptions by path", async () => {
    const dir = tempTree({
      "legacy/Dockerfile": "FROM alpine:3.20\nRUN curl https://x | sh\n",
      ".shipshape.yaml": "exemptions:\n  - rules: [docker-curl-pipe-shell]\n    file: legacy/**\n    reason: legacy image, replaced in Q3\n",
    });
    const r = await runCli(["scan", ".", "--rules", "docker-curl-pipe-shell", "--format", "json"], dir);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("reports a file without FROM as a parse error and scans the rest", async () => {
    const dir = tempTree({ "x/Dockerfile": "RUN echo hi\n", "y/Dockerfile": "FROM alpine:3.20\nRUN curl https://x | sh\n" });
    const report = await scanJson(dir, "--rules", "docker-curl-pipe-shell");
    expect(report.findings.map((f: Json) => [f.ruleId, f.location.file, f.location.line])).toEqual([
      ["parse-error", "x/Dockerfile", 1],
      ["docker-curl-pipe-shell", "y/Dockerfile", 2],
    ]);
  });

  it("joins the image built by a Dockerfile with the workload that runs it", async () => {
    const dir = tempTree({ "src/api/Dockerfile": "FROM node:22.11\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"server.js\"]\n", "deploy/api.yaml": DEPLOYMENT });
    const report = await scanJson(dir, "--rules", "image-root-user-unguarded");
    expect(report.findings).toEqual([
      expect.objectContaining({ ruleId: "image-root-user-unguarded", object: expect.objectContaining({ kind: "Deployment", name: "api" }), container: "api" }),
    ]);
    expect(report.findings[0].message).toContain("src/api/Dockerfile");
  });
});
