import { defineRule } from "../../engine/rule-types.js";
import { effectiveCommand } from "../../model/dockerfile.js";
import { execProgram, execRuns, stageCommands } from "../../model/dockerfile-queries.js";
import { commandWordNamed } from "./_docker-user-state.js";

// Every stage. A RUN command runs sudo when sudo is its program or one of its wrappers (`env A=1 sudo make`,
// `xargs sudo rm`), in any part of a chain, pipeline, substitution or heredoc script, and in ONBUILD RUN triggers.
// Words that merely contain "sudo" (`apt-get install sudo`, `echo 'sudo x'`) are not calls. Exec form is judged by
// its program; `sh -c '<script>'` strings are read with a light tokenizer. PowerShell/cmd stages report nothing.
export default defineRule({
  id: "docker-sudo",
  title: "sudo used in a RUN instruction",
  rationale:
    "RUN steps already run as the stage's current USER; to do something as root, switch with `USER root` and back. " +
    "sudo in a build adds TTY and signal-handling quirks, and it means the image ships sudo and a sudoers setup that " +
    "lets an unprivileged user become root.",
  attack:
    "An attacker who gets code execution as the application user finds sudo installed and configured (often with " +
    "NOPASSWD) and uses it to become root inside the container, from where escapes and tampering are far easier.",
  remediation:
    "Drop sudo from RUN: put privileged steps under `USER root` and switch back to the unprivileged user afterwards " +
    "(`USER 10001`). Do not install sudo in the final image; if a tool must change user at run time, use gosu or " +
    "su-exec in the entrypoint.",
  example: {
    insecure: "FROM debian:12.5\nUSER app\nRUN sudo apt-get update\n",
    secure: "FROM debian:12.5\nUSER root\nRUN apt-get update\nUSER app\n",
  },
  messages: {
    sudo: "RUN calls sudo{{target}}; run privileged steps under USER root instead",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    for (const { command } of stageCommands(stage)) {
      const e = effectiveCommand(command);
      if (!e.wrappers.includes("sudo")) continue;
      const word = commandWordNamed(command, "sudo");
      ctx.report({ messageId: "sudo", data: { target: e.program ? ` to run ${e.program}` : "" }, path: (word ?? command).path });
    }
    for (const { instruction } of execRuns(stage)) {
      if (execProgram(instruction) !== "sudo") continue;
      ctx.report({ messageId: "sudo", data: { target: "" }, path: instruction.path });
    }
  },
});
