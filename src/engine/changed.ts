import { execFileSync } from "node:child_process";
import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { InputFile, KustomizationDir } from "../loaders/files.js";
import type { Rendered } from "../loaders/render.js";
import type { LoadProblem } from "../model/finding.js";
import type { Resource } from "../model/resource.js";
import { UsageError } from "./errors.js";

/**
 * `scan --changed-since REF`: the files that differ from a git ref. Every file of the scanned paths is still loaded
 * (cross-object rules need the whole inventory); only the objects of changed files are checked by the rules.
 */

const STDIN = "-";

/** The files changed since a git ref in the repositories of the scanned paths, as real absolute paths. */
export class ChangedFiles {
  private readonly real = new Map<string, string>();

  constructor(
    /** Real absolute paths of changed files: committed, staged, unstaged and untracked changes vs the ref; deleted files too. */
    readonly files: ReadonlySet<string>,
  ) {}

  /** Whether the file (absolute) changed. */
  has(file: string): boolean {
    return this.files.has(this.realpath(file));
  }

  /** Whether a changed file is `dir` or inside it. */
  anyUnder(dir: string): boolean {
    const root = this.realpath(dir);
    const prefix = root.endsWith(path.sep) ? root : root + path.sep;
    for (const f of this.files) if (f === root || f.startsWith(prefix)) return true;
    return false;
  }

  private realpath(file: string): string {
    let r = this.real.get(file);
    if (r === undefined) {
      try {
        r = realpathSync.native(file);
      } catch {
        // a file that no longer exists: its folder's real path, joined with its name
        try {
          r = path.join(realpathSync.native(path.dirname(file)), path.basename(file));
        } catch {
          r = path.resolve(file);
        }
      }
      this.real.set(file, r);
    }
    return r;
  }
}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string | Buffer };
    if (e.code === "ENOENT") throw new UsageError("--changed-since: git is not installed (or not on PATH)");
    const stderr = String(e.stderr ?? "").trim();
    throw new UsageError(`--changed-since: ${stderr || e.message}`);
  }
}

/** The folder git runs in for a scanned path: the path itself when a folder, else its folder. */
function folderOf(p: string): string {
  try {
    return statSync(p).isDirectory() ? p : path.dirname(p);
  } catch {
    return path.dirname(p);
  }
}

/**
 * The files changed since `ref` in the repositories holding `paths` (relative to `cwd`): `git diff --name-only REF`
 * (committed, staged and unstaged changes) plus `git ls-files --others --exclude-standard` (untracked files).
 * Throws UsageError with git's message when a path is not in a git repository or the ref is unknown.
 */
export function changedFiles(paths: readonly string[], cwd: string, ref: string): ChangedFiles {
  if (ref === "" || ref.startsWith("-")) throw new UsageError(`--changed-since: "${ref}" is not a git ref`);
  const tops = new Set<string>();
  for (const p of paths) {
    if (p === STDIN) continue;
    const dir = folderOf(path.resolve(cwd, p));
    tops.add(git(["rev-parse", "--show-toplevel"], dir).trim());
  }
  if (tops.size === 0) tops.add(git(["rev-parse", "--show-toplevel"], cwd).trim());
  const files = new Set<string>();
  for (const top of tops) {
    const root = realOrSelf(top);
    // the ref must name a commit: git's own message when it does not
    git(["rev-parse", "--verify", "--end-of-options", `${ref}^{commit}`], top);
    const diff = git(["-c", "core.quotePath=false", "diff", "--name-only", "--no-renames", "-z", ref, "--"], top);
    const untracked = git(["-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard", "-z", "--full-name"], top);
    for (const name of [...diff.split("\0"), ...untracked.split("\0")]) {
      if (name !== "") files.add(path.join(root, ...name.split("/")));
    }
  }
  return new ChangedFiles(files);
}

function realOrSelf(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/** What the scan loaded, input by input: enough to tell which objects and problems come from changed files. */
export interface LoadedInputs {
  /** Plain manifests and Dockerfiles, with what each gave. */
  plain: ReadonlyMap<InputFile, { resources: Resource[]; problems: LoadProblem[] }>;
  /** Helm charts and what each rendered (or the problem that stopped it). */
  charts: readonly { file: InputFile; rendered: Rendered | LoadProblem }[];
  /** Kustomize roots and what each rendered. */
  roots: readonly { root: KustomizationDir; rendered: Rendered | LoadProblem }[];
  /** Helm values files (--values), relative to `cwd`: a changed one changes every chart. */
  values: readonly string[];
  cwd: string;
}

/**
 * The objects of changed inputs, and the problems of unchanged ones (which are not reported). A plain file counts
 * when it changed (stdin always does); a Helm chart when a file under its folder (or the .tgz) or a values file
 * changed; a Kustomize root when a file it read (`consumed`) or a file under its folder changed.
 */
export function selectChanged(changed: ChangedFiles, loaded: LoadedInputs): { resources: Set<Resource>; unchangedProblems: Set<LoadProblem> } {
  const resources = new Set<Resource>();
  const unchangedProblems = new Set<LoadProblem>();
  const take = (isChanged: boolean, out: { resources: Resource[]; problems: LoadProblem[] } | LoadProblem) => {
    if ("ruleId" in out) {
      if (!isChanged) unchangedProblems.add(out);
      return;
    }
    for (const r of out.resources) if (isChanged) resources.add(r);
    for (const p of out.problems) if (!isChanged) unchangedProblems.add(p);
  };
  for (const [file, out] of loaded.plain) take(file.absolute === undefined || changed.has(file.absolute), out);
  const valuesChanged = loaded.values.some((v) => changed.has(path.resolve(loaded.cwd, v)));
  for (const { file, rendered } of loaded.charts) {
    const abs = file.absolute ?? path.resolve(loaded.cwd, file.display);
    take(valuesChanged || changed.anyUnder(abs), rendered);
  }
  for (const { root, rendered } of loaded.roots) {
    const consumed = "ruleId" in rendered ? [] : rendered.consumed;
    take(changed.anyUnder(root.absolute) || consumed.some((f) => changed.has(f)), rendered);
  }
  return { resources, unchangedProblems };
}
