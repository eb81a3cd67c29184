import { defineRule } from "../../engine/rule-types.js";
import type { Dockerfile, Stage } from "../../model/dockerfile.js";
import { copyOperands, stageChain } from "../../model/dockerfile-queries.js";
import { isAbsolutePath, startsWithVariable } from "./_hygiene-paths.js";

// Every stage. A COPY whose destination is relative (`.`, `app/`, `config.yml`) while neither this stage (before the
// COPY) nor a stage it builds on (FROM <stage>) has set a WORKDIR: the files land in the base image's working
// directory, which this Dockerfile does not control. Destinations starting with a variable are not judged.
export default defineRule({
  id: "docker-copy-relative-no-workdir",
  title: "COPY to a relative path without a WORKDIR",
  rationale:
    "A relative COPY destination is resolved against the current working directory. When the Dockerfile never sets " +
    "WORKDIR, that directory comes from the base image (often `/`), so the files' location depends on someone " +
    "else's image and can change when the base image is updated.",
  attack:
    "Mostly a correctness problem: files copied to `/` or another unexpected directory can shadow system files or " +
    "end up outside the directory the application and its permissions were designed for.",
  remediation: "Set the directory explicitly with `WORKDIR /app` before the COPY, or copy to an absolute path.",
  example: {
    insecure: "FROM python:3.12-slim\nCOPY requirements.txt .\n",
    secure: "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\n",
  },
  messages: {
    relative: "COPY destination {{dest}} is relative but no WORKDIR is set before it",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const { dockerfile, stage } = view;
    let workdir = inheritsWorkdir(dockerfile, stage);
    for (const ins of stage.instructions) {
      if (ins.keyword === "WORKDIR") workdir = true;
      if (ins.keyword !== "COPY" || workdir) continue;
      const ops = copyOperands(ins);
      const dest = ops.destination;
      if (!dest || dest.value === "" || isAbsolutePath(dest.value) || startsWithVariable(dest.value)) continue;
      ctx.report({ messageId: "relative", data: { dest: dest.value }, path: dest.path });
    }
  },
});

/** A stage built on an earlier stage of the file (FROM <alias>) keeps that stage's WORKDIR. */
function inheritsWorkdir(dockerfile: Dockerfile, stage: Stage): boolean {
  return stageChain(dockerfile, stage).slice(0, -1).some((s) => s.instructions.some((x) => x.keyword === "WORKDIR"));
}
