// Questions about a Dockerfile that several rules ask: the chain of stages an image is built from, the build variables
// (ARG/ENV) in scope at an instruction and their expansion, the instructions and shell commands a stage runs (ONBUILD
// triggers included), the operands of COPY/ADD, and which user an image runs as. Built on the model of
// src/model/dockerfile.ts; nothing here reads files or computes line numbers.
import { type Dockerfile, type Instruction, type ShellCommand, type Stage } from "./dockerfile.js";
import { parseImage } from "./image.js";
import type { YamlPath } from "./types.js";

// ---------------------------------------------------------------------------------------------------------------
// Stages

/**
 * The stages a stage is built from through `FROM <earlier stage>`, oldest first, ending with the stage itself. The
 * first element is the stage that starts from an external image (or `scratch`).
 */
export function stageChain(dockerfile: Dockerfile, stage: Stage): Stage[] {
  const chain = [stage];
  let s = stage;
  while (s.baseStage !== undefined && s.baseStage < s.index && chain.length <= dockerfile.stages.length) {
    s = dockerfile.stages[s.baseStage]!;
    chain.unshift(s);
  }
  return chain;
}

/** The image at the root of a stage's chain, with the global ARG defaults substituted when they are known. */
export function rootImage(dockerfile: Dockerfile, stage: Stage): string {
  const root = stageChain(dockerfile, stage)[0]!;
  return root.baseResolved ?? root.base;
}

// ---------------------------------------------------------------------------------------------------------------
// Build variables

/**
 * Build variables in scope: a name maps to its value, or to undefined when it is declared but its value is only known
 * when the build runs (`ARG NAME` without a default: a build argument may set it).
 */
export type Variables = ReadonlyMap<string, string | undefined>;

/**
 * Expands `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR-word}`, `${VAR:+word}` and `${VAR+word}` as Docker does. A variable
 * whose value is not known (declared without a value, or not declared in the Dockerfile: the base image or the build
 * may set it) counts as unset in the `-`/`+` forms; written alone it makes the result unknown: undefined.
 */
export function expandVariables(text: string, vars: Variables): string | undefined {
  let unknown = false;
  const out = text.replace(
    /\$\{([A-Za-z_]\w*)(?:(:?)([-+])([^}]*))?\}|\$([A-Za-z_]\w*)/g,
    (_m, braced: string | undefined, colon: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      const value = vars.get((braced ?? bare)!);
      const set = colon ? value !== undefined && value !== "" : value !== undefined;
      if (op === "-") return set ? value! : (word ?? "");
      if (op === "+") return set ? (word ?? "") : "";
      if (value === undefined) unknown = true;
      return value ?? "";
    },
  );
  return unknown ? undefined : out;
}

/** The global ARGs (those before the first FROM) as FROM lines see them: each default expanded with those before it. */
export function globalVariables(dockerfile: Pick<Dockerfile, "globalArgs">): Map<string, string | undefined> {
  const vars = new Map<string, string | undefined>();
  for (const a of dockerfile.globalArgs) vars.set(a.name, a.value === undefined ? undefined : expandVariables(a.value, vars));
  return vars;
}

/**
 * The variables in scope before each instruction of a stage and of the stages it is built from, keyed by instruction
 * index, with Docker's rules: a global ARG is visible in a stage only after `ARG NAME` declares it again (taking the
 * global default), FROM lines see the global ARGs; an ARG of a stage is visible after it, in that stage only; ENV is
 * visible after it and in the stages built `FROM <that stage>`; ENV wins over an ARG of the same name. Defaults and
 * ENV values are expanded with the variables in scope before their instruction.
 */
export function variableScopes(dockerfile: Dockerfile, stage: Stage): Map<number, Variables> {
  const globals = globalVariables(dockerfile);
  const env = new Map<string, string | undefined>();
  const out = new Map<number, Variables>();
  for (const s of stageChain(dockerfile, stage)) {
    const args = new Map<string, string | undefined>();
    const scope = (): Map<string, string | undefined> => new Map([...args, ...env]);
    for (const ins of s.instructions) {
      out.set(ins.index, ins.keyword === "FROM" ? new Map(globals) : scope());
      if (ins.keyword === "ARG") {
        for (const p of ins.properties) args.set(p.name, p.value === undefined ? globals.get(p.name) : expandVariables(p.value, scope()));
      } else if (ins.keyword === "ENV") {
        const before = scope();
        for (const p of ins.properties) env.set(p.name, p.value === undefined ? undefined : expandVariables(p.value, before));
      }
    }
  }
  return out;
}

