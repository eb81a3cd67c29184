// Shared by the WORKDIR / COPY hygiene rules: the operands of COPY and ADD as Docker reads them (the model gives
// whitespace-split words, which include heredoc bodies and split JSON arrays), path classification, and a small
// resolver for variables set by earlier ENV/ARG instructions of a stage.
import type { Dockerfile, Instruction, Stage } from "../../model/dockerfile.js";
import type { YamlPath } from "../../model/types.js";

export interface CopyOperand {
  /** The operand with surrounding quotes removed; variables left as written. */
  value: string;
  /** A heredoc source (`<<EOF`). */
  heredoc: boolean;
  path: YamlPath;
}

export interface CopyOperands {
  sources: CopyOperand[];
  dest: CopyOperand | undefined;
  /** Written as a JSON array. */
  json: boolean;
}

/** Removes one pair of matching surrounding quotes. */
export function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t;
}

/** Sources and destination of COPY or ADD (flags excluded). */
export function copyOperands(ins: Instruction): CopyOperands {
  // Depending on the parser, `args` may start with the instruction's flags (`--from=x --chown=1:1`): skip them.
  const trimmed = ins.args.trim().replace(/^(--[A-Za-z-]+(=("[^"]*"|'[^']*'|\S)*)?\s+)*/, "");
  if (trimmed.startsWith("[") && ins.heredocs.length === 0) {
    try {
      const v: unknown = JSON.parse(trimmed);
      if (Array.isArray(v) && v.every((x) => typeof x === "string")) {
        const ops = (v as string[]).map((value) => ({ value, heredoc: false, path: ins.path }));
        return { sources: ops.slice(0, -1), dest: ops[ops.length - 1], json: true };
      }
    } catch {
      // not JSON: read as shell form below
    }
  }
  // With heredocs, only the first line holds operands (the bodies follow); words start with that line's tokens.
  const firstLine = ins.heredocs.length > 0 ? (ins.args.split("\n")[0] ?? "") : ins.args;
  const tokens = firstLine.split(/\s+/).filter((t) => t !== "" && !t.startsWith("--"));
  const ops: CopyOperand[] = tokens.map((t, i) => {
    const word = ins.words[i];
    const aligned = word !== undefined && (word.value === t || unquote(word.value) === unquote(t));
    return { value: unquote(t), heredoc: /^<<-?/.test(t), path: aligned ? word.path : ins.path };
  });
  return { sources: ops.slice(0, -1), dest: ops[ops.length - 1], json: false };
}

/** `/x`, `\x`, `C:\x`, `c:/x`: absolute on Linux or Windows. */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith("/") || p.startsWith("\\") || /^[A-Za-z]:([\\/]|$)/.test(p);
}

/** Starts with a variable (`$HOME/app`, `${DIR}`): its value is only known at build time. */
export function startsWithVariable(p: string): boolean {
  return p.startsWith("$");
}

/** Ends with a variable reference (`/app/$NAME`, `${DEST}`): whether it ends with a slash is not known. */
export function endsWithVariable(p: string): boolean {
  return /\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)$/.test(p);
}

/** Docker treats the destination as a directory: a trailing slash (or backslash), or `.` / `..`. */
export function isDirectoryPath(p: string): boolean {
  return /[\\/]$/.test(p) || /(^|[\\/])\.\.?$/.test(p);
}

/** Normalises a POSIX path: joins it to `cwd` when relative, resolves `.` and `..`, drops duplicate slashes. */
export function normalizePosix(p: string, cwd = "/"): string {
  const full = p.startsWith("/") ? p : `${cwd.replace(/\/+$/, "")}/${p}`;
  const out: string[] = [];
  for (const part of full.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return `/${out.join("/")}`;
}

type Vars = Map<string, string | undefined>;

/** Replaces `$X`, `${X}`, `${X:-d}`, `${X:+d}`; undefined when a variable's value is not known. */
export function expandVars(s: string, vars: Vars): string | undefined {
  let unknown = false;
  const out = s.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a: string | undefined, op: string | undefined, word: string | undefined, b: string | undefined) => {
    const name = (a ?? b)!;
    const v = vars.get(name);
    const known = vars.has(name) && v !== undefined;
    if (op === "+") {
      if (!known && vars.has(name)) unknown = true;
      return known && v !== "" ? (word ?? "") : "";
    }
    if (known && v !== "") return v;
    if (op === "-") return word ?? "";
    unknown = true;
    return "";
  });
  return unknown ? undefined : out;
}

