// The Dockerfile model rules read: instructions, stages and the shell commands of RUN, with every node carrying the
// path that the locator turns into a line and column. Built once per file by src/loaders/dockerfile.ts (dockerfile-ast
// for the instructions, tree-sitter-bash for the shell); rules never see either parser.
import { type Locator, type ObjectRef, Resource } from "./resource.js";
import type { YamlPath } from "./types.js";

/** A word of an instruction (FROM's image, a flag, a path of COPY, ...), as written. */
export interface DockerWord {
  /** The word with Dockerfile quotes and escapes removed; variables are not expanded. */
  value: string;
  path: YamlPath;
}

/** A `--name=value` flag of FROM, COPY, ADD, RUN, HEALTHCHECK. */
export interface DockerFlag {
  name: string;
  /** undefined for a flag without `=value`. */
  value: string | undefined;
  path: YamlPath;
}

export interface KeyValue {
  name: string;
  /** undefined for `ARG NAME` without a default. */
  value: string | undefined;
  path: YamlPath;
}

/** A word of a shell command. */
export interface ShellWord {
  /** The source text of the word, quotes included. */
  raw: string;
  /** The word after quote removal when it holds no expansion; undefined when its value is only known at run time. */
  value: string | undefined;
  /** The word with quotes removed and expansions left as written (`$HOME/x`); for matching flags and URLs. */
  text: string;
  /** Commands run by `$(...)`, backquotes or `<(...)` inside the word. */
  substitutions: ShellSubstitution[];
  path: YamlPath;
}

export interface ShellSubstitution {
  kind: "command" | "process";
  commands: ShellCommand[];
}

/** One simple command: `FOO=1 sudo apt-get install -y x`. */
export interface ShellCommand {
  /** The command name as written (`sudo` above); undefined for assignments without a command. */
  name: ShellWord | undefined;
  /** Arguments after the name. */
  args: ShellWord[];
  /** `NAME=value` words before the command, and the arguments of export/declare/readonly/local. */
  assignments: { name: string; value: ShellWord | undefined }[];
  /**
   * Position in a pipeline (`a | b`): the pipeline's id (unique in the process), this command's index in it, its
   * size, and its commands in order (`of`).
   */
  pipeline: { id: number; index: number; size: number; of: ShellCommand[] } | undefined;
  /** Output redirections and input sources: `> file`, `< file`, `<<EOF`. */
  redirects: { operator: string; target: ShellWord | undefined }[];
  /** Inside `$(...)`, backquotes or `<(...)`. */
  substituted: boolean;
  path: YamlPath;
}

export interface ShellScript {
  /** Every simple command, in source order, including those inside substitutions, conditionals and loops. */
  commands: ShellCommand[];
  /** The shell could not parse some of the text; commands holds what it could. */
  hasErrors: boolean;
  /** The source text given to the shell (continuation lines joined). */
  text: string;
}

export interface Heredoc {
  /** The delimiter word (`EOF`). */
  name: string;
  content: string;
  path: YamlPath;
}

export type InstructionForm = "exec" | "shell";

export interface Instruction {
  /** Index among the file's instructions. */
  index: number;
  /** Upper-case keyword: RUN, FROM, ... */
  keyword: string;
  /** The arguments as written, continuation lines joined. */
  args: string;
  /** Arguments split into words (flags excluded). */
  words: DockerWord[];
  flags: DockerFlag[];
  /** For RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK CMD: JSON (exec) form or shell form. */
  form: InstructionForm | undefined;
  /** The exec form's strings. */
  exec: string[] | undefined;
  /** ENV, ARG and LABEL: their names and values. */
  properties: KeyValue[];
  heredocs: Heredoc[];
  /** RUN (and HEALTHCHECK CMD, CMD, ENTRYPOINT) in shell form under a POSIX shell, parsed. */
  shell: ShellScript | undefined;
  /** For ONBUILD: the instruction it triggers. */
  trigger: Instruction | undefined;
  /** Index of the stage the instruction belongs to; undefined before the first FROM. */
  stage: number | undefined;
  /** 1-based line where the instruction starts (for suppression comments and messages). */
  line: number;
  path: YamlPath;
}

