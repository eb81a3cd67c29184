import { defineRule } from "../../engine/rule-types.js";
import type { Instruction } from "../../model/dockerfile.js";
import { commandForm, effectiveStartup } from "./_runtime-stages.js";

// Judges what the final image starts with: the CMD and ENTRYPOINT that take effect (the final stage's own, else
// inherited from the local stages it builds on). Shell form is reported, and so is text that starts like exec form
// but is not a JSON array of strings (`CMD ['app']`), which Docker also runs through the shell. A shell-form command
// whose last command is `exec …` is accepted: the shell replaces itself, so the program receives the signals.
export default defineRule({
  id: "docker-json-cmd",
  title: "Shell-form CMD or ENTRYPOINT",
  rationale:
    "In shell form (`CMD node server.js`) Docker starts `/bin/sh -c \"node server.js\"`: the shell is PID 1 and does " +
    "not pass SIGTERM on, so `docker stop` and Kubernetes wait out the grace period and then kill the application " +
    "without a clean shutdown. A shell-form ENTRYPOINT also ignores CMD and `docker run` arguments.",
  attack:
    "No direct attack; applications killed instead of stopped lose in-flight requests and data, and variables " +
    "expanded by a shell at start-up open the door to word-splitting and injection mistakes.",
  remediation:
    "Use the JSON (exec) form: `CMD [\"node\", \"server.js\"]`. When a shell is really needed (variable expansion), " +
    "end the script with `exec`: `CMD exec node server.js --port \"$PORT\"`.",
  example: {
    insecure: "FROM node:20.12-alpine\nCOPY . /app\nCMD node /app/server.js\n",
    secure: "FROM node:20.12-alpine\nCOPY . /app\nCMD [\"node\", \"/app/server.js\"]\n",
  },
  messages: {
    shellForm: "{{keyword}} is in shell form, so it runs under `{{shell}}` and the program does not receive stop signals; use the JSON form",
    brokenExec: "{{keyword}} is not a valid JSON array of double-quoted strings, so Docker runs it as a shell command under `{{shell}}`",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view || !view.stage.isFinal) return;
    const { cmd, entrypoint } = effectiveStartup(view.dockerfile, view.stage);
    for (const ins of [entrypoint, cmd]) {
      if (!ins || ins.args.trim() === "") continue;
      const form = commandForm(ins);
      if (form === "exec") continue;
      if (form === "shell" && endsWithExec(ins)) continue;
      const shell = (view.dockerfile.stages[ins.stage ?? 0]?.shell ?? ["/bin/sh", "-c"]).join(" ");
      ctx.report({ messageId: form === "shell" ? "shellForm" : "brokenExec", data: { keyword: ins.keyword, shell }, path: ins.path });
    }
  },
});

/** The shell script's last top-level command is `exec program …`. */
function endsWithExec(ins: Instruction): boolean {
  const top = ins.shell?.commands.filter((c) => !c.substituted && c.name !== undefined) ?? [];
  const last = top[top.length - 1];
  return last !== undefined && last.name!.value === "exec" && last.args.length > 0;
}
