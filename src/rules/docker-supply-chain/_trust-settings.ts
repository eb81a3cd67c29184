// Shared by docker-tls-verification-disabled, docker-unsigned-packages and docker-add-instead-of-copy: variables a
// stage sets (ENV, ARG defaults, assignments and exports in RUN), text written into tool configuration files
// (echo/printf redirected into a file, `… | tee file`, COPY/ADD heredocs), and option and value helpers. Nothing here
// reads files.
import type { DockerfileView, KeyValue, ShellCommand, ShellWord, Stage } from "../../model/dockerfile.js";
import { effectiveCommand, programName } from "../../model/dockerfile.js";
import { copyOperands, stageCommands, stageInstructions } from "../../model/dockerfile-queries.js";
import type { YamlPath } from "../../model/types.js";

/** A variable set for the commands of a stage. `value` undefined: set, but to something known only at build time. */
export interface VariableSetting {
  name: string;
  value: string | undefined;
  /** How it was set, for messages: "ENV", "ARG", "RUN". */
  via: "ENV" | "ARG" | "RUN";
  path: YamlPath;
}

/**
 * Variables the stage sets: ENV properties, ARG properties with a default (an ARG without a default inherits the
 * global ARG's default), and in RUN: `NAME=value cmd`, bare `NAME=value`, `export/declare NAME=value`,
 * `env NAME=value cmd`. ARGs without any default are left out: they are only set when the build passes them.
 */
export function* variableSettings(view: DockerfileView): Generator<VariableSetting> {
  const { dockerfile, stage } = view;
  const globals = new Map<string, KeyValue>();
  for (const g of dockerfile.globalArgs) globals.set(g.name, g);
  for (const ins of stageInstructions(stage)) {
    if (ins.keyword === "ENV") {
      for (const p of ins.properties) yield { name: p.name, value: p.value ?? "", via: "ENV", path: p.path };
    } else if (ins.keyword === "ARG") {
      for (const p of ins.properties) {
        const value = p.value ?? globals.get(p.name)?.value;
        if (value !== undefined) yield { name: p.name, value, via: "ARG", path: p.path };
      }
    } else if (ins.keyword === "RUN" && ins.shell) {
      for (const command of ins.shell.commands) {
        for (const a of command.assignments) {
          if (a.value === undefined && command.name && ["export", "declare", "typeset", "readonly", "local"].includes(command.name.text)) continue;
          yield { name: a.name, value: a.value === undefined ? "" : a.value.value, via: "RUN", path: a.value?.path ?? command.path };
        }
        for (const w of envWrapperAssignments(command)) yield w;
      }
    }
  }
}

/** `env A=1 B=2 cmd`: the assignments env makes (they are its arguments, not shell assignments). */
function* envWrapperAssignments(command: ShellCommand): Generator<VariableSetting> {
  const words = command.name ? [command.name, ...command.args] : [];
  let i = 0;
  // Walk through wrappers (sudo env …) until the first env, then its NAME=value arguments.
  while (i < words.length && programName(words[i]!) !== "env") {
    const n = programName(words[i]!);
    if (n !== "sudo" && n !== "doas" && n !== "nice" && n !== "nohup" && n !== "exec" && n !== "command") return;
    i++;
    while (i < words.length && words[i]!.text.startsWith("-")) i++;
  }
  for (i++; i < words.length; i++) {
    const w = words[i]!;
    if (w.text.startsWith("-")) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w.text);
    if (!m) return;
    yield { name: m[1]!, value: w.value === undefined ? undefined : w.value.slice(m[1]!.length + 1), via: "RUN", path: w.path };
  }
}

/** Text written into a file by a command or instruction, for checking tool configuration files. */
export interface ConfigWrite {
  /** The file written, as written (`/etc/yum.repos.d/x.repo`, `~/.curlrc`). */
  file: string;
  text: string;
  path: YamlPath;
}

/**
 * Text written into files: `echo …`/`printf …` with `>`/`>>` into a file, `echo … | [sudo] tee [-a] file`, and
 * COPY/ADD heredocs (`COPY <<EOF /etc/pip.conf`).
 */