/**
 * The variables in scope at an instruction of the stage (or of a stage it is built from), as variableScopes has them,
 * computed up to that instruction only and without a copy per instruction (a Dockerfile of 8,000 ENV lines made
 * the copies quadratic).
 */
export function variablesAt(dockerfile: Dockerfile, stage: Stage, instruction: Instruction): Variables {
  const globals = globalVariables(dockerfile);
  const env = new Map<string, string | undefined>();
  for (const s of stageChain(dockerfile, stage)) {
    const args = new Map<string, string | undefined>();
    // ENV wins over ARG of the same name, as in `new Map([...args, ...env])`
    const view: Variables = { get: (k: string) => (env.has(k) ? env.get(k) : args.get(k)) } as Variables;
    for (const ins of s.instructions) {
      if (ins.index === instruction.index) return ins.keyword === "FROM" ? new Map(globals) : new Map([...args, ...env]);
      if (ins.keyword === "ARG") {
        for (const p of ins.properties) args.set(p.name, p.value === undefined ? globals.get(p.name) : expandVariables(p.value, view));
      } else if (ins.keyword === "ENV") {
        // the properties of one ENV see the variables as they were before it
        const values = ins.properties.map((p) => (p.value === undefined ? undefined : expandVariables(p.value, view)));
        ins.properties.forEach((p, i) => env.set(p.name, values[i]));
      }
    }
  }
  return new Map();
}

// ---------------------------------------------------------------------------------------------------------------
// What a stage runs

/** The stage's instructions, with the instruction an ONBUILD triggers standing in for the ONBUILD. */
export function stageInstructions(stage: Stage): Instruction[] {
  return stage.instructions.map((i) => (i.keyword === "ONBUILD" && i.trigger ? i.trigger : i));
}

/** Every simple command of the stage's RUN instructions (parsed shell form), ONBUILD RUN triggers included. */
export function* stageCommands(stage: Stage): Generator<{ instruction: Instruction; command: ShellCommand }> {
  for (const instruction of stageInstructions(stage)) {
    if (instruction.keyword !== "RUN" || !instruction.shell) continue;
    for (const command of instruction.shell.commands) yield { instruction, command };
  }
}

/** RUN instructions in exec form (`RUN ["sudo", "..."]`), ONBUILD triggers included: the instruction and its argv. */
export function* execRuns(stage: Stage): Generator<{ instruction: Instruction; argv: string[] }> {
  for (const instruction of stageInstructions(stage)) {
    if (instruction.keyword !== "RUN" || instruction.form !== "exec" || !instruction.exec) continue;
    yield { instruction, argv: instruction.exec };
  }
}

/** Basename of the program of an exec form (`["/usr/bin/wget", ...]` → `wget`); undefined without one. */
export function execProgram(instruction: Instruction): string | undefined {
  const first = instruction.exec?.[0];
  return first === undefined ? undefined : first.slice(first.lastIndexOf("/") + 1);
}

/**
 * The script a shell command was parsed from: the RUN line or one of its heredoc bodies, as a key. Shell state such as
 * `set -o pipefail` lasts until the end of its script.
 */
export function scriptKey(command: ShellCommand): string {
  let key = scriptKeys.get(command);
  if (key === undefined) {
    const at = command.path.indexOf("at");
    scriptKeys.set(command, (key = command.path.slice(0, at < 0 ? command.path.length : at).join("\u0000")));
  }
  return key;
}

const scriptKeys = new WeakMap<ShellCommand, string>();

// ---------------------------------------------------------------------------------------------------------------
// COPY and ADD

export interface CopyOperand {
  /** The operand with one pair of surrounding quotes removed; variables left as written. */
  value: string;
  /** A heredoc source (`<<EOF`) rather than a file. */
  heredoc: boolean;
  /** The word in the file; the instruction for the JSON form. */
  path: YamlPath;
}

