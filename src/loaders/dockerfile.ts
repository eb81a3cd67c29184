// Reads a Dockerfile into the model (src/model/dockerfile.ts): dockerfile-ast splits instructions, flags, properties,
// heredocs and parser directives; RUN text in shell form is joined as BuildKit joins it (escaped newlines removed,
// comment and empty lines inside a continuation dropped) and parsed with tree-sitter-bash, keeping a map from every
// character back to the file so findings point at the exact word. Each stage becomes one object of kind Dockerfile.
import { DockerfileParser, type Instruction as AstInstruction } from "dockerfile-ast";
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
import type { LoadProblem } from "../model/finding.js";
import type { Located, Locator } from "../model/resource.js";
import type { YamlPath } from "../model/types.js";
import type { ShellParser } from "./shell.js";

export interface DockerfileLoad {
  resources: DockerfileResource[];
  problems: LoadProblem[];
  dockerfile: Dockerfile | undefined;
}

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** File names that are Dockerfiles: Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile(.*). */
export function isDockerfileName(base: string): boolean {
  const b = base.toLowerCase();
  if (b.endsWith(".dockerignore") || b.endsWith(".md") || b.endsWith(".txt")) return false;
  return b === "dockerfile" || b === "containerfile" || b.startsWith("dockerfile.") || b.startsWith("containerfile.") || b.endsWith(".dockerfile") || b.endsWith(".containerfile");
}

const WINDOWS_BASE = /(^|\/)(windows|windowsservercore|nanoserver|servercore)([:/@-]|$)|mcr\.microsoft\.com\/windows/i;
const POSIX_SHELLS = /(^|\/)(sh|bash|dash|ash|zsh|ksh|mksh|busybox)$/;

