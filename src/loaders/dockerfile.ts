// Reads a Dockerfile into the model (src/model/dockerfile.ts): dockerfile-ast splits instructions, flags, properties,
// heredocs and parser directives; RUN text in shell form is joined as BuildKit joins it (escaped newlines removed,
// comment and empty lines inside a continuation dropped) and parsed with tree-sitter-bash, keeping a map from every
// character back to the file so findings point at the exact word. Each stage becomes one object of kind Dockerfile.
import { DockerfileParser, type Instruction as AstInstruction, Instruction as AstInstructionClass } from "dockerfile-ast";
import type {
  Comment,
  Directive,
  DockerFlag,
  DockerWord,
  Dockerfile,
  Heredoc,
  InlineIgnore,
  Instruction,
  KeyValue,
  ShellScript,
  Stage,
} from "../model/dockerfile.js";
import { DockerfileResource } from "../model/dockerfile.js";
import { expandVariables, globalVariables } from "../model/dockerfile-queries.js";
import type { LoadProblem } from "../model/finding.js";
import type { Located, Locator } from "../model/resource.js";
import type { YamlPath } from "../model/types.js";
import { MAX_NESTING, MAX_SCRIPT_CHARS, type ShellParser } from "./shell.js";

export interface DockerfileLoad {
  resources: DockerfileResource[];
  problems: LoadProblem[];
  dockerfile: Dockerfile | undefined;
}

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** File names that are Dockerfiles: Dockerfile, Dockerfile.*, Dockerfile-*, *.Dockerfile, *.dockerfile, Containerfile(.*). */
export function isDockerfileName(base: string): boolean {
  const b = base.toLowerCase();
  if (b.endsWith(".dockerignore") || b.endsWith(".md") || b.endsWith(".txt")) return false;
  return /^(dockerfile|containerfile)([.\-_].+)?$/.test(b) || b.endsWith(".dockerfile") || b.endsWith(".containerfile");
}

const DIRECTIVES = new Set(["syntax", "escape", "check"]);

/** Instructions that take `--name=value` flags. */
const FLAGGED = new Set(["FROM", "COPY", "ADD", "RUN", "HEALTHCHECK"]);

const WINDOWS_BASE = /(^|\/)(windows|windowsservercore|nanoserver|servercore)([:/@-]|$)|mcr\.microsoft\.com\/windows/i;
const POSIX_SHELLS = /(^|\/)(sh|bash|dash|ash|zsh|ksh|mksh|busybox)$/;

export interface DockerfileLimits {
  /** Longest RUN script (continuations joined) or heredoc body parsed as shell; a longer one is reported (`scriptTooLong`). */
  maxScriptChars?: number;
  /** Deepest nesting of shell statements (subshells, substitutions, compound commands) checked (`tooDeep`). */
  maxDepth?: number;
}

