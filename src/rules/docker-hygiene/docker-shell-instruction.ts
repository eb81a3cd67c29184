import { defineRule } from "../../engine/rule-types.js";
import { type ShellWord, effectiveCommand, positionalArgs } from "../../model/dockerfile.js";
import { execProgram } from "../../model/dockerfile-queries.js";

// Runs on every stage: reports RUN commands that replace /bin/sh (or /usr/bin/sh) to change the shell later RUNs use:
// `ln -s[f] <shell> /bin/sh` (also `-t /bin sh`-less forms where /bin/sh is the last operand), `cp`/`mv` onto
// /bin/sh, `update-alternatives --install /bin/sh ...`, and `dpkg-reconfigure dash` (which switches /bin/sh on
// Debian). Shell form (wrappers stripped) and exec form.
const SH = /^\/(usr\/)?bin\/sh$/;
const LN_VALUE = new Set(["-S", "--suffix", "-t", "--target-directory"]);
const CP_VALUE = new Set(["-S", "--suffix", "-t", "--target-directory"]);

export default defineRule({
  id: "docker-shell-instruction",
  title: "Shell changed without SHELL",
  rationale:
    "Linking bash (or another shell) over /bin/sh changes the shell of every later RUN without saying so, and also " +
    "changes /bin/sh for everything that runs in the container. Dockerfile has an instruction for this: SHELL changes " +
    "the build shell explicitly and leaves the image's /bin/sh alone.",
  attack:
    "Scripts in the image, and in packages installed later, are written for the distribution's /bin/sh; replacing " +
    "it can change how they behave (for example bash-only behaviour in init or maintenance scripts) in ways that are " +
    "hard to spot in a review.",
  remediation:
    "Remove the link and put `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before the RUN instructions that " +
    "need bash.",
  example: {
    insecure: "FROM debian:12.5\nRUN ln -sf /bin/bash /bin/sh\nRUN source /etc/profile && make\n",
    secure: "FROM debian:12.5\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN source /etc/profile && make\n",
  },
  messages: {
    replaced: "`{{command}}` replaces /bin/sh; use the SHELL instruction to change the build shell",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    for (const ins of stage.instructions) {
      if (ins.keyword !== "RUN") continue;
      if (ins.form === "exec") {
        const program = execProgram(ins);
        const words = (ins.exec ?? []).slice(1).map((t) => ({ raw: t, value: t, text: t, substitutions: [], path: ins.path }) satisfies ShellWord);
        if (program && replacesSh(program, words)) ctx.report({ messageId: "replaced", data: { command: program }, path: ins.path });
        continue;
      }
      for (const command of ins.shell?.commands ?? []) {
        const e = effectiveCommand(command);
        if (e.program && e.word && replacesSh(e.program, e.args)) ctx.report({ messageId: "replaced", data: { command: e.program }, path: e.word.path });
      }
    }
  },
});

function replacesSh(program: string, args: readonly ShellWord[]): boolean {
  switch (program) {
    case "ln":
    case "cp":
    case "mv": {
      const operands = positionalArgs(args, program === "ln" ? LN_VALUE : CP_VALUE);
      if (operands.length < 2) return false;
      return SH.test(operands[operands.length - 1]!.text);
    }
    case "update-alternatives": {
      const i = args.findIndex((a) => a.text === "--install");
      return i >= 0 && SH.test(args[i + 1]?.text ?? "");
    }
    case "dpkg-reconfigure":
      return positionalArgs(args, new Set(["-f", "--frontend", "-p", "--priority"])).some((a) => a.text === "dash");
    default:
      return false;
  }
}
