// Shared by the docker-user rules: which user a stage runs as (following FROM <earlier stage> chains, with ARG/ENV
// defaults substituted), and the shell commands of a stage including ONBUILD RUN triggers.
import { parseImage } from "../../model/image.js";
import { type Dockerfile, type Instruction, SHELLS, type ShellCommand, type ShellWord, type Stage, effectiveCommand, programName } from "../../model/dockerfile.js";

/** The stages a stage builds on through `FROM <alias>`, oldest first, ending with the stage itself. */
export function stageChain(dockerfile: Dockerfile, stage: Stage): Stage[] {
  const chain = [stage];
  let s = stage;
  while (s.baseStage !== undefined && s.baseStage < s.index && chain.length <= dockerfile.stages.length) {
    s = dockerfile.stages[s.baseStage]!;
    chain.unshift(s);
  }
  return chain;
}

/** Variables in scope: a name maps to its value, or to undefined when it is declared but its value is unknown. */
export type Vars = Map<string, string | undefined>;

/**
 * Expands `$VAR`, `${VAR}`, `${VAR:-word}` and `${VAR:+word}` as the Dockerfile does; undefined when a variable it
 * needs is unknown (declared without a default, or not declared here: it may come from the base image or a build arg).
 */
export function expandVars(s: string, vars: Vars): string | undefined {
  let unknown = false;
  const out = s.replace(/\$\{([A-Za-z_]\w*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_]\w*)/g, (_m, a: string | undefined, op: string | undefined, word: string | undefined, b: string | undefined) => {
    const name = (a ?? b)!;
    const known = vars.has(name) && vars.get(name) !== undefined;
    const v = vars.get(name);
    if (op === "+") {
      if (!known) unknown = true;
      return v ? (word ?? "") : "";
    }
    if (known && v !== "") return v!;
    if (op === "-") return word ?? "";
    if (known) return "";
    unknown = true;
    return "";
  });
  return unknown ? undefined : out;
}

export interface UserSetting {
  /** The USER instruction in force. */
  instruction: Instruction;
  /** The stage holding it (the stage itself or one it builds on). */
  stage: Stage;
  /** The argument as written (`${APP_USER}:app`). */
  written: string;
  /** The user part (before `:`) with known variables substituted; undefined when a variable is unknown. */
  user: string | undefined;
}

/**
 * The variables in scope at each instruction of a stage (keyed by instruction index), following the stages it builds
 * on: ENV is inherited from the stage built on, ARG is not (a stage's `ARG NAME` takes the global default); ENV wins
 * over an ARG of the same name. Values are the defaults written in the Dockerfile, expanded.
 */
export function scopes(dockerfile: Dockerfile, stage: Stage): Map<number, Vars> {
  const globals = new Map<string, string | undefined>();
  for (const a of dockerfile.globalArgs) globals.set(a.name, a.value);
  const env: Vars = new Map();
  const out = new Map<number, Vars>();
  for (const s of stageChain(dockerfile, stage)) {
    const args: Vars = new Map();
    const scope = (): Vars => new Map([...args, ...env]);
    for (const ins of s.instructions) {
      out.set(ins.index, scope());
      if (ins.keyword === "ARG") {
        for (const p of ins.properties) {
          const def = p.value !== undefined ? expandVars(p.value, scope()) : globals.has(p.name) ? expandVars(globals.get(p.name) ?? "", globals) : undefined;
          args.set(p.name, def);
        }
      } else if (ins.keyword === "ENV") {
        const before = scope();
        for (const p of ins.properties) env.set(p.name, p.value === undefined ? undefined : expandVars(p.value, before));
      }
    }
  }
  return out;
}

