import { defineRule } from "../../engine/rule-types.js";
import { instructionsOf } from "../../model/dockerfile.js";
import { expandVariables, unquote, variablesAt } from "../../model/dockerfile-queries.js";
import { normalizePosix } from "./_hygiene-paths.js";

// Every stage. The WORKDIR path is resolved as Docker resolves it: variables from earlier ENV/ARG of the stage (and
// of the stages it builds on), relative paths joined to the previous WORKDIR of the stage, `.`/`..` removed. A path
// that cannot be resolved (unknown variable, relative with no earlier WORKDIR) is not judged; Windows paths neither.
export default defineRule({
  id: "docker-workdir-system-dir",
  title: "WORKDIR inside a system directory",
  rationale:
    "Directories such as /proc, /sys, /dev and /boot belong to the kernel and the operating system. Using one as " +
    "the working directory means the build and the application read and write files there, next to kernel " +
    "interfaces and devices, and anything mounted over them at run time changes what the application sees.",
  attack:
    "When the container runs with extra privileges, writes meant for the application land in kernel interfaces " +
    "(/proc, /sys) or device files (/dev), which can crash or reconfigure the host; without privileges the build " +
    "or the application simply fails in confusing ways.",
  remediation: "Use a dedicated application directory such as `WORKDIR /app` or `WORKDIR /srv/<name>`.",
  example: {
    insecure: "FROM debian:12.5\nWORKDIR /proc/app\nCOPY app /proc/app/\n",
    secure: "FROM debian:12.5\nWORKDIR /srv/app\nCOPY app /srv/app/\n",
  },
  messages: {
    systemDir: "WORKDIR {{path}} is inside the system directory {{dir}}",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const { dockerfile, stage } = view;
    const dirs = ctx.params.strings("systemDirs").map((d) => normalizePosix(d));
    let cwd: string | undefined;
    for (const ins of instructionsOf(stage, "WORKDIR")) {
      const written = unquote(ins.args);
      const expanded = written.includes("$") ? expandVariables(written, variablesAt(dockerfile, stage, ins)) : written;
      if (expanded === undefined || expanded === "" || /^[A-Za-z]:/.test(expanded) || expanded.includes("\\")) {
        cwd = undefined;
        continue;
      }
      if (!expanded.startsWith("/") && cwd === undefined) continue;
      const resolved = normalizePosix(expanded, cwd);
      cwd = resolved;
      const dir = dirs.find((d) => d !== "/" && (resolved === d || resolved.startsWith(`${d}/`)));
      if (dir) ctx.report({ messageId: "systemDir", data: { path: written, dir }, path: ins.words[0]?.path ?? ins.path });
    }
  },
});
