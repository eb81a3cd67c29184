import { execFileSync } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { InputFile, KustomizationDir } from "../loaders/files.js";
import type { Rendered } from "../loaders/render.js";
import type { LoadProblem } from "../model/finding.js";
import type { Resource } from "../model/resource.js";
import { tempTree } from "../testing/cli.js";
import { ChangedFiles, changedFiles, selectChanged } from "./changed.js";
import { UsageError } from "./errors.js";

function git(dir: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: dir, stdio: "ignore" });
}

describe("changedFiles", () => {
  it("committed, staged, unstaged, untracked and deleted files, as real absolute paths; through a symlinked path too", () => {
    const dir = tempTree({ "a.yaml": "a: 1\n", "b.yaml": "b: 1\n", "sub/c.yaml": "c: 1\n", "d.yaml": "d: 1\n", "same.yaml": "s: 1\n" });
    git(dir, "init", "-q");
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "base");
    writeFileSync(path.join(dir, "a.yaml"), "a: 2\n");
    git(dir, "commit", "-q", "-am", "a");
    writeFileSync(path.join(dir, "b.yaml"), "b: 2\n");
    git(dir, "add", "b.yaml");
    writeFileSync(path.join(dir, "sub/c.yaml"), "c: 2\n");
    rmSync(path.join(dir, "d.yaml"));
    writeFileSync(path.join(dir, "sub/new file ü.yaml"), "n: 1\n");
    const link = path.join(mkdtempSync(path.join(os.tmpdir(), "shipshape-link-")), "repo");
    symlinkSync(dir, link);
    const real = realpathSync(dir);
    const changed = changedFiles(["sub"], link, "HEAD~1");
    expect([...changed.files].sort()).toEqual(["a.yaml", "b.yaml", "d.yaml", "sub/c.yaml", "sub/new file ü.yaml"].map((f) => path.join(real, f)));
    expect(changed.has(path.join(link, "a.yaml"))).toBe(true);
    expect(changed.has(path.join(dir, "same.yaml"))).toBe(false);
    expect(changed.anyUnder(path.join(link, "sub"))).toBe(true);
    expect(changed.anyUnder(path.join(dir, "su"))).toBe(false);
  });

  it("an unknown ref, a ref that looks like an option, or no repository: UsageError", () => {
    const dir = tempTree({ "a.yaml": "a: 1\n" });
    expect(() => changedFiles(["."], dir, "HEAD")).toThrow(/not a git repository/i);
    git(dir, "init", "-q");
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "base");
    expect(() => changedFiles(["."], dir, "nope")).toThrow(UsageError);
    expect(() => changedFiles(["."], dir, "--output=x")).toThrow(/not a git ref/);
    expect(() => changedFiles(["-"], dir, "HEAD")).not.toThrow();
  });
});

describe("selectChanged", () => {
  const res = (n: string) => ({ n }) as unknown as Resource;
  const problem = (file: string): LoadProblem => ({ ruleId: "parse-error", severity: "high", messageId: "x", message: "x", file, line: 1, column: 1 });
  const rendered = (resources: Resource[], consumed: string[] = [], problems: LoadProblem[] = []): Rendered => ({ resources, problems, documents: resources.length, skipped: 0, consumed, failed: false });

  it("plain files, stdin, charts by folder and values files, Kustomize roots by folder and consumed files", () => {
    const root = path.resolve("/nonexistent-repo");
    const changed = new ChangedFiles(new Set([path.join(root, "a.yaml"), path.join(root, "chart/templates/x.yaml"), path.join(root, "base/web.yaml")]));
    const [a, b, s, c1, c2, k1, k2, k3] = ["a", "b", "stdin", "c1", "c2", "k1", "k2", "k3"].map(res);
    const pb = problem("b.yaml");
    const pa = problem("a.yaml");
    const file = (name: string, kind: InputFile["kind"] = "manifest"): InputFile => ({ display: name, absolute: path.join(root, name), kind });
    const dir = (name: string): KustomizationDir => ({ display: name, absolute: path.join(root, name), file: "kustomization.yaml" });
    const out = selectChanged(changed, {
      plain: new Map([
        [file("a.yaml"), { resources: [a!], problems: [pa] }],
        [file("b.yaml"), { resources: [b!], problems: [pb] }],
        [{ display: "<stdin>", kind: "manifest" }, { resources: [s!], problems: [] }],
      ]),
      charts: [
        { file: file("chart", "helm-chart"), rendered: rendered([c1!]) },
        { file: file("other-chart", "helm-chart"), rendered: rendered([c2!]) },
      ],
      roots: [
        { root: dir("overlays/prod"), rendered: rendered([k1!], [path.join(root, "base/web.yaml")]) },
        { root: dir("overlays/dev"), rendered: rendered([k2!], [path.join(root, "base/other.yaml")]) },
        { root: dir("base"), rendered: rendered([k3!]) },
      ],
      values: [],
      cwd: root,
    });
    expect([...out.resources]).toEqual([a, s, c1, k1, k3]);
    expect([...out.unchangedProblems]).toEqual([pb]);

    const values = selectChanged(new ChangedFiles(new Set([path.join(root, "values/prod.yaml")])), {
      plain: new Map(),
      charts: [{ file: file("chart", "helm-chart"), rendered: rendered([c1!]) }],
      roots: [],
      values: ["values/prod.yaml"],
      cwd: root,
    });
    expect([...values.resources]).toEqual([c1]);
  });
});