export interface CopyOperands {
  sources: CopyOperand[];
  destination: CopyOperand | undefined;
  /** Written as a JSON array. */
  json: boolean;
}

/** Removes one pair of matching surrounding quotes (after trimming). */
export function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t;
}

/** Leading `--name[=value]` flags of an instruction's arguments. */
const LEADING_FLAGS = /^(\s*--[A-Za-z-]+(=("[^"]*"|'[^']*'|\S)*)?\s+)*/;

/**
 * Sources and destination of COPY or ADD, flags excluded: the JSON form (`COPY ["a b", "/dest/"]`, an array of strings
 * only; anything else starting with `[` is read as shell form, as Docker does), the shell form (split at white space),
 * and heredocs (`COPY <<EOF /dest`: the operands are on the first line, the bodies follow).
 */
export function copyOperands(ins: Instruction): CopyOperands {
  const firstLine = ins.heredocs.length > 0 ? (ins.args.split("\n")[0] ?? "") : ins.args;
  const text = firstLine.replace(LEADING_FLAGS, "").trim();
  if (text.startsWith("[") && ins.heredocs.length === 0) {
    const json = jsonStrings(text);
    if (json) return split(json.map((value) => ({ value, heredoc: false, path: ins.path })), true);
  }
  const tokens = firstLine.split(/\s+/).filter((t) => t !== "" && !t.startsWith("--"));
  const ops = tokens.map((t, i): CopyOperand => {
    const word = ins.words[i];
    const aligned = word !== undefined && (word.value === t || unquote(word.value) === unquote(t));
    return { value: unquote(t), heredoc: /^<<-?/.test(t), path: aligned ? word.path : ins.path };
  });
  return split(ops, false);
}

/** A JSON array of strings, or undefined. */
function jsonStrings(text: string): string[] | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : undefined;
  } catch {
    return undefined;
  }
}

function split(ops: CopyOperand[], json: boolean): CopyOperands {
  return { sources: ops.slice(0, -1), destination: ops[ops.length - 1], json };
}

// ---------------------------------------------------------------------------------------------------------------
// The user an image runs as

export interface UserSetting {
  /** The USER instruction in force. */
  instruction: Instruction;
  /** The stage holding it (the stage itself or one it is built from). */
  stage: Stage;
  /** The argument as written (`${APP_USER}:app`). */
  written: string;
  /** The user part (before `:`) with the variables in scope expanded; undefined when a variable is unknown. */
  user: string | undefined;
}

/**
 * The USER in force at the end of a stage: its last USER, else the last USER of the stage it is built from, and so on.
 * undefined when no stage of the chain has a USER (the base image's user applies).
 */
export function effectiveUser(dockerfile: Dockerfile, stage: Stage): UserSetting | undefined {
  const chain = stageChain(dockerfile, stage);
  for (let c = chain.length - 1; c >= 0; c--) {
    const s = chain[c]!;
    for (let i = s.instructions.length - 1; i >= 0; i--) {
      const ins = s.instructions[i]!;
      if (ins.keyword !== "USER") continue;
      const written = (ins.words[0]?.value ?? ins.args).trim();
      if (written === "") continue;
      const expanded = expandVariables(written, variablesAt(dockerfile, stage, ins));
      return { instruction: ins, stage: s, written, user: expanded === undefined ? undefined : expanded.split(":")[0]!.trim() };
    }
  }
  return undefined;
}

/** `root`, or UID 0 (`0`, `000`). Give the user part only (`root` of `root:wheel`). */
export function isRootUser(user: string): boolean {
  return user === "root" || /^0+$/.test(user);
}

/**
 * Is a base image known to default to a non-root user? By name: distroless `:nonroot`/`:debug-nonroot`,
 * `nginx-unprivileged`, `dind-rootless`; and Chainguard images (cgr.dev), which run as the `nonroot` user (65532)
 * except their `-dev` variants.
 */
export function baseDefaultsToNonRoot(image: string): boolean {
  const ref = parseImage(image);
  const last = ref.repository.slice(ref.repository.lastIndexOf("/") + 1);
  if (/non-?root|unprivileged|rootless/i.test(`${last}:${ref.tag ?? ""}`)) return true;
  return ref.registry.toLowerCase() === "cgr.dev" && !/dev/i.test(ref.tag ?? "");
}