export function* configWrites(stage: Stage): Generator<ConfigWrite> {
  for (const { command } of stageCommands(stage)) {
    const e = effectiveCommand(command);
    if (e.program === "echo" || e.program === "printf") {
      for (const r of command.redirects) {
        if ((r.operator === ">" || r.operator === ">>" || r.operator === ">|") && r.target) yield { file: r.target.text, text: echoedText(e.args), path: e.args[0]?.path ?? command.path };
      }
    }
    // `echo … | [sudo] tee [-a] file`
    if (e.program !== "tee" || !command.pipeline || command.pipeline.index === 0) continue;
    const before = command.pipeline.of[command.pipeline.index - 1];
    const prev = before ? effectiveCommand(before) : undefined;
    if (!prev || (prev.program !== "echo" && prev.program !== "printf")) continue;
    for (const f of e.args.filter((a) => !a.text.startsWith("-"))) yield { file: f.text, text: echoedText(prev.args), path: prev.args[0]?.path ?? prev.command.path };
  }
  for (const ins of stageInstructions(stage)) {
    if ((ins.keyword !== "COPY" && ins.keyword !== "ADD") || ins.heredocs.length === 0) continue;
    const { destination } = copyOperands(ins);
    if (!destination) continue;
    for (const h of ins.heredocs) yield { file: destination.value, text: h.content, path: h.path };
  }
}

/** The text echo/printf writes, as written: the arguments without echo's -n/-e/-E options. */
function echoedText(args: readonly ShellWord[]): string {
  return args.filter((a) => !/^-[neE]+$/.test(a.text)).map((a) => a.text).join(" ");
}

/** The basename of a path or URL path (`/a/b/` → `b`). */
export function baseName(p: string): string {
  const t = p.replace(/[?#].*$/, "").replace(/\/+$/, "");
  const slash = t.lastIndexOf("/");
  return slash >= 0 ? t.slice(slash + 1) : t;
}

/** A value that switches a boolean setting off: 0, false, no, off (any case). */
export function isOff(value: string | undefined): boolean {
  return value !== undefined && /^(0|false|no|off)$/i.test(value.trim());
}

/** A value that switches a boolean setting on: 1, true, yes, on (any case). */
export function isOn(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

/**
 * Values of an option that takes a value, in every spelling: `--setopt=v`, `--setopt v`, `-o v`, `-ov`. Returns the
 * value and the word to report.
 */
export function optionValues(args: readonly ShellWord[], long: string[], short: string[] = []): { value: string; word: ShellWord }[] {
  const out: { value: string; word: ShellWord }[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const t = a.text;
    if (t === "--") break;
    for (const o of [...long, ...short]) {
      if (t === o && args[i + 1]) out.push({ value: args[i + 1]!.text, word: args[i + 1]! });
      else if (o.startsWith("--") && t.startsWith(`${o}=`)) out.push({ value: t.slice(o.length + 1), word: a });
      else if (!o.startsWith("--") && o.length === 2 && t.startsWith(o) && t.length > 2 && !t.startsWith("--")) out.push({ value: t.slice(2), word: a });
    }
  }
  return out;
}

/**
 * Collects reports and hands them on in instruction order (a rule that checks variables, commands and files in
 * separate passes would otherwise report out of source order). Order inside one instruction is kept.
 */
export function sourceOrder<R extends { path: YamlPath }>(report: (r: R) => void): { add(r: R): void; flush(): void } {
  const buffered: R[] = [];
  const at = (p: YamlPath): number => (p[0] === "instructions" && typeof p[1] === "number" ? p[1] : Number.MAX_SAFE_INTEGER);
  return {
    add: (r) => void buffered.push(r),
    flush() {
      buffered
        .map((r, i) => ({ r, i }))
        .sort((a, b) => at(a.r.path) - at(b.r.path) || a.i - b.i)
        .forEach(({ r }) => report(r));
    },
  };
}
