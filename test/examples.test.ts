// The bundled examples are part of the product: the README's quick start scans them.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/engine/config.js";
import { runCli, tempTree } from "../src/testing/cli.js";

const root = fileURLToPath(new URL("..", import.meta.url));

interface Report {
  findings: { ruleId: string; severity: string; object?: { name: string }; location: { file: string; line: number } }[];
  summary: { objects: number };
}

async function scan(...args: string[]): Promise<{ code: number; report: Report }> {
  const r = await runCli(["scan", "--no-config", "--format", "json", ...args], root);
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}

describe("examples", () => {
  it.each(["pss-restricted", "recommended", "cis", "nsa"])("the hardened app has no findings under --profile %s", async (profile) => {
    const { code, report } = await scan("examples/hardened-app", "--profile", profile);
    expect(report.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`)).toEqual([]);
    expect(code).toBe(0);
    expect(report.summary.objects).toBeGreaterThan(3);
  });

  it("the hardened app has only opinionated info findings under --profile all", async () => {
    const { report } = await scan("examples/hardened-app", "--profile", "all");
    expect(report.findings.filter((f) => f.severity !== "info").map((f) => `${f.ruleId} ${f.location.line}`)).toEqual([]);
  });

  it("the insecure app is reported for each deliberate problem", async () => {
    const { code, report } = await scan("examples/insecure-app", "--profile", "pss-restricted");
    expect(code).toBe(1);
    const ids = new Set(report.findings.map((f) => f.ruleId));
    for (const id of [
      "privileged-container", "host-network", "host-pid", "host-ipc", "run-as-root-user", "run-as-non-root",
      "cap-sys-admin", "cap-net-raw-added", "container-runtime-socket-mount", "sensitive-host-path",
      "host-port", "seccomp-unconfined", "proc-mount-unmasked", "allow-privilege-escalation",
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it("the insecure app's Dockerfile is reported for each deliberate problem, and joined with the workload running its image", async () => {
    const { report } = await scan("examples/insecure-app", "--profile", "recommended");
    const ids = new Set(report.findings.filter((f) => f.location.file.endsWith("Dockerfile")).map((f) => f.ruleId));
    for (const id of [
      "docker-latest-tag", "docker-secret-in-env-arg", "docker-tls-verification-disabled", "docker-update-alone",
      "docker-curl-pipe-shell", "docker-add-instead-of-copy", "docker-workdir-relative", "docker-expose-ssh",
      "docker-user-root", "docker-json-cmd", "docker-pipefail",
    ]) {
      expect(ids, id).toContain(id);
    }
    const joined = report.findings.filter((f) => f.ruleId === "image-root-user-unguarded");
    expect(joined.map((f) => `${f.location.file}:${f.object?.name}`)).toEqual(["examples/insecure-app/shop.yaml:storefront"]);
  });

  it("the quick-start scan shows findings and exits 0", async () => {
    const r = await runCli(["scan", "examples/", "--fail-on", "none"], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ findings/);
  });

  it("the configuration example in the README is valid", () => {
    const readme = readFileSync(`${root}/README.md`, "utf8");
    const block = /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const dir = tempTree({ ".shipshape.yaml": block! });
    const config = loadConfig(`${dir}/.shipshape.yaml`);
    expect(config.exemptions).toHaveLength(2);
    expect(config.rules["unsafe-sysctls"]).toEqual({ enabled: false });
  });
});
