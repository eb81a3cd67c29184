import { defineRule } from "../../engine/rule-types.js";
import { effectiveCommand } from "../../model/dockerfile.js";
import { execProgram } from "../../model/dockerfile-queries.js";
import { isLookup } from "./_run-context.js";

// Runs on every stage: reports each command of RUN (shell form, wrappers such as sudo stripped, inside $(...) too;
// exec form by its program) whose program is in the `commands` parameter (default: ssh, vim, shutdown, service, ps,
// free, top, kill, mount, ifconfig). Installing such a package (`apt-get install vim`) or looking it up
// (`command -v ps`) is not running it.
export default defineRule({
  id: "docker-pointless-commands",
  title: "Interactive or system commands in RUN",
  rationale:
    "A build step runs once, with no terminal and no running system: editors (vim) wait for a user, `service` and " +
    "`shutdown` act on an init system that is not there, and `ps`, `top`, `free`, `ifconfig` report on the build " +
    "container, which is thrown away. Such commands do nothing useful, hang the build, or hint that the Dockerfile " +
    "treats the image like a virtual machine.",
  attack:
    "`ssh` in a build usually means private keys or credentials are being used during the build and may be left in " +
    "a layer; services started in a build are not running in the final container, which leads to risky workarounds.",
  remediation:
    "Remove the command. Configure files with COPY or non-interactive tools (sed, tee), fetch private code with " +
    "`RUN --mount=type=ssh`, and start services from the container's entrypoint, not at build time.",
  example: {
    insecure: "FROM debian:12.5\nRUN apt-get update && apt-get install -y nginx && service nginx start\n",
    secure: "FROM debian:12.5\nRUN apt-get update && apt-get install -y nginx\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n",
  },
  messages: {
    pointless: "`{{command}}` makes no sense in a build step",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    const listed = new Set(ctx.params.strings("commands"));
    for (const ins of stage.instructions) {
      if (ins.keyword !== "RUN") continue;
      if (ins.form === "exec") {
        const p = execProgram(ins);
        if (p && listed.has(p)) ctx.report({ messageId: "pointless", data: { command: p }, path: ins.path });
        continue;
      }
      for (const command of ins.shell?.commands ?? []) {
        if (isLookup(command)) continue;
        const e = effectiveCommand(command);
        if (e.program && e.word && listed.has(e.program)) ctx.report({ messageId: "pointless", data: { command: e.program }, path: e.word.path });
      }
    }
  },
});
