// Context around RUN commands that the Dockerfile model does not expose directly: the shell in effect at a given
// instruction (SHELL can change mid-stage; stage.shell is only the stage's last one), whether a command runs in a
// subshell `( ... )`, and BuildKit cache mounts of RUN. Helpers for the docker-hygiene / docker-supply-chain rules.
import type { Dockerfile, Instruction, ShellCommand, Stage } from "../../model/dockerfile.js";

/** The SHELL in effect for an instruction: the last SHELL before it in the stage, else the base stage's, else /bin/sh -c. */
export function shellAt(dockerfile: Dockerfile, stage: Stage, instruction: Instruction): string[] {
  let shell = stage.baseStage !== undefined ? dockerfile.stages[stage.baseStage]?.shell ?? ["/bin/sh", "-c"] : ["/bin/sh", "-c"];
  for (const ins of stage.instructions) {
    if (ins === instruction) break;
    if (ins.keyword === "SHELL" && ins.exec && ins.exec.length > 0) shell = ins.exec;
  }
  return shell;
}

/** The shell source a command was parsed from (the RUN line, or the heredoc body it sits in). */
function sourceOf(instruction: Instruction, command: ShellCommand): { text: string; start: number } | undefined {
  const p = command.path;
  const at = p.indexOf("at");
  if (at < 0 || !instruction.shell) return undefined;
  const start = p[at + 1];
  if (typeof start !== "number") return undefined;
  const hd = p.indexOf("heredoc");
  if (hd >= 0 && hd < at) {
    const i = p[hd + 1];
    const h = typeof i === "number" ? instruction.heredocs[i] : undefined;
    return h ? { text: h.content, start } : undefined;
  }
  // With heredoc bodies parsed, shell.text is the RUN line, a newline, then the bodies; the RUN line has no newline.
  const text = instruction.heredocs.length > 0 ? instruction.shell.text.split("\n")[0]! : instruction.shell.text;
  return { text, start };
}

/**
 * Does the command run in a subshell `( ... )` (or a pipeline, where each part is a subshell in most shells)?
 * Command substitutions are reported by `command.substituted`. A small lexer over the text before the command:
 * quotes, escapes and comments are skipped; `(` not preceded by `$`, `<` or `>` opens a subshell.
 */
export function inSubshell(instruction: Instruction, command: ShellCommand): boolean {
  if (command.pipeline && command.pipeline.size > 1) return true;
  const src = sourceOf(instruction, command);
  if (!src) return false;
  const { text, start } = src;
  const stack: string[] = [];
  let single = false;
  let double = false;
  for (let i = 0; i < start && i < text.length; i++) {
    const c = text[i]!;
    if (single) {
      if (c === "'") single = false;
      continue;
    }
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === '"') {
      double = !double;
      continue;
    }
    if (double) continue;
    if (c === "'") {
      single = true;
      continue;
    }
    if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf("\n", i);
      if (nl < 0) break;
      i = nl;
      continue;
    }
    if (c === "(") {
      const prev = i > 0 ? text[i - 1]! : "";
      stack.push(prev === "$" || prev === "<" || prev === ">" || prev === "(" ? "x" : "s");
    } else if (c === ")") {
      stack.pop();
    }
  }
  return stack.includes("s");
}

/** BuildKit cache mounts of a RUN: the targets of `--mount=type=cache,target=...`. */
export function cacheMountTargets(instruction: Instruction): string[] {
  const out: string[] = [];
  for (const f of instruction.flags) {
    if (f.name !== "mount" || !f.value) continue;
    const fields = new Map<string, string>();
    for (const part of f.value.split(",")) {
      const eq = part.indexOf("=");
      fields.set((eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase(), eq < 0 ? "" : part.slice(eq + 1).trim());
    }
    if (fields.get("type") !== "cache") continue;
    const target = fields.get("target") ?? fields.get("dst") ?? fields.get("destination");
    if (target) out.push(target.replace(/^["']|["']$/g, ""));
  }
  return out;
}

/** `command -v x`, `command -V x`, `type x`, `which x`, `hash x`: looks a program up without running it. */
export function isLookup(command: ShellCommand): boolean {
  const n = command.name?.value;
  if (n === "command") return command.args.some((a) => a.text === "-v" || a.text === "-V");
  return n === "type" || n === "which" || n === "hash";
}
