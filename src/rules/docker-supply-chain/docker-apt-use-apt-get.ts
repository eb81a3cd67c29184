import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { type Instruction, type ShellWord, effectiveCommand, positionalArgs } from "../../model/dockerfile.js";
import type { Fix, FixOp } from "../../model/finding.js";
import { runAndExecCommands } from "./_packages.js";

// Runs on every stage. A command of a RUN (shell form, heredoc script or exec form) whose program is `apt`, also behind
// sudo/env/xargs. The word `apt` as an argument (`rm -rf /var/lib/apt`), in quoted text or looked up (`command -v apt`)
// is not a command.
const APT_CACHE = new Set(["search", "show", "showsrc", "policy", "depends", "rdepends", "madison"]);

/** Subcommands apt-get runs as apt does (apt's `upgrade` is apt-get's `upgrade --with-new-pkgs`, `full-upgrade` its `dist-upgrade`). */
const APT_GET_SAME = new Set(["install", "update", "remove", "purge", "autoremove", "autopurge", "dist-upgrade", "clean", "autoclean", "source", "build-dep", "check", "download", "changelog", "satisfy"]);

/**
 * `apt` → `apt-get` (keeping a directory written before it), when apt-get has the same subcommand. Not for exec
 * form (its words are JSON strings) nor for a program word written with quotes or expansions.
 */
function fixFor(word: ShellWord, subWord: ShellWord | undefined, instruction: Instruction): Fix | undefined {
  const sub = subWord?.value;
  if (instruction.form === "exec" || !subWord || sub === undefined || subWord.raw !== sub || !/^([\w./-]*\/)?apt$/.test(word.raw)) return undefined;
  const ops: FixOp[] = [{ op: "replaceText", path: word.path, text: `${word.raw.slice(0, -3)}apt-get` }];
  if (sub === "upgrade") ops.push({ op: "insertText", path: subWord.path, text: " --with-new-pkgs", position: "after" });
  else if (sub === "full-upgrade") ops.push({ op: "replaceText", path: subWord.path, text: "dist-upgrade" });
  else if (!APT_GET_SAME.has(sub)) return undefined;
  const shown = sub === "upgrade" ? "apt-get upgrade --with-new-pkgs" : sub === "full-upgrade" ? "apt-get dist-upgrade" : `apt-get ${sub}`;
  return fixes.ops(ops, {
    description: `Use \`${shown}\` instead of \`apt ${sub}\``,
    safety: "safe",
    note:
      "apt-get does the same work with a stable interface. One default differs: apt deletes the downloaded .deb files " +
      "after installing, apt-get keeps them in /var/cache/apt/archives unless the image cleans them (Debian and Ubuntu " +
      "images do, with /etc/apt/apt.conf.d/docker-clean).",
  });
}

export default defineRule({
  id: "docker-apt-use-apt-get",
  title: "apt used in a script instead of apt-get",
  rationale:
    "`apt` is the command-line front end for people at a terminal: its output, progress bars and behaviour may " +
    "change between releases, and it warns that it \"does not have a stable CLI interface\" when used in scripts. " +
    "`apt-get` and `apt-cache` do the same work with a stable interface meant for automation.",
  attack:
    "This is a robustness issue rather than an attack path: a build that depends on an unstable interface can break " +
    "or behave differently after a base-image update, which tempts people to pin old, unpatched base images.",
  remediation:
    "Use `apt-get` for install, update, upgrade and remove (`apt full-upgrade` is `apt-get dist-upgrade`) and " +
    "`apt-cache` for search, show and policy.",
  example: {
    insecure: "FROM debian:12.5\nRUN apt update && apt install -y --no-install-recommends curl=7.88.1-10+deb12u5\n",
    secure: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n",
  },
  messages: {
    apt: "'apt{{subcommand}}' is meant for interactive use; use {{replacement}} in a Dockerfile",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    for (const { instruction, command } of runAndExecCommands(stage)) {
      const e = effectiveCommand(command);
      if (e.program !== "apt" || !e.word) continue;
      if (e.wrappers.includes("command") && command.args.some((a) => a.text === "-v" || a.text === "-V")) continue; // a lookup
      const subWord = positionalArgs(e.args, new Set(["-o", "-c", "-t"]))[0];
      const sub = subWord?.value;
      const replacement = sub && APT_CACHE.has(sub) ? "apt-cache" : "apt-get";
      ctx.report({ messageId: "apt", data: { subcommand: sub ? ` ${sub}` : "", replacement }, path: e.word.path, fix: fixFor(e.word, subWord, instruction) });
    }
  },
});
