// Acceptance: `shipshape scan examples/ --format sarif` is valid SARIF 2.1.0 and every result points at the right place.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AjvDraft04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/testing/cli.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const schemaFile = fileURLToPath(new URL("../../shared/schemas/sarif-schema-2.1.0.json", import.meta.url));

interface SarifResult {
  ruleId: string;
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[];
  partialFingerprints: Record<string, string>;
}
interface Sarif {
  runs: { results: SarifResult[]; tool: { driver: { rules: { id: string; fullDescription?: unknown; help?: unknown }[] } } }[];
}

const sarifText = (await runCli(["scan", "examples/", "--no-config", "--format", "sarif"], root)).stdout;
const sarif = JSON.parse(sarifText) as Sarif;
const results = sarif.runs[0]!.results;

/** 1-based line and column of the first occurrence of `text` in a file. */
function positionOf(file: string, text: string): [number, number] {
  const lines = readFileSync(`${root}/${file}`, "utf8").split("\n");
  const i = lines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`${text} not in ${file}`);
  return [i + 1, lines[i]!.indexOf(text) + 1];
}

describe("SARIF of the examples", () => {
  it.skipIf(!existsSync(schemaFile))("validates against the official SARIF 2.1.0 schema", () => {
    const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as object;
    const validate = new AjvDraft04.default({ allErrors: true, strict: false }).compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it("has results, each with a region, a repository-relative URI and a fingerprint", () => {
    expect(results.length).toBeGreaterThan(20);
    for (const r of results) {
      const loc = r.locations[0]!.physicalLocation;
      expect(loc.artifactLocation.uriBaseId).toBe("%SRCROOT%");
      expect(loc.artifactLocation.uri).toMatch(/^examples\/(insecure|hardened)-app\/([\w-]+\.yaml|storefront\/Dockerfile)$/);
      expect(loc.region.startLine).toBeGreaterThan(0);
      expect(Object.keys(r.partialFingerprints)).not.toHaveLength(0);
    }
    for (const rule of sarif.runs[0]!.tool.driver.rules) {
      expect(rule.fullDescription, rule.id).toBeDefined();
      expect(rule.help, rule.id).toBeDefined();
    }
  });

  // Known positions: the offending value in the file, found by its text.
  it.each([
    ["privileged-container", "examples/insecure-app/shop.yaml", "true", "privileged: "],
    ["host-network", "examples/insecure-app/shop.yaml", "yes", "hostNetwork: "],
    ["run-as-root-user", "examples/insecure-app/shop.yaml", "0", "runAsUser: "],
    ["host-port", "examples/insecure-app/shop.yaml", "80", "hostPort: "],
    ["cap-sys-admin", "examples/insecure-app/shop.yaml", '"SYS_ADMIN"', "add: ["],
    ["cap-net-raw-added", "examples/insecure-app/shop.yaml", '"NET_RAW"', '"SYS_ADMIN", '],
    ["container-runtime-socket-mount", "examples/insecure-app/shop.yaml", "/var/run/docker.sock", "  path: "],
    ["host-pid", "examples/insecure-app/log-collector.yaml", "true", "hostPID: "],
    ["seccomp-unconfined", "examples/insecure-app/log-collector.yaml", "Unconfined", "type: "],
    ["proc-mount-unmasked", "examples/insecure-app/log-collector.yaml", "Unmasked", "procMount: "],
    ["sensitive-host-path", "examples/insecure-app/log-collector.yaml", "/etc", "path: "],
    ["docker-curl-pipe-shell", "examples/insecure-app/storefront/Dockerfile", "bash", "setup.sh | "],
    ["docker-tls-verification-disabled", "examples/insecure-app/storefront/Dockerfile", "-k", "RUN curl "],
    ["docker-expose-ssh", "examples/insecure-app/storefront/Dockerfile", "22", "EXPOSE "],
  ])("%s is reported at its value in %s", (ruleId, file, value, before) => {
    const [line, col] = positionOf(file, before + value);
    const hits = results.filter((r) => r.ruleId === ruleId && r.locations[0]!.physicalLocation.artifactLocation.uri === file);
    expect(hits.map((h) => h.locations[0]!.physicalLocation.region)).toContainEqual(expect.objectContaining({ startLine: line, startColumn: col + before.length }));
  });
});
