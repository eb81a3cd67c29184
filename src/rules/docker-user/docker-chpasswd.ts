import { defineRule } from "../../engine/rule-types.js";
import { type ShellCommand, effectiveCommand, positionalArgs } from "../../model/dockerfile.js";
import { execProgram, execRuns, stageCommands } from "../../model/dockerfile-queries.js";

// Every stage. Reports each chpasswd command of a RUN (also behind sudo/env, as `busybox chpasswd`, in heredoc
// scripts, ONBUILD triggers and exec form). When an echo/printf earlier in the same pipeline writes a literal
// `user:password` line, the message names the user and says when the password is empty. `sh -c '<script>'`
// strings are read with a light tokenizer. Quoted text that merely
// mentions chpasswd is not a call.
export default defineRule({
  id: "docker-chpasswd",
  title: "Account password set with chpasswd",
  rationale:
    "Every RUN command line is kept in the image history (`docker history`), so a password given to chpasswd can be " +
    "read by anyone who can pull the image. Images usually share the same password everywhere they run, and " +
    "accounts with known or empty passwords make it easy to become that user (or root) with su or login.",
  attack:
    "An attacker pulls the image from a registry, reads `echo 'root:s3cret' | chpasswd` in its history, and after " +
    "getting a foothold in any container from it runs `su -` with that password to become root.",
  remediation:
    "Do not give accounts passwords in images: containers need none, since processes start directly as the USER. " +
    "Create users without a password (`useradd -r -u 10001 app`, locked by default). If a password is truly needed " +
    "at run time, set it from a mounted secret when the container starts.",
  example: {
    insecure: "FROM ubuntu:24.04\nRUN useradd -m app && echo 'app:changeme' | chpasswd\nUSER app\n",
    secure: "FROM ubuntu:24.04\nRUN useradd -m -r -u 10001 app\nUSER 10001\n",
  },
  messages: {
    set: "RUN sets an account password with chpasswd; the command and any password in it stay in the image history",
    setUser: "RUN sets the password of '{{user}}' with chpasswd; the password stays in the image history",
    empty: "RUN gives '{{user}}' an empty password with chpasswd",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    for (const { command } of stageCommands(stage)) {
      const e = effectiveCommand(command);
      let word = e.word;
      if (e.program === "busybox" && e.args[0]?.value === "chpasswd") word = e.args[0];
      else if (e.program !== "chpasswd") continue;
      const feeder = command.pipeline && command.pipeline.index > 0 ? command.pipeline.of[command.pipeline.index - 1] : undefined;
      const line = feeder ? literalLine(feeder) : undefined;
      const m = line === undefined ? null : /^([^:\s]+):(.*)$/.exec(line);
      const path = (word ?? command).path;
      if (!m) ctx.report({ messageId: "set", path });
      else if (m[2]!.replace(/(\\n)+$/, "") === "") ctx.report({ messageId: "empty", data: { user: m[1]! }, path });
      else ctx.report({ messageId: "setUser", data: { user: m[1]! }, path });
    }
    for (const { instruction, argv } of execRuns(stage)) {
      const program = execProgram(instruction);
      const shown = program === "busybox" || program === "sudo" || program === "env" ? argv.slice(1).find((a) => !a.startsWith("-") && !a.includes("=")) : program;
      if (shown === "chpasswd") ctx.report({ messageId: "set", path: instruction.path });
    }
  },
});

/** The text an `echo` or `printf` with a literal first argument writes (`echo 'root:pw'` → `root:pw`). */
function literalLine(cmd: ShellCommand): string | undefined {
  const e = effectiveCommand(cmd);
  if (e.program !== "echo" && e.program !== "printf") return undefined;
  const args = e.program === "echo" ? positionalArgs(e.args) : e.args;
  return args[0]?.text;
}
