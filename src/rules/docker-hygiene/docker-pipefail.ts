import { defineRule } from "../../engine/rule-types.js";
import { type ShellCommand, effectiveCommand } from "../../model/dockerfile.js";
import { scriptKey } from "../../model/dockerfile-queries.js";
import { shellAt } from "./_run-context.js";

// Runs on every stage. A RUN in shell form under a POSIX shell is reported (once, at its first pipeline) when it
// runs a pipeline `a | b` while pipefail is off: the SHELL in effect at that RUN (SHELL can change mid-stage) has no
// `-o pipefail`, and no `set -o pipefail` (or -eo/-euo/-euxo pipefail) ran earlier in the same script (the RUN line
// and each heredoc body are separate scripts). Pipelines whose earlier commands cannot fail in a way that matters
// (echo, printf, yes) are not reported, nor pipelines into a checksum check (`grep x SUMS | sha256sum -c -`): the
// check fails on empty or cut-off input, so an earlier failure cannot slip through.
// Shells: every POSIX shell is judged (sh, bash, dash, ash, ...). bash, zsh, ksh, mksh and busybox ash have
// pipefail; dash only since 0.5.13 (earlier versions, such as Debian 12's /bin/sh, stop with "Illegal option -o
// pipefail"). A `set -o pipefail` or SHELL option is accepted whatever the shell: where the shell lacks it, the build
// fails loudly instead of masking errors, which is the point. The message suggests bash, or ash on Alpine.
const HARMLESS = new Set(["echo", "printf", "yes", "true"]);

export default defineRule({
  id: "docker-pipefail",
  title: "Pipe without pipefail",
  rationale:
    "A shell pipeline returns the exit status of its last command only. In `curl -fsSL URL | tar -xz` a failed " +
    "download (404, TLS error, timeout) is hidden as long as tar exits 0, so the build carries on with missing or " +
    "truncated content. The `pipefail` option makes the pipeline fail when any of its commands fails.",
  attack:
    "An attacker who can make a download fail or stop half-way (a blocked mirror, a reset connection) gets an image " +
    "that silently lacks a file, for example a CA bundle, a security patch or a config file, while the build still " +
    "reports success.",
  remediation:
    "Set the option for the whole stage with `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before the RUN " +
    "(on Alpine, `SHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]`), or start the RUN with `set -o pipefail &&` " +
    "when its shell supports it.",
  example: {
    insecure: "FROM debian:12.5\nRUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt\n",
    secure: "FROM debian:12.5\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt\n",
  },
  messages: {
    pipe: "`{{first}} | …` runs without pipefail under {{shell}}: a failure of {{first}} is ignored",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const { dockerfile, stage } = view;
    for (const ins of stage.instructions) {
      if (ins.keyword !== "RUN" || !ins.shell) continue;
      const shell = shellAt(dockerfile, stage, ins);
      if (hasPipefail(shell.slice(1))) continue;
      const on = new Set<string>();
      for (const command of ins.shell.commands) {
        const part = scriptKey(command);
        if (!command.substituted && isSetPipefail(command)) on.add(part);
        if (!command.pipeline || command.pipeline.index !== 0 || command.pipeline.size < 2 || on.has(part)) continue;
        const parts = command.pipeline.of;
        if (parts.slice(0, -1).every((c) => c !== undefined && HARMLESS.has(effectiveCommand(c).program ?? ""))) continue;
        if (verifiesChecksum(parts[parts.length - 1])) continue;
        const first = effectiveCommand(command).program ?? command.name?.text ?? "command";
        ctx.report({ messageId: "pipe", data: { first, shell: shell[0] ?? "/bin/sh" }, path: command.path });
        break;
      }
    }
  },
});

/** `-o pipefail`, `-eo pipefail`, `-euxo pipefail`, `-opipefail` or `-o pipefail` as one word, in an argument list. */
function hasPipefail(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!;
    if (/^-[A-Za-z]*o\s*pipefail$/.test(t)) return true;
    if (t === "pipefail" && i > 0 && /^-[A-Za-z]*o$/.test(args[i - 1]!)) return true;
  }
  return false;
}

function isSetPipefail(command: ShellCommand): boolean {
  return command.name?.value === "set" && hasPipefail(command.args.map((a) => a.text));
}

/** `sha256sum -c -` and friends: fail when their input is missing or incomplete. */
function verifiesChecksum(command: ShellCommand | undefined): boolean {
  if (!command) return false;
  const e = effectiveCommand(command);
  if (!e.program || !/^(sha(1|224|256|384|512)?sum|md5sum|b2sum|cksum)$/.test(e.program)) return false;
  return e.args.some((a) => a.text === "--check" || /^-[A-Za-z]*c[A-Za-z]*$/.test(a.text) || (e.program === "shasum" && a.text === "-c"));
}