export function loadDockerfileText(text: string, file: string, shell: ShellParser, limits: DockerfileLimits = {}): DockerfileLoad {
  const problems: LoadProblem[] = [];
  const maxScriptChars = limits.maxScriptChars ?? MAX_SCRIPT_CHARS;
  const maxNesting = limits.maxDepth ?? MAX_NESTING;
  /** Parses a script within the limit; over it, the instruction is reported and its commands stay unchecked. */
  const parseWithin = (script: string, prefix: YamlPath, line: number, what: string) => {
    if (script.length > maxScriptChars) {
      problems.push({
        ruleId: "parse-error",
        severity: "high",
        messageId: "scriptTooLong",
        message: `${what} is ${script.length} characters long, over the limit of ${maxScriptChars}: its commands are not checked (raise the limit with --max-script-size or limits.maxScriptChars in .shipshape.yaml)`,
        file,
        line,
        column: 1,
      });
    }
    const onTooDeep = () =>
      problems.push({
        ruleId: "parse-error",
        severity: "high",
        messageId: "tooDeep",
        message: `${what} nests commands more than ${maxNesting} levels deep: the deeper ones are not checked (raise the limit with --max-depth or limits.maxDepth in .shipshape.yaml)`,
        file,
        line,
        column: 1,
      });
    return shell.parse(script, prefix, { maxChars: maxScriptChars, maxNesting, onTooDeep });
  };
  if (text.includes("\u0000")) {
    problems.push({ ruleId: "parse-error", severity: "high", messageId: "binary", message: "not a text file (contains NUL bytes)", file, line: 1, column: 1 });
    return { resources: [], problems, dockerfile: undefined };
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const offsetOf = (p: { line: number; character: number }): number => (lineStarts[p.line] ?? text.length) + p.character;
  // Ranges by path object (rules report the very path arrays of the model's nodes, so identity lookups suffice),
  // and the offset maps of parsed shell text by the string form of their prefix (looked up only for findings).
  const ranges = new Map<YamlPath, Range>();
  const instructionRanges: Range[] = [];
  const scriptMaps = new Map<string, OffsetMap>();
  const key = (path: YamlPath): string => path.join("\u0000");

  const ast = DockerfileParser.parse(text);
  const escape = ast.getEscapeCharacter();
  const directives: Directive[] = [];
  const comments: Comment[] = ast.getComments().map((c) => ({ text: c.getContent(), line: c.getRange().start.line + 1 }));
  // Only syntax, escape and check are parser directives; BuildKit reads other `# key=value` lines at the top as comments.
  for (const d of ast.getDirectives()) {
    const name = d.getName().toLowerCase();
    const line = d.getRange().start.line + 1;
    if (DIRECTIVES.has(name)) directives.push({ name, value: d.getValue(), line });
    else comments.unshift({ text: text.slice(lineStarts[line - 1]!, (lineStarts[line] ?? text.length + 1) - 1).replace(/^\s*#\s?/, "").replace(/\r$/, ""), line });
  }
  comments.sort((a, b) => a.line - b.line);

  const instructions: Instruction[] = [];
  const build = (node: AstInstruction, index: number, path: YamlPath, stage: number | undefined): Instruction => {
    const range = node.getRange();
    ranges.set(path, range);
    if (path.length === 2) instructionRanges[index] = range;
    const keyword = node.getKeyword().toUpperCase();
    // dockerfile-ast recomputes the argument list on every getter, so each is called once and only where it matters.
    // Modifiable instructions (FROM, COPY, RUN, ...) override getArguments to drop flags, re-splitting the text
    // several times; the base splitter is called once and flags are taken from the leading `--name=value` words.
    const args = AstInstructionClass.prototype.getArguments.call(node);
    const argsRange = args.length > 0 ? { start: args[0]!.getRange().start, end: args[args.length - 1]!.getRange().end } : null;
    const rawArgs = argsRange ? text.slice(offsetOf(argsRange.start), offsetOf(argsRange.end)) : "";
    const words: DockerWord[] = [];
    args.forEach((a, i) => {
      const p = [...path, "word", i];
      ranges.set(p, a.getRange());
      words.push({ value: a.getValue(), path: p });
    });
    const flags: DockerFlag[] = [];
    const leading = FLAGGED.has(keyword) ? args.findIndex((a) => !a.getValue().startsWith("--")) : 0;
    const flagCount = leading < 0 ? args.length : leading;
    for (let i = 0; i < flagCount; i++) {
      const v = args[i]!.getValue().slice(2);
      const eq = v.indexOf("=");
      flags.push({ name: (eq < 0 ? v : v.slice(0, eq)).toLowerCase(), value: eq < 0 ? undefined : v.slice(eq + 1), path: words[i]!.path });
    }
    // dockerfile-ast counts flags of FROM/COPY/... as arguments when they are not recognised; drop them from words.
    const flagWords = words.slice(flagCount);
    const properties: KeyValue[] = [];
    const withProps = node as unknown as { getProperties?: () => { getName(): string; getValue(): string | null; getNameRange(): Range; getValueRange(): Range | null }[] };
    if ((keyword === "ENV" || keyword === "ARG" || keyword === "LABEL") && typeof withProps.getProperties === "function") {
      withProps.getProperties().forEach((pr, i) => {
        const p = [...path, "property", i];
        ranges.set(p, pr.getNameRange());
        properties.push({ name: pr.getName(), value: pr.getValue() ?? undefined, path: p });
      });
    }
    let form: Instruction["form"];
    let exec: string[] | undefined;
    if (keyword === "RUN" || keyword === "CMD" || keyword === "ENTRYPOINT" || keyword === "SHELL" || keyword === "HEALTHCHECK") {
      exec = execForm(keyword === "HEALTHCHECK" ? healthcheckCommand(rawArgs) : stripRunFlags(rawArgs, keyword));
      form = exec ? "exec" : "shell";
    }
    const heredocs: Heredoc[] = [];
    const withHeredocs = node as unknown as { getHeredocs?: () => { getName(): string; getContentRange(): Range | null; getNameRange(): Range }[] };
    if (rawArgs.includes("<<") && typeof withHeredocs.getHeredocs === "function") {
      withHeredocs.getHeredocs().forEach((h, i) => {
        const p = [...path, "heredoc", i];
        const cr = h.getContentRange();
        ranges.set(p, cr ?? h.getNameRange());
        heredocs.push({ name: h.getName(), content: cr ? text.slice(offsetOf(cr.start), offsetOf(cr.end)) : "", path: p });
      });
    }
    let trigger: Instruction | undefined;
    const withTrigger = node as unknown as { getTriggerInstruction?: () => AstInstruction | null };
    if (keyword === "ONBUILD" && typeof withTrigger.getTriggerInstruction === "function") {
      const t = withTrigger.getTriggerInstruction();
      if (t) trigger = build(t, index, [...path, "trigger"], stage);
    }
    return {
      index,
      keyword,
      args: joinContinuations(rawArgs, escape).text,
      words: flagWords,
      flags,
      form,
      exec,
      properties,
      heredocs,
      shell: undefined,
      trigger,
      stage,
      line: range.start.line + 1,
      path,
      ...(argsRange ? { argsStart: offsetOf(argsRange.start) } : {}),
    } as Instruction;
  };

  const stages: Stage[] = [];
  const globalArgs: KeyValue[] = [];
  const aliasIndex = new Map<string, number>();
  ast.getInstructions().forEach((node, index) => {
    const keyword = node.getKeyword().toUpperCase();
    const stageIndex = keyword === "FROM" ? stages.length : stages.length > 0 ? stages.length - 1 : undefined;
    const ins = build(node, index, ["instructions", index], stageIndex);
    instructions.push(ins);
    if (keyword === "FROM") {
      const words = ins.words.map((w) => w.value);
      const asAt = words.findIndex((w) => w.toLowerCase() === "as");
      const alias = asAt >= 1 ? words[asAt + 1] : undefined;
      const base = words[0] ?? "";
      const baseResolved = expandVariables(base, globalVariables({ globalArgs }));
      const baseStage = baseResolved !== undefined ? aliasIndex.get(baseResolved.toLowerCase()) : undefined;
      const stage: Stage = {
        index: stages.length,
        alias,
        name: alias ?? String(stages.length),
        from: ins,
        base,
        baseResolved,
        baseStage,
        instructions: [ins],
        isFinal: false,
        shell: ["/bin/sh", "-c"],
        posixShell: true,
      };
      if (alias !== undefined && !aliasIndex.has(alias.toLowerCase())) aliasIndex.set(alias.toLowerCase(), stage.index);
      stages.push(stage);
    } else if (stageIndex === undefined) {
      if (keyword === "ARG") globalArgs.push(...ins.properties);
    } else {
      stages[stageIndex]!.instructions.push(ins);
    }
  });
  if (stages.length > 0) stages[stages.length - 1]!.isFinal = true;

  // Shells: SHELL changes the shell for the rest of the stage; a stage built on another inherits its shell.
  const windowsEscape = escape === "`";
  let windows = windowsEscape;
  for (const stage of stages) {
    const inherited = stage.baseStage !== undefined ? stages[stage.baseStage]! : undefined;
    const winBase = inherited ? !inherited.posixShell : WINDOWS_BASE.test(stage.baseResolved ?? stage.base);
    let shellCmd = inherited ? inherited.shell : winBase || windowsEscape ? ["cmd", "/S", "/C"] : ["/bin/sh", "-c"];
    if (winBase) windows = true;
    for (const ins of stage.instructions) {
      if (ins.keyword === "SHELL" && ins.exec && ins.exec.length > 0) {
        shellCmd = ins.exec;
        if (!POSIX_SHELLS.test(ins.exec[0]!.toLowerCase().replace(/\.exe$/, ""))) windows = windows || /powershell|pwsh|cmd/i.test(ins.exec[0]!);
      }
      const posix = POSIX_SHELLS.test(shellCmd[0]!.toLowerCase());
      if (ins.keyword === "SHELL") stage.shell = shellCmd;
      if (posix) parseShellOf(ins);
      if (ins.trigger && posix) parseShellOf(ins.trigger);
    }
    stage.shell = shellCmd;
    stage.posixShell = POSIX_SHELLS.test(shellCmd[0]!.toLowerCase());
  }

  function parseShellOf(ins: Instruction): void {
    if (ins.form === "exec") {
      parseExecScript(ins);
      return;
    }
    if (ins.form !== "shell") return;
    if (ins.keyword !== "RUN" && ins.keyword !== "CMD" && ins.keyword !== "ENTRYPOINT" && ins.keyword !== "HEALTHCHECK") return;
    const start = (ins as Instruction & { argsStart?: number }).argsStart;
    if (start === undefined) return;
    const range = ranges.get(ins.path)!;
    let end = offsetOf(range.end);
    // The command of a RUN with heredocs is its first line; the bodies are parsed on their own when a shell reads them.
    if (ins.heredocs.length > 0) {
      const nl = text.indexOf("\n", start);
      end = nl >= 0 && nl < end ? nl : end;
    }
    let from = start;
    if (ins.keyword === "RUN") from = start + leadingFlagsLength(text.slice(start, end));
    if (ins.keyword === "HEALTHCHECK") {
      const raw = text.slice(start, end);
      const m = /^((?:--\S+\s+)*)CMD\s+/i.exec(raw);
      if (!m) return;
      from = start + m[0].length;
    }
    const joined = joinContinuations(text.slice(from, end), escape, from);
    const script = parseWithin(joined.text, [...ins.path, "shell"], ins.line, `the ${ins.keyword} command`);
    scriptMaps.set(key([...ins.path, "shell"]), joined.map);
    const parts: ShellScript[] = [script];
    if (ins.keyword === "RUN") {
      const bodyRunsInShell = heredocBodiesAreScripts(script);
      ins.heredocs.forEach((h, i) => {
        if (!bodyRunsInShell) return;
        const hr = ranges.get(h.path)!;
        const body = parseWithin(h.content, [...ins.path, "heredoc", i, "shell"], hr.start.line + 1, `heredoc ${h.name} of the RUN instruction on line ${ins.line}`);
        scriptMaps.set(key([...ins.path, "heredoc", i, "shell"]), new OffsetMap([0], [offsetOf(hr.start)]));
        parts.push(body);
      });
    }
    ins.shell = parts.length === 1 ? script : { commands: parts.flatMap((p) => p.commands), hasErrors: parts.some((p) => p.hasErrors), text: parts.map((p) => p.text).join("\n") };
  }

  /**
   * Exec form that runs a shell script: `RUN ["sh", "-c", "apt-get update && …"]` (bash, dash, … with -c): the script is
   * parsed like shell form. Positions point into the JSON string when it is written without escapes, else at its start.
   */
  function parseExecScript(ins: Instruction): void {
    if (ins.keyword !== "RUN" || !ins.exec || ins.exec.length < 3) return;
    const program = ins.exec[0]!.replace(/^.*\//, "");
    if (!POSIX_SHELLS.test(program)) return;
    const at = ins.exec.findIndex((a, i) => i > 0 && /^-[A-Za-z]*c[A-Za-z]*$/.test(a));
    const script = at > 0 ? ins.exec[at + 1] : undefined;
    const start = (ins as Instruction & { argsStart?: number }).argsStart;
    if (script === undefined || script.trim() === "" || start === undefined) return;
    const range = ranges.get(ins.path)!;
    const raw = text.slice(start, offsetOf(range.end));
    const encoded = JSON.stringify(script).slice(1, -1);
    const found = raw.indexOf(`"${encoded}"`);
    const fileStart = found >= 0 && encoded === script ? start + found + 1 : start;
    ins.shell = parseWithin(script, [...ins.path, "shell"], ins.line, `the ${ins.keyword} command`);
    scriptMaps.set(key([...ins.path, "shell"]), found >= 0 && encoded === script ? new OffsetMap([0], [fileStart]) : new OffsetMap(Array.from({ length: script.length + 1 }, (_, i) => i), new Array<number>(script.length + 1).fill(start)));
  }

  const ignores = inlineIgnores(comments, instructions);
  const dockerfile: Dockerfile = { file, instructions, globalArgs, stages, directives, comments, ignores, escape, windows };
  if (stages.length === 0) {
    const first = instructions[0];
    problems.push({
      ruleId: "parse-error",
      severity: "high",
      messageId: "noFrom",
      message: first ? `not a valid Dockerfile: no FROM instruction (first instruction: ${first.keyword})` : "not a valid Dockerfile: no FROM instruction",
      file,
      line: first?.line ?? 1,
      column: 1,
    });
  }
  const locator = (stage: Stage): Locator => ({
    locate(path: YamlPath): Located {
      const p = path.length === 0 ? stage.from.path : path;
      const at = p.indexOf("at");
      if (at >= 0) {
        const map = scriptMaps.get(key(p.slice(0, at)));
        const s = p[at + 1];
        const e = p[at + 2];
        if (map && typeof s === "number" && typeof e === "number") {
          const a = position(lineStarts, map.toFile(s));
          const b = position(lineStarts, map.toFile(Math.max(s, e - 1)) + 1);
          return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, exact: true };
        }
      }
      const exact = ranges.get(p);
      const r = exact ?? (p[0] === "instructions" && typeof p[1] === "number" ? instructionRanges[p[1]] : undefined);
      if (r) return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1, exact: exact !== undefined };
      return { line: 1, column: 1, exact: false };
    },
  });
  const resources = stages.map((s) => new DockerfileResource(dockerfile, s, locator(s)));
  return { resources, problems, dockerfile };
}

function position(lineStarts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

/** Maps offsets of a joined text back to file offsets: segments of contiguous text, searched by binary search. */
export class OffsetMap {
  constructor(
    /** Start offset of each segment in the joined text (ascending, first is 0). */
    private readonly textStarts: number[],
    /** File offset of each segment's first character. */
    private readonly fileStarts: number[],
  ) {}

  toFile(offset: number): number {
    const t = this.textStarts;
    let lo = 0;
    let hi = t.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (t[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.fileStarts[lo]! + (offset - t[lo]!);
  }
}

const CONTINUATION = { "\\": /\\[ \t]*\r?$/, "`": /`[ \t]*\r?$/ } as Record<string, RegExp>;

/**
 * Joins continuation lines as BuildKit does: the escape character at the end of a line (trailing blanks allowed)
 * removes itself and the newline; inside a continuation, comment lines and empty lines are dropped. `map` turns
 * offsets of the joined text into file offsets (`base` is the file offset of `raw`).
 */
export function joinContinuations(raw: string, escape: string, base = 0): { text: string; map: OffsetMap } {
  if (!raw.includes("\n")) return { text: raw.endsWith("\r") ? raw.slice(0, -1) : raw, map: new OffsetMap([0], [base]) };
  const cont = CONTINUATION[escape] ?? CONTINUATION["\\"]!;
  const lines = raw.split("\n");
  const parts: string[] = [];
  const textStarts: number[] = [];
  const fileStarts: number[] = [];
  let length = 0;
  let offset = base;
  let continuing = false;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    const lineOffset = offset;
    offset += line.length + 1;
    if (continuing && (line.trim() === "" || /^\s*#/.test(line))) continue;
    const m = cont.exec(line);
    let body = m ? line.slice(0, m.index) : line;
    if (!m && body.endsWith("\r")) body = body.slice(0, -1);
    continuing = m !== null;
    const newline = !continuing && li < lines.length - 1;
    textStarts.push(length);
    fileStarts.push(lineOffset);
    parts.push(newline ? `${body}\n` : body);
    length += body.length + (newline ? 1 : 0);
  }
  return { text: parts.join(""), map: new OffsetMap(textStarts.length > 0 ? textStarts : [0], fileStarts.length > 0 ? fileStarts : [base]) };
}

/** Length of RUN's leading `--mount=... --network=...` flags, which BuildKit consumes before the command. */
function leadingFlagsLength(s: string): number {
  const m = /^(\s*--[A-Za-z-]+(=("[^"]*"|'[^']*'|\S)*)?\s+)*/.exec(s);
  return m ? m[0].length : 0;
}

function stripRunFlags(raw: string, keyword: string): string {
  return keyword === "RUN" ? raw.slice(leadingFlagsLength(raw)) : raw;
}

function healthcheckCommand(raw: string): string {
  const m = /^((?:--\S+\s+)*)CMD\s+/i.exec(raw);
  return m ? raw.slice(m[0].length) : "";
}

/** The exec form (a JSON array of strings), or undefined for shell form. */
function execForm(raw: string): string[] | undefined {
  const t = joinContinuations(raw, "\\").text.trim();
  if (!t.startsWith("[")) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    return Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** `RUN <<EOF` alone, or `RUN sh <<EOF` / `bash -e <<EOF`: the heredoc bodies are the script. */
function heredocBodiesAreScripts(script: ShellScript): boolean {
  const named = script.commands.filter((c) => c.name !== undefined);
  if (named.length === 0) return true;
  if (named.length !== 1) return false;
  const n = named[0]!.name!.value ?? "";
  return POSIX_SHELLS.test(n) && named[0]!.args.every((a) => a.text.startsWith("-"));
}

const IGNORE = /^shipshape\s+(ignore|ignore-file)\s*=\s*([A-Za-z0-9_,:*-]+)\s*(.*)$/;

/** `# shipshape ignore=a,b reason` comments: before an instruction (comment lines directly above it), or file-wide. */
function inlineIgnores(comments: readonly Comment[], instructions: readonly Instruction[]): InlineIgnore[] {
  const out: InlineIgnore[] = [];
  const sorted = [...instructions].sort((a, b) => a.line - b.line);
  for (const c of comments) {
    const m = IGNORE.exec(c.text.trim());
    if (!m) continue;
    const rules = m[2]!.split(",").filter((r) => r !== "");
    const reason = m[3]!.trim();
    if (m[1] === "ignore-file") {
      out.push({ rules, reason, line: c.line, instruction: undefined, scope: "file" });
      continue;
    }
    const next = sorted.find((i) => i.line > c.line);
    out.push({ rules, reason, line: c.line, instruction: next?.index, scope: "instruction" });
  }
  return out;
}
