import { type Dirent, existsSync, readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import type { LoadProblem } from "../model/finding.js";
import { UsageError } from "../engine/errors.js";
import { isDockerfileName } from "./dockerfile.js";

/** A file found for scanning: the name reports use, and where to read it. */
export interface InputFile {
  /** As given on the command line, joined with the path inside a folder ("-" reads stdin as "<stdin>"). */
  display: string;
  /** Absolute path, or undefined for stdin. */
  absolute?: string;
  /** helm-chart: a folder with Chart.yaml, or a packaged chart (.tgz), rendered with `helm template`. */
  kind: "manifest" | "dockerfile" | "helm-chart";
}

/** A folder holding a kustomization file (kustomization.yaml, .yml or Kustomization). */
export interface KustomizationDir {
  display: string;
  absolute: string;
  /** The kustomization file's name in the folder. */
  file: string;
}

const MANIFEST_EXT = /\.(ya?ml|json)$/i;
const SKIP_DIRS = new Set([".git", "node_modules"]);

export interface WalkResult {
  files: InputFile[];
  problems: LoadProblem[];
  /** Every folder with a kustomization file; which of them are roots is decided by the Kustomize loader. */
  kustomizations: KustomizationDir[];
}

const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
const CHART_ARCHIVE = /\.tgz$/i;

/**
 * Expands the paths of the command line into files: folders recursively (.yaml, .yml, .json and Dockerfiles by name:
 * Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile; not .git or node_modules; symlinked folders followed once,
 * never in a loop), files as named, `-` for stdin, and `dockerfiles` read as Dockerfiles whatever their name.
 * A path that does not exist is a usage error; an unreadable folder is reported and the walk goes on.
 */
export function walk(paths: readonly string[], exclude: readonly string[] = [], cwd = process.cwd(), dockerfiles: readonly string[] = []): WalkResult {
  const out: WalkResult = { files: [], problems: [], kustomizations: [] };
  const isExcluded = exclude.length > 0 ? picomatch(exclude as string[], { dot: true, basename: false }) : () => false;
  const isExcludedBase = exclude.length > 0 ? picomatch(exclude.filter((g) => !g.includes("/")), { dot: true }) : () => false;
  const excluded = (display: string): boolean => {
    const p = display.split(path.sep).join("/").replace(/^\.\//, "");
    return isExcluded(p) || isExcluded(`${p}/`) || isExcludedBase(path.basename(p));
  };
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();

  const addFile = (display: string, absolute: string, kind: InputFile["kind"] = isDockerfileName(path.basename(display)) ? "dockerfile" : "manifest") => {
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch {
      real = absolute;
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    out.files.push({ display, absolute, kind });
  };

  const addChart = (display: string, absolute: string) => {
    if (out.files.some((f) => f.kind === "helm-chart" && f.absolute === absolute)) return;
    out.files.push({ display, absolute, kind: "helm-chart" });
  };

  const visitDir = (display: string, absolute: string) => {
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch (err) {
      out.problems.push(dirProblem(display, err));
      return;
    }
    if (seenDirs.has(real)) return; // a symlink back into a folder already walked
    seenDirs.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch (err) {
      out.problems.push(dirProblem(display, err));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // A Helm chart is rendered as a whole: its templates are never read as plain YAML, even when the templates
    // folder (or a folder below it) is what was named: then the chart it belongs to is rendered.
    if (entries.some((e) => e.name === "Chart.yaml" && !e.isDirectory())) {
      addChart(display, absolute);
      return;
    }
    const chart = enclosingChart(absolute);
    if (chart) {
      addChart(path.join(display, path.relative(absolute, chart)), chart);
      return;
    }
    const kustomization = KUSTOMIZATION_FILES.find((k) => entries.some((e) => e.name === k && !e.isDirectory()));
    if (kustomization) out.kustomizations.push({ display, absolute, file: kustomization });
    for (const e of entries) {
      const childDisplay = path.join(display, e.name);
      const childAbs = path.join(absolute, e.name);
      if (excluded(childDisplay)) continue;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = statSync(childAbs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling link names nothing to scan
        }
      }
      if (isDir) {
        if (!SKIP_DIRS.has(e.name)) visitDir(childDisplay, childAbs);
      } else if (isFile && (MANIFEST_EXT.test(e.name) || isDockerfileName(e.name))) {
        addFile(childDisplay, childAbs);
      } else if (isFile && CHART_ARCHIVE.test(e.name)) {
        addFile(childDisplay, childAbs, "helm-chart");
      }
    }
  };

  for (const p of paths) {
    if (p === "-") {
      out.files.push({ display: "<stdin>", kind: "manifest" });
      continue;
    }
    const absolute = path.resolve(cwd, p);
    let st;
    try {
      st = statSync(absolute);
    } catch {
      throw new UsageError(`no such file or folder: ${p}`, "input");
    }
    if (st.isDirectory()) visitDir(p, absolute);
    else if (!excluded(p)) addFile(p, absolute, CHART_ARCHIVE.test(p) ? "helm-chart" : undefined);
  }
  for (const p of dockerfiles) {
    const absolute = path.resolve(cwd, p);
    let st;
    try {
      st = statSync(absolute);
    } catch {
      throw new UsageError(`--dockerfile: no such file: ${p}`, "input");
    }
    if (!st.isFile()) throw new UsageError(`--dockerfile: not a file: ${p}`, "input");
    addFile(p, absolute, "dockerfile");
  }
  return out;
}

/** The chart folder above `dir` when `dir` is (inside) a chart's templates folder. */
function enclosingChart(dir: string): string | undefined {
  let d = dir;
  for (let up = 0; up < 8; up++) {
    const parent = path.dirname(d);
    if (parent === d) return undefined;
    if (path.basename(d) === "templates" && existsSync(path.join(parent, "Chart.yaml"))) return parent;
    d = parent;
  }
  return undefined;
}

function dirProblem(display: string, err: unknown): LoadProblem {
  return { ruleId: "parse-error", severity: "high", messageId: "unreadable", message: `cannot read folder: ${(err as Error).message}`, file: display, line: 1, column: 1 };
}

/** Reads a file as UTF-8 text; stdin when `absolute` is undefined. */
export function readInput(file: InputFile): string {
  return readFileSync(file.absolute ?? 0, "utf8");
}