export function loadDockerfileText(text: string, file: string, shell: ShellParser): DockerfileLoad {
  const problems: LoadProblem[] = [];
  if (text.includes("\u0000")) {
    problems.push({ ruleId: "parse-error", severity: "high", messageId: "binary", message: "not a text file (contains NUL bytes)", file, line: 1, column: 1 });
    return { resources: [], problems, dockerfile: undefined };
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const offsetOf = (p: { line: number; character: number }): number => (lineStarts[p.line] ?? text.length) + p.character;
  const ranges = new Map<string, Range>();
  const scriptMaps = new Map<string, number[]>();
  const key = (path: YamlPath): string => path.join("\u0000");

  const ast = DockerfileParser.parse(text);
  const escape = ast.getEscapeCharacter();
  const directives: Directive[] = ast.getDirectives().map((d) => ({ name: d.getName().toLowerCase(), value: d.getValue(), line: d.getRange().start.line + 1 }));
  const comments: Comment[] = ast.getComments().map((c) => ({ text: c.getContent(), line: c.getRange().start.line + 1 }));

  const instructions: Instruction[] = [];
  const build = (node: AstInstruction, index: number, path: YamlPath, stage: number | undefined): Instruction => {
    const range = node.getRange();
    ranges.set(key(path), range);
    const keyword = node.getKeyword().toUpperCase();
    const argsRange = node.getArgumentsRange();
    const rawArgs = argsRange ? text.slice(offsetOf(argsRange.start), offsetOf(argsRange.end)) : "";
    const words: DockerWord[] = [];
    node.getArguments().forEach((a, i) => {
      const p = [...path, "word", i];
      ranges.set(key(p), a.getRange());
      words.push({ value: a.getValue(), path: p });
    });
    const flags: DockerFlag[] = [];
    const withFlags = node as unknown as { getFlags?: () => { getName(): string; getValue(): string | null; getRange(): Range }[] };
    if (typeof withFlags.getFlags === "function") {
      withFlags.getFlags().forEach((f, i) => {
        const p = [...path, "flag", i];
        ranges.set(key(p), f.getRange());
        flags.push({ name: f.getName().toLowerCase(), value: f.getValue() ?? undefined, path: p });
      });
    }
    // dockerfile-ast counts flags of FROM/COPY/... as arguments when they are not recognised; drop them from words.
    const flagWords = words.filter((w) => !w.value.startsWith("--"));
    const properties: KeyValue[] = [];
    const withProps = node as unknown as { getProperties?: () => { getName(): string; getValue(): string | null; getNameRange(): Range; getValueRange(): Range | null }[] };
    if ((keyword === "ENV" || keyword === "ARG" || keyword === "LABEL") && typeof withProps.getProperties === "function") {
      withProps.getProperties().forEach((pr, i) => {
        const p = [...path, "property", i];
        ranges.set(key(p), pr.getNameRange());
        const vr = pr.getValueRange();
        if (vr) ranges.set(key([...p, "value"]), vr);
        properties.push({ name: pr.getName(), value: pr.getValue() ?? undefined, path: p });
      });
    }
    let form: Instruction["form"];
    let exec: string[] | undefined;
    if (keyword === "RUN" || keyword === "CMD" || keyword === "ENTRYPOINT" || keyword === "SHELL" || keyword === "HEALTHCHECK") {
      const j = node as unknown as { getOpeningBracket?: () => unknown; getJSONStrings?: () => { getValue(): string }[] };
      let jsonNode: typeof j = j;
      if (keyword === "HEALTHCHECK") jsonNode = {};
      const execParsed = execForm(keyword === "HEALTHCHECK" ? healthcheckCommand(rawArgs) : stripRunFlags(rawArgs, keyword));
      if (execParsed) {
        form = "exec";
        exec = execParsed;
      } else if (typeof jsonNode.getOpeningBracket === "function" && jsonNode.getOpeningBracket() !== null && typeof jsonNode.getJSONStrings === "function") {
        form = "exec";
        exec = jsonNode.getJSONStrings().map((s) => safeJsonString(s.getValue()));
      } else {
        form = "shell";
      }
    }
    const heredocs: Heredoc[] = [];
    const withHeredocs = node as unknown as { getHeredocs?: () => { getName(): string; getContentRange(): Range | null; getNameRange(): Range }[] };
    if (typeof withHeredocs.getHeredocs === "function") {
      withHeredocs.getHeredocs().forEach((h, i) => {
        const p = [...path, "heredoc", i];
        const cr = h.getContentRange();
        ranges.set(key(p), cr ?? h.getNameRange());
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
      words: keyword === "RUN" || keyword === "CMD" || keyword === "ENTRYPOINT" ? words : flagWords,
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
      const baseResolved = substituteArgs(base, globalArgs);
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
    if (ins.form !== "shell") return;
    if (ins.keyword !== "RUN" && ins.keyword !== "CMD" && ins.keyword !== "ENTRYPOINT" && ins.keyword !== "HEALTHCHECK") return;
    const start = (ins as Instruction & { argsStart?: number }).argsStart;
    if (start === undefined) return;
    const range = ranges.get(key(ins.path))!;
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
    const script = shell.parse(joined.text, [...ins.path, "shell"]);
    scriptMaps.set(key([...ins.path, "shell"]), joined.map);
    const parts: ShellScript[] = [script];
    if (ins.keyword === "RUN") {
      const bodyRunsInShell = heredocBodiesAreScripts(script);
      ins.heredocs.forEach((h, i) => {
        if (!bodyRunsInShell) return;
        const hr = ranges.get(key(h.path))!;
        const hs = offsetOf(hr.start);
        const body = shell.parse(h.content, [...ins.path, "heredoc", i, "shell"]);
        scriptMaps.set(key([...ins.path, "heredoc", i, "shell"]), Array.from({ length: h.content.length + 1 }, (_, k) => hs + k));
        parts.push(body);
      });
    }
    ins.shell = parts.length === 1 ? script : { commands: parts.flatMap((p) => p.commands), hasErrors: parts.some((p) => p.hasErrors), text: parts.map((p) => p.text).join("\n") };
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
          const a = position(lineStarts, map[Math.min(s, map.length - 1)] ?? 0);
          const b = position(lineStarts, (map[Math.max(s, Math.min(e, map.length) - 1)] ?? 0) + 1);
          return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, exact: true };
        }
      }
      for (let n = p.length; n > 0; n--) {
        const r = ranges.get(key(p.slice(0, n)));
        if (r) return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1, exact: n === p.length };
      }
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

/**
 * Joins continuation lines as BuildKit does: the escape character at the end of a line (trailing blanks allowed)
 * removes itself and the newline; inside a continuation, comment lines and empty lines are dropped. `map[i]` is the
 * file offset of the joined text's character i.
 */
export function joinContinuations(raw: string, escape: string, base = 0): { text: string; map: number[] } {
  const lines = raw.split("\n");
  let text = "";
  const map: number[] = [];
  let offset = base;
  let continuing = false;
  for (let li = 0; li < lines.length; li++) {
    let line = lines[li]!;
    const lineOffset = offset;
    offset += line.length + 1;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (continuing && (/^\s*#/.test(line) || line.trim() === "")) continue;
    const m = new RegExp(`${escape === "`" ? "`" : "\\\\"}[ \\t]*$`).exec(line);
    const body = m ? line.slice(0, m.index) : line;
    for (let i = 0; i < body.length; i++) {
      text += body[i];
      map.push(lineOffset + i);
    }
    continuing = m !== null;
    if (!continuing && li < lines.length - 1) {
      text += "\n";
      map.push(lineOffset + line.length);
    }
  }
  map.push(offset);
  return { text, map };
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

function safeJsonString(s: string): string {
  try {
    const v: unknown = JSON.parse(s);
    return typeof v === "string" ? v : s;
  } catch {
    return s.replace(/^"|"$/g, "");
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

/** Replaces $VAR and ${VAR} (with :- defaults) from the global ARGs; undefined when one is unknown. */
export function substituteArgs(s: string, args: readonly KeyValue[]): string | undefined {
  const vars = new Map<string, string | undefined>();
  for (const a of args) vars.set(a.name, a.value);
  let unknown = false;
  const out = s.replace(/\$\{([A-Za-z_]\w*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_]\w*)/g, (_, a: string | undefined, op: string | undefined, word: string | undefined, b: string | undefined) => {
    const v = vars.get((a ?? b)!);
    if (op === "+") return v ? (word ?? "") : "";
    if (v !== undefined && v !== "") return v;
    if (op === "-") return word ?? "";
    unknown = true;
    return "";
  });
  return unknown ? undefined : out;
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