export interface Stage {
  index: number;
  /** The `AS name` alias (case preserved), when given. */
  alias: string | undefined;
  /** alias, or the stage's index as Docker names unnamed stages. */
  name: string;
  from: Instruction;
  /** The base image as written (`${BASE}:1.2`), or the stage it builds on. */
  base: string;
  /** The base image with the global ARG defaults substituted; undefined when a variable has no default. */
  baseResolved: string | undefined;
  /** Index of an earlier stage this one builds on (FROM <alias>). */
  baseStage: number | undefined;
  instructions: Instruction[];
  isFinal: boolean;
  /** The shell RUN uses in this stage (SHELL, else /bin/sh -c; `cmd /S /C` for Windows images). */
  shell: string[];
  /** POSIX shell: RUN commands are parsed. False for PowerShell and cmd. */
  posixShell: boolean;
}

export interface Directive {
  name: string;
  value: string;
  line: number;
}

/** `# shipshape ignore=rule-a,rule-b reason` before an instruction, or `# shipshape ignore-file=...` anywhere. */
export interface InlineIgnore {
  rules: string[];
  reason: string;
  /** Line of the comment. */
  line: number;
  /** The instruction it applies to; undefined for file-level ignores. */
  instruction: number | undefined;
  scope: "instruction" | "file";
}

export interface Comment {
  text: string;
  line: number;
}

export interface Dockerfile {
  file: string;
  instructions: Instruction[];
  /** ARG instructions before the first FROM. */
  globalArgs: KeyValue[];
  stages: Stage[];
  directives: Directive[];
  comments: Comment[];
  ignores: InlineIgnore[];
  escape: string;
  /** The image is built for Windows (escape directive, a Windows base image or a Windows shell). */
  windows: boolean;
}

/** Stage and file of a Dockerfile resource (kind "Dockerfile", one per stage). */
export interface DockerfileView {
  dockerfile: Dockerfile;
  stage: Stage;
}

/** A stage of a Dockerfile as an object of the scan: kind "Dockerfile", named after the stage. */
export class DockerfileResource extends Resource {
  constructor(
    readonly dockerfile: Dockerfile,
    readonly stage: Stage,
    locator: Locator,
  ) {
    super({ kind: "Dockerfile", metadata: { name: stage.name } }, { file: dockerfile.file, document: 0, prefix: [], locator });
  }

  override get clusterScoped(): boolean {
    return true;
  }

  /** Dockerfiles have no apiVersion: the reports name the kind and the stage. */
  override ref(): ObjectRef {
    return { kind: "Dockerfile", name: this.name };
  }
}


/** Instructions of a stage with a given keyword. */
export function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((i) => i.keyword === keyword);
}

/** Every simple command of every RUN of the stage. */
export function* runCommands(stage: Stage): Generator<{ instruction: Instruction; command: ShellCommand }> {
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== "RUN" || !instruction.shell) continue;
    for (const command of instruction.shell.commands) yield { instruction, command };
  }
}

/** Command wrappers that run their arguments as a command: `sudo apt-get`, `env A=1 pip`, `nice -n 5 make`. */
const WRAPPERS: Record<string, { flagsWithValue: Set<string> }> = {
  sudo: { flagsWithValue: new Set(["-u", "-g", "-C", "-h", "-p", "-r", "-t", "-U", "-D"]) },
  doas: { flagsWithValue: new Set(["-u", "-C"]) },
  env: { flagsWithValue: new Set(["-u", "-C", "-S"]) },
  nice: { flagsWithValue: new Set(["-n"]) },
  nohup: { flagsWithValue: new Set() },
  exec: { flagsWithValue: new Set(["-a"]) },
  time: { flagsWithValue: new Set(["-f", "-o"]) },
  command: { flagsWithValue: new Set() },
  builtin: { flagsWithValue: new Set() },
  xargs: { flagsWithValue: new Set(["-n", "-I", "-d", "-L", "-P", "-s", "-E", "-a"]) },
  "su-exec": { flagsWithValue: new Set() },
  gosu: { flagsWithValue: new Set() },
  timeout: { flagsWithValue: new Set(["-s", "-k", "--signal", "--kill-after"]) },
};

/** A command with wrappers (sudo, env, nice, ...) removed: the program that really runs and its arguments. */
export interface EffectiveCommand {
  /** Basename of the program (`/usr/bin/apt-get` → `apt-get`); undefined when only known at run time. */
  program: string | undefined;
  args: ShellWord[];
  /** The word naming the program. */
  word: ShellWord | undefined;
  /** Wrappers that were removed, outermost first. */
  wrappers: string[];
  command: ShellCommand;
}

/** Computed once per command and shared by every rule (commands are immutable once loaded). */
const effectiveCache = new WeakMap<ShellCommand, EffectiveCommand>();

export function effectiveCommand(command: ShellCommand): EffectiveCommand {
  let e = effectiveCache.get(command);
  if (!e) effectiveCache.set(command, (e = computeEffective(command)));
  return e;
}

