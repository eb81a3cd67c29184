import { defineRule } from "../../engine/rule-types.js";
import { effectiveCommand, positionalArgs } from "../../model/dockerfile.js";
import { runAndExecCommands } from "./_packages.js";

// Runs on every stage. A command of a RUN (shell form, heredoc script or exec form) whose program is `apt`, also behind
// sudo/env/xargs. The word `apt` as an argument (`rm -rf /var/lib/apt`), in quoted text or looked up (`command -v apt`)
// is not a command.
const APT_CACHE = new Set(["search", "show", "showsrc", "policy", "depends", "rdepends", "madison"]);

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
    for (const { command } of runAndExecCommands(stage)) {
      const e = effectiveCommand(command);
      if (e.program !== "apt" || !e.word) continue;
      if (e.wrappers.includes("command") && command.args.some((a) => a.text === "-v" || a.text === "-V")) continue; // a lookup
      const sub = positionalArgs(e.args, new Set(["-o", "-c", "-t"]))[0]?.value;
      const replacement = sub && APT_CACHE.has(sub) ? "apt-cache" : "apt-get";
      ctx.report({ messageId: "apt", data: { subcommand: sub ? ` ${sub}` : "", replacement }, path: e.word.path });
    }
  },
});
