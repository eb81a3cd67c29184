import { mkdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempTree } from "../testing/cli.js";
import { walk } from "./files.js";

describe("walk", () => {
  it("finds .yaml, .yml and .json files recursively, sorted, skipping .git and node_modules", () => {
    const dir = tempTree({
      "b.yaml": "", "a.yml": "", "c.json": "", "notes.txt": "", "sub/d.yaml": "",
      ".git/config.yaml": "", "node_modules/x/y.yaml": "", ".hidden/e.yaml": "",
    });
    const files = walk(["."], [], dir).files.map((f) => f.display);
    expect(files).toEqual([".hidden/e.yaml", "a.yml", "b.yaml", "c.json", "sub/d.yaml"]);
  });

  it("joins folder arguments with the paths inside them", () => {
    const dir = tempTree({ "k8s/app/x.yaml": "" });
    expect(walk(["k8s/"], [], dir).files.map((f) => f.display)).toEqual(["k8s/app/x.yaml"]);
  });

  it("scans a named file whatever its extension", () => {
    const dir = tempTree({ "manifest.txt": "" });
    expect(walk(["manifest.txt"], [], dir).files.map((f) => f.display)).toEqual(["manifest.txt"]);
  });

  it("follows symlinked folders once and never loops", () => {
    const dir = tempTree({ "a/x.yaml": "" });
    symlinkSync(path.join(dir, "a"), path.join(dir, "a", "loop"));
    symlinkSync(path.join(dir, "a"), path.join(dir, "alias"));
    mkdirSync(path.join(dir, "b"));
    symlinkSync(path.join(dir, "missing"), path.join(dir, "b", "dangling.yaml"));
    expect(walk(["."], [], dir).files.map((f) => f.display)).toEqual(["a/x.yaml"]);
  });

  it("excludes globs, by path or by base name", () => {
    const dir = tempTree({ "charts/x.yaml": "", "app/y.yaml": "", "app/y.test.yaml": "" });
    expect(walk(["."], ["charts/**", "*.test.yaml"], dir).files.map((f) => f.display)).toEqual(["app/y.yaml"]);
    expect(walk(["."], ["charts"], dir).files.map((f) => f.display)).toEqual(["app/y.test.yaml", "app/y.yaml"]);
  });

  it("reads stdin for -", () => {
    expect(walk(["-"], [], "/").files).toEqual([{ display: "<stdin>", kind: "manifest" }]);
  });

  it("refuses a path that does not exist", () => {
    expect(() => walk(["nope"], [], tempTree({}))).toThrow(/no such file or folder: nope/);
  });
});
