// Hostile folders: symlink loops, dangling links, unreadable files and folders, FIFOs, stdin over the limit.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PRIVILEGED_POD, tempTree } from "../../src/testing/cli.js";
import { GOOD, expectIntact, parseError, scanBeside, scanDir } from "./_scan.js";

const T = { timeout: 20_000 };
const isRoot = process.getuid?.() === 0;
const mkfifo = (file: string): boolean => spawnSync("mkfifo", [file]).status === 0;
const hasFifos = process.platform !== "win32" && mkfifo(path.join(tempTree({}), "probe"));

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill();
});

describe("folders that fight back", () => {
  it("walks a symlink loop of folders once", T, async () => {
    const dir = tempTree({ [GOOD]: PRIVILEGED_POD, "a/b/pod.yaml": PRIVILEGED_POD });
    symlinkSync(path.join(dir, "a"), path.join(dir, "a", "b", "up"));
    symlinkSync("..", path.join(dir, "a", "parent"));
    symlinkSync(path.join(dir, "self"), path.join(dir, "self"));
    const r = await scanDir(dir, ["--no-config", "."]);
    expectIntact(r);
    expect(r.summary.files).toBe(2);
    expect(r.of(path.join("a", "b", "pod.yaml")).map((f) => f.ruleId)).toContain("privileged-container");
  });

  it("reports a dangling link and a loop of links named like manifests, and skips other names", T, async () => {
    const dir = tempTree({ [GOOD]: PRIVILEGED_POD });
    symlinkSync(path.join(dir, "missing.yaml"), path.join(dir, "dangling.yaml"));
    symlinkSync("loop-b.yaml", path.join(dir, "loop-a.yaml"));
    symlinkSync("loop-a.yaml", path.join(dir, "loop-b.yaml"));
    symlinkSync("nowhere", path.join(dir, "notes.txt"));
    const r = await scanDir(dir, ["--no-config", "."]);
    expectIntact(r);
    expect(parseError(r, "dangling.yaml", "brokenLink").message).toMatch(/ENOENT/);
    expect(parseError(r, "loop-a.yaml", "brokenLink").message).toMatch(/ELOOP/);
    parseError(r, "loop-b.yaml", "brokenLink");
    expect(r.of("notes.txt")).toEqual([]);
  });

  it.skipIf(isRoot)("reports an unreadable file and an unreadable folder, and scans the rest", T, async () => {
    const dir = tempTree({ [GOOD]: PRIVILEGED_POD, "secret.yaml": PRIVILEGED_POD, "locked/x.yaml": PRIVILEGED_POD });
    chmodSync(path.join(dir, "secret.yaml"), 0o000);
    chmodSync(path.join(dir, "locked"), 0o000);
    try {
      const r = await scanDir(dir, ["--no-config", "."]);
      expectIntact(r);
      expect(parseError(r, "secret.yaml", "unreadable").message).toMatch(/EACCES/);
      expect(parseError(r, "locked", "unreadable").message).toMatch(/EACCES/);
    } finally {
      chmodSync(path.join(dir, "locked"), 0o755);
    }
  });

  it.skipIf(!hasFifos)("reports a FIFO in a folder without opening it (it would block)", T, async () => {
    const dir = tempTree({ [GOOD]: PRIVILEGED_POD });
    expect(mkfifo(path.join(dir, "pipe.yaml"))).toBe(true);
    const r = await scanDir(dir, ["--no-config", "."]);
    expectIntact(r);
    const e = parseError(r, "pipe.yaml", "notRegular");
    expect(e.severity).toBe("info");
  });

  it.skipIf(!hasFifos)("reads a FIFO named on the command line (`scan <(helm template …)`)", T, async () => {
    const dir = tempTree({ [GOOD]: PRIVILEGED_POD });
    const fifo = path.join(dir, "pipe.yaml");
    expect(mkfifo(fifo)).toBe(true);
    // The writer, and a watchdog that opens and closes the FIFO so that a reader never waits forever.
    children.push(spawn("sh", ["-c", 'cat "$0" > "$1"', path.join(dir, GOOD), fifo], { stdio: "ignore" }));
    children.push(spawn("sh", ["-c", 'sleep 15; : > "$0"', fifo], { stdio: "ignore" }));
    const r = await scanDir(dir, ["--no-config", "pipe.yaml", GOOD]);
    expectIntact(r);
    expect(r.of("pipe.yaml").map((f) => [f.ruleId, f.location.line])).toContainEqual(["privileged-container", 11]);
  });

  it.skipIf(!hasFifos)("refuses a FIFO over the size limit after reading only up to the limit", T, async () => {
    const dir = tempTree({ [GOOD]: PRIVILEGED_POD });
    const fifo = path.join(dir, "endless.yaml");
    expect(mkfifo(fifo)).toBe(true);
    // An endless writer: the scan must stop reading at the limit.
    children.push(spawn("sh", ["-c", 'yes "a: b" > "$0"', fifo], { stdio: "ignore" }));
    children.push(spawn("sh", ["-c", 'sleep 15; : > "$0"', fifo], { stdio: "ignore" }));
    const r = await scanDir(dir, ["--no-config", "--max-file-size", "1M", "endless.yaml", GOOD]);
    expectIntact(r);
    expect(parseError(r, "endless.yaml", "tooLarge").message).toMatch(/over \d+ bytes; the limit is 1048576/);
  });

  it("refuses stdin over the size limit", T, async () => {
    const dir = tempTree({ [GOOD]: PRIVILEGED_POD });
    const r = await scanDir(dir, ["--no-config", "--max-file-size", "1K", "-", GOOD], `${PRIVILEGED_POD}#${"x".repeat(2000)}\n`);
    expectIntact(r);
    parseError(r, "<stdin>", "tooLarge");
  });

  it("scans an alias bomb on stdin as refused, not expanded", T, async () => {
    const dir = tempTree({ [GOOD]: PRIVILEGED_POD });
    const lines = ["a0: &a0 [x]"];
    for (let i = 1; i < 40; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
    const r = await scanDir(dir, ["--no-config", "-", GOOD], `${lines.join("\n")}\n`);
    expectIntact(r);
    parseError(r, "<stdin>", "aliasLimit");
  });

  it("scans an empty folder and a folder of only hostile names", T, async () => {
    const dir = tempTree({ [GOOD]: PRIVILEGED_POD, "empty/.keep": "", "weird/ .yaml": PRIVILEGED_POD, "weird/-.yaml": "", "weird/\u00e9\u6f22.yaml": PRIVILEGED_POD });
    mkdirSync(path.join(dir, "weird", "dir.yaml"));
    writeFileSync(path.join(dir, "weird", "dir.yaml", "inner.yml"), PRIVILEGED_POD);
    const r = await scanDir(dir, ["--no-config", "."]);
    expectIntact(r);
    expect(r.of(path.join("weird", "\u00e9\u6f22.yaml")).map((f) => f.ruleId)).toContain("privileged-container");
    expect(r.of(path.join("weird", "dir.yaml", "inner.yml")).map((f) => f.ruleId)).toContain("privileged-container");
  });
});

describe("a hostile configuration", () => {
  it("refuses an alias bomb in .shipshape.yaml as a usage error", T, async () => {
    const lines = ["x0: &x0 [a]"];
    for (let i = 1; i < 40; i++) lines.push(`x${i}: &x${i} [*x${i - 1}, *x${i - 1}]`);
    const r = await scanBeside({ ".shipshape.yaml": `${lines.join("\n")}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.shipshape\.yaml: cannot read configuration/);
    expect(r.stderr).not.toMatch(/internal error/);
  });
});