/**
 * Variables visible to an instruction of a stage: ENV of the stage and of the stages it builds on, ARGs of the
 * stage (their defaults; a build argument can override them), global ARG defaults redeclared in the stage.
 */
export function variablesBefore(dockerfile: Dockerfile, stage: Stage, before: Instruction): Vars {
  const chain: Stage[] = [];
  const seen = new Set<number>();
  for (let s: Stage | undefined = stage; s && !seen.has(s.index); s = s.baseStage !== undefined ? dockerfile.stages[s.baseStage] : undefined) {
    seen.add(s.index);
    chain.unshift(s);
  }
  const globals = new Map(dockerfile.globalArgs.map((a) => [a.name, a.value]));
  const vars: Vars = new Map();
  for (const s of chain) {
    // ARG values stay in their stage; ENV values carry into the stages built on it.
    const argOnly = new Set<string>();
    for (const ins of s.instructions) {
      if (ins === before) return vars;
      if (ins.keyword === "ENV") {
        for (const p of ins.properties) {
          vars.set(p.name, p.value === undefined ? undefined : expandVars(p.value, vars));
          argOnly.delete(p.name);
        }
      } else if (ins.keyword === "ARG") {
        for (const p of ins.properties) {
          if (vars.get(p.name) !== undefined && !argOnly.has(p.name)) continue; // an ENV of the same name wins
          const v = p.value ?? globals.get(p.name);
          vars.set(p.name, v === undefined ? undefined : expandVars(v, vars));
          argOnly.add(p.name);
        }
      }
    }
    for (const name of argOnly) vars.delete(name);
  }
  return vars;
}

export type CopySource =
  | { kind: "stage"; index: number }
  | { kind: "image"; ref: string }
  | { kind: "unknown" }
  | { kind: "undefined"; name: string };

/**
 * What `COPY --from=<value>` names: a stage of the file (alias, case-insensitive, anywhere in the file as BuildKit
 * allows; or a stage index), an image reference (holds `/`, `:` or `@`), a value only known at build time
 * (a variable without a default), or a name that is none of these.
 */
export function copySource(dockerfile: Dockerfile, value: string): CopySource {
  let v = unquote(value);
  if (v.includes("$")) {
    const expanded = expandVars(v, new Map(dockerfile.globalArgs.map((a) => [a.name, a.value])));
    if (expanded === undefined || expanded === "") return { kind: "unknown" };
    v = expanded;
  }
  const byAlias = dockerfile.stages.find((s) => s.alias !== undefined && s.alias.toLowerCase() === v.toLowerCase());
  if (byAlias) return { kind: "stage", index: byAlias.index };
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return n < dockerfile.stages.length ? { kind: "stage", index: n } : { kind: "undefined", name: v };
  }
  if (/[/:@]/.test(v)) return { kind: "image", ref: v };
  return { kind: "undefined", name: v };
}

/** The stage's base chain ends in `FROM scratch`: it holds only what the Dockerfile put there. */
export function builtFromScratch(dockerfile: Dockerfile, index: number): boolean {
  const seen = new Set<number>();
  for (let s: Stage | undefined = dockerfile.stages[index]; s && !seen.has(s.index); s = s.baseStage !== undefined ? dockerfile.stages[s.baseStage] : undefined) {
    seen.add(s.index);
    if (s.baseStage === undefined) return (s.baseResolved ?? s.base).toLowerCase() === "scratch";
  }
  return false;
}
