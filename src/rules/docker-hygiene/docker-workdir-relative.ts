import { defineRule } from "../../engine/rule-types.js";
import { instructionsOf } from "../../model/dockerfile.js";
import { unquote } from "../../model/dockerfile-queries.js";
import { isAbsolutePath, startsWithVariable } from "./_hygiene-paths.js";

// Every stage. WORKDIR takes the rest of its line as one path. Absolute: `/…`, Windows `C:\…`, `c:/…`, `\…`.
// A path starting with a variable (`$HOME/app`, `${APP_DIR}`) is taken as absolute: its value is set elsewhere.
export default defineRule({
  id: "docker-workdir-relative",
  title: "WORKDIR is a relative path",
  rationale:
    "A relative WORKDIR is joined to whatever the working directory happened to be: the base image's, or the one " +
    "left by an earlier WORKDIR. When the base image changes its WORKDIR, files are copied and commands run in a " +
    "different place without any error, which makes the image hard to reason about.",
  attack:
    "This is a reliability problem more than an attack: files and permissions end up in an unexpected directory, " +
    "which can leave the application reading configuration from a writable or unintended location.",
  remediation: "Give WORKDIR an absolute path, such as `WORKDIR /app`; it is created if it does not exist.",
  example: {
    insecure: "FROM node:20.11-alpine\nWORKDIR app\nCOPY . .\n",
    secure: "FROM node:20.11-alpine\nWORKDIR /app\nCOPY . .\n",
  },
  messages: {
    relative: "WORKDIR {{path}} is relative; use an absolute path",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    for (const ins of instructionsOf(stage, "WORKDIR")) {
      const path = unquote(ins.args);
      if (path === "" || isAbsolutePath(path) || startsWithVariable(path)) continue;
      ctx.report({ messageId: "relative", data: { path }, path: ins.words[0]?.path ?? ins.path });
    }
  },
});
