import { defineRule } from "../../engine/rule-types.js";
import { type Dockerfile, type ShellCommand, type Stage, effectiveCommand, positionalArgs } from "../../model/dockerfile.js";
import { stageChain } from "../../model/dockerfile-queries.js";
import { inSubshell, isLookup } from "./_run-context.js";

// Runs on every stage: reports the first `cd` of a RUN (shell form; the RUN line and heredoc bodies) that changes the
// directory of the RUN's own shell, i.e. what WORKDIR would do. Not reported: cd inside a subshell `( cd x && make )`
// or a pipeline, cd inside $(...), and cd to a directory WORKDIR cannot name or should not keep: one computed at
// run time (`cd "$(mktemp -d)"`), $HOME (bare `cd`), held in a variable that no ENV/ARG defines (`cd "$tmp"`, loop variables, $HOME),
// a glob (`cd /tmp/pkg-*`), or a temporary build directory the same RUN removes later (`rm -rf /usr/src/x`).
// Only the first top-level cd of a RUN is judged; when it is exempt, the RUN is not reported (the later ones
// usually return, `cd /`, or move inside the temporary directory).
export default defineRule({
  id: "docker-run-cd",
  title: "cd in RUN instead of WORKDIR",
  rationale:
    "A `cd` inside RUN changes the directory for that RUN only; the next instruction starts again in the WORKDIR. " +
    "Dockerfiles that rely on `cd` are harder to read and easy to break: a later RUN, COPY or CMD silently runs in a " +
    "different directory than its author assumed.",
  attack:
    "Mostly a maintainability issue: commands that run in an unexpected directory (for example an `rm -rf *` or a " +
    "`chmod -R`) can delete or expose files nobody meant to touch.",
  remediation:
    "Set the directory with `WORKDIR /path` before the RUN (WORKDIR creates it if needed), or confine a temporary " +
    "change to a subshell: `(cd /tmp/src && make install)`.",
  example: {
    insecure: "FROM debian:12.5\nRUN cd /usr/src/app && make\n",
    secure: "FROM debian:12.5\nWORKDIR /usr/src/app\nRUN make\n",
  },
  messages: {
    cd: "RUN changes directory with `cd {{dir}}`; use WORKDIR",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const known = declaredVariables(view.dockerfile, view.stage);
    for (const ins of view.stage.instructions) {
      if (ins.keyword !== "RUN" || !ins.shell) continue;
      const commands = ins.shell.commands;
      for (let i = 0; i < commands.length; i++) {
        const command = commands[i]!;
        if (command.substituted || command.name?.value !== "cd" || isLookup(command)) continue;
        if (inSubshell(ins, command)) continue;
        // Only the RUN's first top-level cd is judged: later ones usually return (`cd /`, `cd ..`) or move within it.
        const target = command.args.find((a) => !/^-[LPe@]+$/.test(a.text));
        if (!target) break; // bare `cd` goes to $HOME, which WORKDIR cannot name
        if (!nameable(target.text, target.substitutions.length > 0, known)) break;
        if (removedLater(target.text, commands.slice(i + 1))) break;
        ctx.report({ messageId: "cd", data: { dir: target.text }, path: command.name.path });
        break;
      }
    }
  },
});

/** Could WORKDIR name this directory? Not when it is computed at run time or uses a variable Docker does not know. */
function nameable(text: string, substituted: boolean, known: ReadonlySet<string>): boolean {
  if (substituted || text.includes("`") || text.includes("$(")) return false;
  if (text === "-" || /[*?[]/.test(text)) return false;
  for (const m of text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) if (!known.has(m[1]!)) return false;
  return true;
}

/** Variables Docker substitutes in WORKDIR: ENV and ARG of the stage (and stages it builds on), global ARGs. */
function declaredVariables(dockerfile: Dockerfile, stage: Stage): Set<string> {
  const out = new Set<string>(dockerfile.globalArgs.map((a) => a.name));
  for (const s of stageChain(dockerfile, stage)) {
    for (const ins of s.instructions) if (ins.keyword === "ENV" || ins.keyword === "ARG") for (const p of ins.properties) out.add(p.name);
  }
  return out;
}

/** A build directory the same RUN deletes afterwards (`cd /usr/src/x && make install && rm -rf /usr/src/x`). */
function removedLater(target: string, later: readonly ShellCommand[]): boolean {
  const norm = (t: string) => t.replace(/\/\*?$/, "").replace(/\/+$/, "");
  const dir = norm(target);
  if (dir === "" || dir === "/") return false;
  return later.some((c) => {
    if (c.substituted) return false;
    const e = effectiveCommand(c);
    if (e.program !== "rm") return false;
    return positionalArgs(e.args).some((a) => {
      const r = norm(a.text);
      return r !== "" && r !== "/" && (dir === r || dir.startsWith(`${r}/`));
    });
  });
}