function computeEffective(command: ShellCommand): EffectiveCommand {
  let words = command.name ? [command.name, ...command.args] : [];
  const wrappers: string[] = [];
  for (let guard = 0; guard < 8 && words.length > 0; guard++) {
    const name = programName(words[0]!);
    const wrapper = name === undefined ? undefined : WRAPPERS[name];
    if (!wrapper) break;
    wrappers.push(name!);
    let i = 1;
    while (i < words.length) {
      const t = words[i]!.text;
      if (name === "env" && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) {
        i++;
        continue;
      }
      if (name === "timeout" && i === 1 && !t.startsWith("-")) {
        i++; // the duration
        break;
      }
      if (!t.startsWith("-") || t === "-") break;
      if (t === "--") {
        i++;
        break;
      }
      i += wrapper.flagsWithValue.has(t) ? 2 : 1;
    }
    if (name === "su-exec" || name === "gosu") i++; // the user
    words = words.slice(i);
  }
  const word = words[0];
  return { program: word ? programName(word) : undefined, args: words.slice(1), word, wrappers, command };
}

/** The basename of a command word, when it is known before run time. */
export function programName(word: ShellWord): string | undefined {
  if (word.value === undefined) return undefined;
  const v = word.value;
  const slash = v.lastIndexOf("/");
  return slash >= 0 ? v.slice(slash + 1) : v;
}

/** Shells that run a script they read from standard input or from a file argument. */
export const SHELLS = new Set(["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox", "fish"]);

/** Does the argument list hold this option? Handles `-y`, combined short options (`-fsSL` has `-k`? no) and `--opt=value`. */
export function hasOption(args: readonly ShellWord[], ...options: string[]): boolean {
  return findOption(args, ...options) !== undefined;
}

/**
 * The argument that sets one of the options: long options match `--name` and `--name=...`; single-letter short
 * options also match inside combined groups (`-fsSLk` holds `-k`) when `combine` is true (the default).
 */
export function findOption(args: readonly ShellWord[], ...options: string[]): ShellWord | undefined {
  for (const a of args) {
    const t = a.text;
    if (t === "--") return undefined;
    for (const o of options) {
      if (t === o) return a;
      if (o.startsWith("--") && t.startsWith(`${o}=`)) return a;
      if (/^-[A-Za-z0-9]$/.test(o) && /^-[A-Za-z0-9]{2,}$/.test(t) && t.includes(o[1]!)) return a;
    }
  }
  return undefined;
}

/**
 * The argument that is one of the options exactly, or, for a long option, `--name=...`; unlike findOption, short
 * options are not looked for inside combined groups. Stops at `--`.
 */
export function findExactOption(args: readonly ShellWord[], ...options: string[]): ShellWord | undefined {
  for (const a of args) {
    const t = a.text;
    if (t === "--") return undefined;
    if (options.some((o) => t === o || (o.startsWith("--") && t.startsWith(`${o}=`)))) return a;
  }
  return undefined;
}

/** The value of an option: `--opt value`, `--opt=value`, `-o value`, `-ovalue`. */
export function optionValue(args: readonly ShellWord[], ...options: string[]): ShellWord | { text: string; value: string | undefined; path: YamlPath } | undefined {
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!.text;
    for (const o of options) {
      if (t === o) return args[i + 1];
      if (o.startsWith("--") && t.startsWith(`${o}=`)) {
        const v = t.slice(o.length + 1);
        return { text: v, value: v, path: args[i]!.path };
      }
      if (/^-[A-Za-z]$/.test(o) && t.startsWith(o) && t.length > 2 && !t.startsWith("--")) {
        const v = t.slice(2);
        return { text: v, value: v, path: args[i]!.path };
      }
    }
  }
  return undefined;
}

/**
 * Arguments that are neither options (starting with `-`) nor the values of `optionsWithValue`. After `--` every word
 * is an operand, unless `stopAtDashDash` (what follows belongs to someone else, as gem's build arguments).
 */
export function positionalArgs(args: readonly ShellWord[], optionsWithValue: ReadonlySet<string> = new Set(), stopAtDashDash = false): ShellWord[] {
  const out: ShellWord[] = [];
  let afterDashDash = false;
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!.text;
    if (!afterDashDash && t === "--") {
      if (stopAtDashDash) break;
      afterDashDash = true;
      continue;
    }
    if (!afterDashDash && t.startsWith("-") && t !== "-") {
      if (optionsWithValue.has(t)) i++;
      continue;
    }
    out.push(args[i]!);
  }
  return out;
}
