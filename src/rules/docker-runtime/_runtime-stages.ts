// Helpers of the docker-runtime rules: the chain of stages an image is built from, what the image starts with
// (CMD/ENTRYPOINT), whether an instruction really is in exec form, and build-variable substitution.
import type { Dockerfile, Instruction, Stage } from "../../model/dockerfile.js";

/** The stage, then the local stage it builds on (`FROM <alias>`), and so on: nearest first. */
export function stageChain(dockerfile: Dockerfile, stage: Stage): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<number>();
  let s: Stage | undefined = stage;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    out.push(s);
    s = s.baseStage !== undefined && s.baseStage < s.index ? dockerfile.stages[s.baseStage] : undefined;
  }
  return out;
}

/** The last instruction with this keyword that the stage's image carries: its own, else inherited from the chain. */
export function lastInChain(dockerfile: Dockerfile, stage: Stage, keyword: string): Instruction | undefined {
  for (const s of stageChain(dockerfile, stage)) {
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
  for (const s of stageChain(dockerfile, stage).reverse()) {
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

/**
 * Build variables visible to an instruction: ENV of the stages the stage builds on and of the stage itself before
 * the instruction, and the stage's ARGs before it (a bare `ARG NAME` takes the global ARG's default). ENV wins over
 * ARG of the same name, as in Docker. A value of undefined means "declared without a known value".
 */
export function variablesAt(dockerfile: Dockerfile, stage: Stage, instruction: Instruction): Map<string, string | undefined> {
  const globals = new Map<string, string | undefined>();
  for (const a of dockerfile.globalArgs) globals.set(a.name, a.value);
  const env = new Map<string, string | undefined>();
  for (const s of stageChain(dockerfile, stage).slice(1).reverse()) {
    for (const ins of s.instructions) if (ins.keyword === "ENV") for (const p of ins.properties) env.set(p.name, p.value);
  }
  const args = new Map<string, string | undefined>();
  for (const ins of stage.instructions) {
    if (ins.index >= instruction.index) break;
    if (ins.keyword === "ENV") for (const p of ins.properties) env.set(p.name, p.value);
    if (ins.keyword === "ARG") for (const p of ins.properties) args.set(p.name, p.value ?? globals.get(p.name));
  }
  const out = new Map(args);
  for (const [k, v] of env) out.set(k, v);
  return out;
}

/** `$X`, `${X}`, `${X:-word}`, `${X-word}`, `${X:+word}`, `${X+word}` replaced; undefined when a value is not known. */
export function substituteVariables(text: string, vars: ReadonlyMap<string, string | undefined>): string | undefined {
  let unknown = false;
  const out = text.replace(/\$\{([A-Za-z_]\w*)(?:(:?)([-+])([^}]*))?\}|\$([A-Za-z_]\w*)/g, (_m, a: string | undefined, colon: string | undefined, op: string | undefined, word: string | undefined, b: string | undefined) => {
    const name = (a ?? b)!;
    const set = vars.has(name) && vars.get(name) !== undefined;
    const v = vars.get(name);
    const nonEmpty = set && v !== "";
    if (op === "+") return (colon ? nonEmpty : set) ? (word ?? "") : "";
    if (op === "-") return (colon ? nonEmpty : set) ? v! : (word ?? "");
    if (!set) unknown = true;
    return v ?? "";
  });
  return unknown ? undefined : out;
}
