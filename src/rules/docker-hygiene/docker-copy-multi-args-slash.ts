import { defineRule } from "../../engine/rule-types.js";
import { copyOperands } from "../../model/dockerfile-queries.js";
import { endsWithVariable, isDirectoryPath } from "./_hygiene-paths.js";

// Every stage. COPY or ADD with two or more sources (heredocs count; JSON form read as JSON) whose destination does
// not end with `/` (or `\` on Windows) and is not `.`/`..`. A destination ending in a variable is not judged: its
// value may end with a slash.
export default defineRule({
  id: "docker-copy-multi-args-slash",
  title: "COPY of several sources to a path without a trailing slash",
  rationale:
    "When COPY or ADD is given several sources, Docker needs the destination to be a directory, written with a " +
    "trailing slash. Without it the build fails, or with some builders the files overwrite each other at one path, " +
    "so the image does not contain what the Dockerfile seems to say.",
  attack:
    "This is a build-correctness problem rather than an attack, but an image that silently lacks files (for example " +
    "a configuration that hardens the application) can ship with unsafe defaults.",
  remediation: "End the destination with a slash, e.g. `COPY package.json package-lock.json /app/`.",
  example: {
    insecure: "FROM node:20.11-alpine\nWORKDIR /app\nCOPY package.json package-lock.json /app\n",
    secure: "FROM node:20.11-alpine\nWORKDIR /app\nCOPY package.json package-lock.json /app/\n",
  },
  messages: {
    noSlash: "{{keyword}} has {{count}} sources but its destination {{dest}} does not end with a slash",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    for (const ins of stage.instructions) {
      if (ins.keyword !== "COPY" && ins.keyword !== "ADD") continue;
      const { sources, destination: dest } = copyOperands(ins);
      if (!dest || sources.length < 2) continue;
      if (isDirectoryPath(dest.value) || endsWithVariable(dest.value)) continue;
      ctx.report({ messageId: "noSlash", data: { keyword: ins.keyword, count: sources.length, dest: dest.value }, path: dest.path });
    }
  },
});