/**
 * The USER in force at the end of a stage: its last USER, else the last USER of the stage it builds on, and so on.
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
      const expanded = expandVars(written, scopes(dockerfile, stage).get(ins.index) ?? new Map());
      return { instruction: ins, stage: s, written, user: expanded === undefined ? undefined : expanded.split(":")[0]!.trim() };
    }
  }
  return undefined;
}

export function isRootUser(user: string): boolean {
  return user === "root" || /^0+$/.test(user);
}

/**
 * Is a base image known to default to a non-root user? By name: distroless `:nonroot`/`:debug-nonroot`,
 * `nginx-unprivileged`, `dind-rootless`; and Chainguard images (cgr.dev), which run as the `nonroot` user (65532)
 * except their `-dev` variants, which are still judged.
 */
export function baseDefaultsToNonRoot(image: string): boolean {
  const ref = parseImage(image);
  const last = ref.repository.slice(ref.repository.lastIndexOf("/") + 1);
  if (/non-?root|unprivileged|rootless/i.test(`${last}:${ref.tag ?? ""}`)) return true;
  return ref.registry.toLowerCase() === "cgr.dev" && !/dev/i.test(ref.tag ?? "");
}

/** Every simple command of the stage's RUN instructions, including ONBUILD RUN triggers. */
export function* stageCommands(stage: Stage): Generator<{ instruction: Instruction; command: ShellCommand }> {
  for (const instruction of stage.instructions) {
    const run = instruction.keyword === "ONBUILD" ? instruction.trigger : instruction;
    if (!run || run.keyword !== "RUN" || !run.shell) continue;
    for (const command of run.shell.commands) yield { instruction: run, command };
  }
}

/** RUN instructions in exec form (`RUN ["sudo", "..."]`), including ONBUILD triggers: the instruction and its argv. */
export function* execRuns(stage: Stage): Generator<{ instruction: Instruction; argv: string[] }> {
  for (const instruction of stage.instructions) {
    const run = instruction.keyword === "ONBUILD" ? instruction.trigger : instruction;
    if (!run || run.keyword !== "RUN" || run.form !== "exec" || !run.exec) continue;
    yield { instruction: run, argv: run.exec };
  }
}

/** Basename of an exec-form program (`/usr/bin/sudo` → `sudo`). */
export function execProgram(argv: readonly string[]): string | undefined {
  const p = argv[0];
  if (p === undefined) return undefined;
  return p.slice(p.lastIndexOf("/") + 1);
}

/** The word of a command that names a given wrapper or program (`sudo` in `env A=1 sudo -E make`), if any. */
export function commandWordNamed(command: ShellCommand, name: string): ShellWord | undefined {
  const words = command.name ? [command.name, ...command.args] : [];
  const e = effectiveCommand(command);
  const end = e.word ? words.indexOf(e.word) : words.length;
  for (let i = 0; i < (end < 0 ? words.length : end + 1); i++) {
    if (programName(words[i]!) === name) return words[i];
  }
  return undefined;
}

/**
 * For `sh -c '<script>'` (and bash/dash/...): the script string, which the model keeps as one word. Returns the word
 * and the program names that start its simple commands, read with a light tokenizer (split at ; & | newline and
 * parentheses, leading VAR=value assignments skipped); quoting inside the script is not interpreted.
 */
export function shellCStrings(command: ShellCommand): { word: ShellWord; programs: string[] } | undefined {
  const e = effectiveCommand(command);
  if (!e.program || !SHELLS.has(e.program)) return undefined;
  const at = e.args.findIndex((a) => /^-[A-Za-z]*c[A-Za-z]*$/.test(a.text));
  const word = at >= 0 ? e.args[at + 1] : undefined;
  if (!word) return undefined;
  const programs: string[] = [];
  for (const part of word.text.split(/[;&|\n()]+|\$\(|`/)) {
    const tokens = part.trim().split(/\s+/).filter((t) => t !== "");
    let i = 0;
    while (i < tokens.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(tokens[i]!)) i++;
    const t = tokens[i];
    if (t !== undefined) programs.push(t.replace(/^["']+|["']+$/g, "").replace(/^.*\//, ""));
  }
  return { word, programs };
}
