import { type Dirent, closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, realpathSync, statSync } from "node:fs";
import { isUtf8 } from "node:buffer";
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
      const scannable = MANIFEST_EXT.test(e.name) || isDockerfileName(e.name);
      if (e.isSymbolicLink()) {
        try {
          const st = statSync(childAbs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (err) {
          // A dangling link (or a loop of links) named like a manifest is a file that was meant to be scanned.
          if (scannable) out.problems.push(fileProblem(childDisplay, `broken symbolic link, not scanned: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, "brokenLink"));
          continue;
        }
      }
      if (isDir) {
        if (!SKIP_DIRS.has(e.name)) visitDir(childDisplay, childAbs);
      } else if (isFile && scannable) {
        addFile(childDisplay, childAbs);
      } else if (isFile && CHART_ARCHIVE.test(e.name)) {
        addFile(childDisplay, childAbs, "helm-chart");
      } else if (!isFile && scannable) {
        // A FIFO, socket or device in a folder: reading it could block forever or never end. Named on the command
        // line (`scan <(helm template …)`), a FIFO is read: that is what was asked.
        out.problems.push({ ...fileProblem(childDisplay, "not a regular file (a FIFO, socket or device), not scanned", "notRegular"), severity: "info" });
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

function fileProblem(display: string, message: string, messageId: string): LoadProblem {
  return { ruleId: "parse-error", severity: "high", messageId, message, file: display, line: 1, column: 1 };
}

/** Limits that keep a hostile or broken input from exhausting time, memory or the stack. */
export interface InputLimits {
  /** Files larger than this are reported (`tooLarge`), not read. */
  maxFileBytes: number;
  /** YAML alias expansions per document (`aliasLimit`): stops "billion laughs" documents. */
  maxAliases: number;
  /** Nesting of collections (block or flow) in a YAML or JSON document (`tooDeep`). */
  maxDepth: number;
  /** Characters of one Dockerfile RUN script (or heredoc) parsed as shell (`scriptTooLong`). */
  maxScriptChars: number;
}

/**
 * Defaults: scanning costs about 4 s and 150 MB per MB of dense manifests, so 16 MiB is already a minute; the alias
 * budget is the one shipshape has always used; 256 levels is ten times what real objects (CRD schemas included) use
 * and well below where the YAML parser would run out of stack; a shell script of 256 KiB parses in a fraction of a second.
 */
export const DEFAULT_LIMITS: Readonly<InputLimits> = { maxFileBytes: 16 * 1024 * 1024, maxAliases: 1000, maxDepth: 256, maxScriptChars: 256 * 1024 };

/** Where each limit is set, for the messages of findings that hit one. */
export const LIMIT_SETTINGS: Readonly<Record<keyof InputLimits, string>> = {
  maxFileBytes: "--max-file-size or limits.maxFileBytes in .shipshape.yaml",
  maxAliases: "--max-aliases or limits.maxAliases in .shipshape.yaml",
  maxDepth: "--max-depth or limits.maxDepth in .shipshape.yaml",
  maxScriptChars: "--max-script-size or limits.maxScriptChars in .shipshape.yaml",
};

/** A file over `maxFileBytes` (or stdin over it): nothing of it is parsed. */
export class FileTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
    /** The size is a lower bound: reading stopped at the limit (stdin, FIFOs). */
    readonly atLeast: boolean,
  ) {
    super(`file too large to scan (${atLeast ? "over " : ""}${size} bytes; the limit is ${limit}: raise it with ${LIMIT_SETTINGS.maxFileBytes})`);
  }
}

/**
 * Reads a file as text; stdin when `absolute` is undefined. Reads at most `maxBytes` (a FIFO or stdin has no size to
 * check beforehand): more is a FileTooLargeError. See `decodeText` for the encodings.
 */
export function readInput(file: InputFile, maxBytes = Number.POSITIVE_INFINITY): DecodedText {
  return decodeText(readBytes(file, maxBytes));
}

function readBytes(file: InputFile, maxBytes: number): Buffer {
  if (file.absolute !== undefined) {
    const st = statSync(file.absolute);
    if (st.isFile()) {
      if (st.size > maxBytes) throw new FileTooLargeError(st.size, maxBytes, false);
      if (maxBytes === Number.POSITIVE_INFINITY) return readFileSync(file.absolute);
    }
  } else if (maxBytes === Number.POSITIVE_INFINITY) {
    return readFileSync(0);
  }
  // Read in chunks up to the limit: a regular file may grow while read, a stream has no size.
  const fd = file.absolute === undefined ? 0 : openSync(file.absolute, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EAGAIN") continue;
        if ((err as NodeJS.ErrnoException).code === "EOF") break;
        throw err;
      }
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new FileTooLargeError(total, maxBytes, true);
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

export interface DecodedText {
  text: string;
  /** The text is not valid UTF-8: offset (in `text`) of the first byte sequence replaced by U+FFFD. */
  invalidUtf8?: number;
}

/**
 * UTF-8 (a BOM is kept: the loaders drop it), or UTF-16 with a byte order mark, as the YAML parsers of kubectl read
 * (PowerShell 5 writes UTF-16 when output is redirected). Invalid UTF-8 is decoded with replacement characters, and
 * where the first one is is returned for the caller to report: kubectl would refuse the file.
 */
export function decodeText(bytes: Buffer): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString("utf16le") };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return { text: swapped.swap16().toString("utf16le") };
  }
  const text = bytes.toString("utf8");
  if (isUtf8(bytes)) return { text };
  return { text, invalidUtf8: Math.max(0, text.indexOf("\ufffd")) };
}

/**
 * The offset at which a YAML or JSON text first nests collections deeper than `max` (block maps and sequences by
 * indentation, `- - -` compact sequences, flow `[` and `{`), or -1. A linear scan without parsing, so that a
 * document nested ten thousand levels deep is refused before the parser recurses into it. It follows quotes,
 * comments, block scalars and document markers; where it cannot tell, it counts less, never more.
 */
export function excessiveNesting(text: string, max: number): number {
  const n = text.length;
  const block: number[] = []; // indentation of the open block collections
  let flow = 0; // open flow collections
  let quote = ""; // inside a quoted scalar: its quote character
  let scalarIndent = -1; // inside a block scalar: the indentation of the line that started it
  let i = 0;
  while (i < n) {
    // Start of a line.
    let j = i;
    while (j < n && text.charCodeAt(j) === 32) j++;
    const indent = j - i;
    const c = text[j];
    if (scalarIndent >= 0) {
      if (c === undefined || c === "\n" || c === "\r" || indent > scalarIndent) {
        i = nextLine(text, j);
        continue;
      }
      scalarIndent = -1;
    }
    if (quote === "" && flow === 0) {
      if (c === undefined || c === "\n" || c === "\r" || c === "#" || c === "\t") {
        i = nextLine(text, j);
        continue;
      }
      if (indent === 0 && (text.startsWith("---", j) || text.startsWith("...", j)) && (j + 3 >= n || " \t\r\n".includes(text[j + 3]!))) {
        block.length = 0;
        j += 3;
      } else {
        while (block.length > 0 && block[block.length - 1]! > indent) block.pop();
        if (block.length === 0 || block[block.length - 1]! < indent) block.push(indent);
      }
    }
    // The rest of the line.
    const start = lineStart(text, Math.min(j, n));
    let valueStart = quote === "" && flow === 0;
    let keyColumn = -1;
    let last = "";
    for (; j < n; j++) {
      const ch = text[j]!;
      if (ch === "\n") break;
      if (quote !== "") {
        if (quote === '"' && ch === "\\") j++;
        else if (ch === quote) {
          if (quote === "'" && text[j + 1] === "'") j++;
          else quote = "";
        }
        last = ch;
        continue;
      }
      if (ch === " " || ch === "\t" || ch === "\r") continue;
      const prev = j > 0 ? text[j - 1]! : "\n";
      if (ch === "#" && (prev === " " || prev === "\t" || prev === "\n")) {
        j = text.indexOf("\n", j);
        if (j < 0) j = n;
        break;
      }
      last = ch;
      if (flow > 0) {
        if (ch === "[" || ch === "{") {
          if (++flow + block.length > max) return j;
        } else if (ch === "]" || ch === "}") flow--;
        else if ((ch === '"' || ch === "'") && "[{,: \t\n".includes(prev)) quote = ch;
        continue;
      }
      if (valueStart) {
        if ((ch === "-" || ch === "?") && (j + 1 >= n || " \t\r\n".includes(text[j + 1]!))) {
          // `- - x`: each dash opens a deeper sequence
          if ((block[block.length - 1] ?? -1) < j - start) block.push(j - start);
          if (block.length > max) return j;
          continue;
        }
        if ((ch === "&" || ch === "!") && j + 1 < n) {
          // an anchor or a tag before the value: the value starts after it
          while (j + 1 < n && !" \t\r\n".includes(text[j + 1]!)) j++;
          continue;
        }
        valueStart = false;
        if (ch === "[" || ch === "{") {
          flow = 1;
          if (flow + block.length > max) return j;
          continue;
        }
        keyColumn = j - start;
        if (ch === '"' || ch === "'") {
          quote = ch;
          continue;
        }
      }
      if (ch === ":" && (j + 1 >= n || " \t\r\n".includes(text[j + 1]!))) {
        // `- key: v`: a map inside the sequence item
        if (keyColumn >= 0 && (block[block.length - 1] ?? -1) < keyColumn) block.push(keyColumn);
        keyColumn = -1;
        valueStart = true;
      }
    }
    if (block.length + flow > max) return Math.min(j, n - 1);
    // `key: |` or `- >-`: the more indented lines below are text
    if (quote === "" && flow === 0 && "|>-+0123456789".includes(last) && last !== "") {
      const line = text.slice(start, Math.min(j, n)).replace(/\s+#.*$/, "").trimEnd();
      if (/(^|[\s:-])[|>][-+0-9]*$/.test(line)) scalarIndent = indent;
    }
    i = j < n ? j + 1 : n;
  }
  return -1;
}

function nextLine(text: string, from: number): number {
  const nl = text.indexOf("\n", from);
  return nl < 0 ? text.length : nl + 1;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf("\n", at - 1) + 1;
}

/** 1-based line and column of an offset (the column in UTF-16 units). */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = text.indexOf("\n"); k >= 0 && k < offset; k = text.indexOf("\n", k + 1)) {
    line++;
    start = k + 1;
  }
  return { line, column: offset - start + 1 };
}
