// `shipshape webhook` as a real process: config file, flags, the listening log line, SIGTERM shutdown.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { SECURE_POD_SPEC, admissionReview, makeCertificate, pod } from "../src/webhook/fixtures.js";
import type { JsonObject } from "../src/model/types.js";

const bin = fileURLToPath(new URL("../bin/shipshape.js", import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-webhook-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out = { stdout: "", stderr: "" };
  return { out, io: { stdout: (s: string) => (out.stdout += s), stderr: (s: string) => (out.stderr += s), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: dir } };
}

describe("shipshape webhook", () => {
  it("prints its help and refuses to run without certificates", async () => {
    const h = io();
    expect(await main(["webhook", "--help"], h.io)).toBe(0);
    expect(h.out.stdout).toContain("--tls-cert FILE");
    const e = io();
    expect(await main(["webhook", "--no-config"], e.io)).toBe(2);
    expect(e.out.stderr).toContain("--tls-cert");
    const s = io();
    expect(await main(["webhook", "--tls-cert", "a", "--tls-key", "b", "--deny", "urgent", "--no-config"], s.io)).toBe(2);
    expect(s.out.stderr).toContain("urgent");
  });

  it("serves reviews with the config's annotation and webhook settings (audit mode from .shipshape.yaml) and stops cleanly on SIGTERM", async () => {
    const { cert, key } = makeCertificate(dir, "cli");
    writeFileSync(path.join(dir, ".shipshape.yaml"), "profile: recommended\nannotations:\n  allowed: true\nwebhook:\n  audit: true\n");
    const child = spawn(process.execPath, [bin, "webhook", "--port", "0", "--host", "127.0.0.1", "--tls-cert", cert, "--tls-key", key], { cwd: dir, env: { PATH: process.env.PATH ?? "", POD_NAMESPACE: "shipshape" }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    const port = await new Promise<number>((resolve, reject) => {
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        const m = /"msg":"listening","port":(\d+)/.exec(stderr);
        if (m) resolve(Number(m[1]));
      });
      child.on("exit", () => reject(new Error(`exited early: ${stderr}`)));
    });
    const post = (review: unknown) =>
      new Promise<JsonObject>((resolve, reject) => {
        const req = https.request({ host: "127.0.0.1", port, method: "POST", path: "/validate", ca: readFileSync(cert), servername: "localhost", agent: false, headers: { "Content-Type": "application/json" } }, (res) => {
          let t = "";
          res.on("data", (c: Buffer) => (t += c.toString()));
          res.on("end", () => resolve((JSON.parse(t) as { response: JsonObject }).response));
        });
        req.on("error", reject);
        req.end(JSON.stringify(review));
      });
    const privileged = { ...SECURE_POD_SPEC, containers: [{ ...(SECURE_POD_SPEC.containers as JsonObject[])[0], securityContext: { privileged: true } }] };
    // webhook.audit in the config: allowed, with what would be denied as warnings.
    const audit = await post(admissionReview(pod("p", "team", privileged)));
    expect(audit.allowed).toBe(true);
    expect((audit.warnings as string[])[0]).toMatch(/^\[audit: would deny\] /);
    // The config allows annotations explicitly, so this one counts.
    const annotated = await post(admissionReview(pod("p", "team", privileged, { "ignore.shipshape.io/privileged-container": "reviewed" })));
    expect((annotated.warnings as string[]).some((w) => w.includes("privileged-container:"))).toBe(false);
    // POD_NAMESPACE is exempt by default.
    expect(await post(admissionReview(pod("p", "shipshape", privileged)))).toEqual({ uid: "705ab4f5-6393-11e8-b7cc-42010a800002", allowed: true });
    const code = await new Promise<number | null>((resolve) => {
      child.on("exit", (c) => resolve(c));
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
    expect(stderr).toContain('"msg":"stopped"');
    for (const line of stderr.trim().split("\n")) expect(() => JSON.parse(line)).not.toThrow();
  });
});
