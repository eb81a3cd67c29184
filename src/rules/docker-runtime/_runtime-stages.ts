// Helpers of the docker-runtime rules: what the image of a stage inherits through its stage chain (the last
// HEALTHCHECK, the CMD/ENTRYPOINT it starts with) and whether an instruction really is in exec form.
import type { Dockerfile, Instruction, Stage } from "../../model/dockerfile.js";
import { stageChain } from "../../model/dockerfile-queries.js";

/** The last instruction with this keyword that the stage's image carries: its own, else inherited from the chain. */
export function lastInChain(dockerfile: Dockerfile, stage: Stage, keyword: string): Instruction | undefined {
  for (const s of stageChain(dockerfile, stage).reverse()) {
    const own = s.instructions.filter((i) => i.keyword === keyword);
    if (own.length > 0) return own[own.length - 1];
  }
  return undefined;
}

/**
 * The CMD and ENTRYPOINT the image of a stage starts with. Within the chain the last of each wins; a stage that sets
 * ENTRYPOINT resets a CMD inherited from the stage it builds on (Docker's documented behaviour), but keeps its own.
 */
export function effectiveStartup(dockerfile: Dockerfile, stage: Stage): { cmd: Instruction | undefined; entrypoint: Instruction | undefined } {
  let cmd: Instruction | undefined;
  let entrypoint: Instruction | undefined;
  for (const s of stageChain(dockerfile, stage)) {
    const ownCmd = s.instructions.filter((i) => i.keyword === "CMD").pop();
    const ownEp = s.instructions.filter((i) => i.keyword === "ENTRYPOINT").pop();
    if (ownEp) {
      entrypoint = ownEp;
      cmd = ownCmd;
    } else if (ownCmd) {
      cmd = ownCmd;
    }
  }
  return { cmd, entrypoint };
}

/**
 * The form Docker gives CMD/ENTRYPOINT/RUN: "exec" only when the arguments are a JSON array of strings. Anything else
 * that starts with `[` (`['app']`, `["app", 1]`, a trailing word) is run by the shell: "broken-exec".
 */
export function commandForm(ins: Instruction): "exec" | "shell" | "broken-exec" {
  const text = ins.args.trim();
  if (!text.startsWith("[")) return ins.form === "exec" && ins.exec !== undefined ? "exec" : "shell";
  try {
    const v: unknown = JSON.parse(text);
    if (Array.isArray(v) && v.every((x) => typeof x === "string")) return "exec";
  } catch {
    // not JSON
  }
  return "broken-exec";
}

/** HEALTHCHECK NONE: disables any health check, including one inherited from the base image. */
export function isHealthcheckNone(ins: Instruction): boolean {
  return ins.keyword === "HEALTHCHECK" && ins.words[0]?.value.toUpperCase() === "NONE";
}
