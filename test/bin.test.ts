// The installed command, as a user runs it: compiled JavaScript, a real process, real exit codes.
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PRIVILEGED_POD, tempTree } from "../src/testing/cli.js";

const bin = fileURLToPath(new URL("../bin/shipshape.js", import.meta.url));
const run = (args: string[], input?: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env } });

describe("bin/shipshape.js", () => {
  it("prints its version", () => {
    expect(execFileSync(process.execPath, [bin, "--version"], { encoding: "utf8" })).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("scans stdin and exits 1 on a critical finding", () => {
    const r = run(["scan", "-", "--no-config"], PRIVILEGED_POD);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("<stdin>:11:21");
  });

  it("stops quietly when the reader closes the pipe early (| head)", () => {
    const dir = tempTree(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`p${i}.yaml`, PRIVILEGED_POD])));
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${bin}" scan "${dir}" --no-config --profile all | head -n 1`], { encoding: "utf8" });
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toBe("");
  });

  it("exits 2 with a message when it cannot run", () => {
    const r = run(["scan", "/definitely/not/here"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no such file or folder/);
  });

  it("colours only when asked on a non-terminal, and never with NO_COLOR", () => {
    const dir = tempTree({ "p.yaml": PRIVILEGED_POD });
    expect(run(["scan", `${dir}/p.yaml`, "--no-config"]).stdout).not.toContain("\x1b[");
    expect(run(["scan", `${dir}/p.yaml`, "--no-config"], undefined, { FORCE_COLOR: "1" }).stdout).toContain("\x1b[");
    expect(run(["scan", `${dir}/p.yaml`, "--no-config"], undefined, { FORCE_COLOR: "1", NO_COLOR: "1" }).stdout).not.toContain("\x1b[");
  });
});
