// Shared by the WORKDIR / COPY hygiene rules: path classification and normalisation, what `COPY --from=<x>` names,
// and whether a stage starts from scratch. COPY/ADD operands and build variables are queries of the model
// (src/model/dockerfile-queries.ts).
import type { Dockerfile, DockerFlag, Instruction, Stage } from "../../model/dockerfile.js";
import { expandVariables, globalVariables, rootImage, unquote } from "../../model/dockerfile-queries.js";

/** `/x`, `\x`, `C:\x`, `c:/x`: absolute on Linux or Windows. */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith("/") || p.startsWith("\\") || /^[A-Za-z]:([\\/]|$)/.test(p);
}

/** Starts with a variable (`$HOME/app`, `${DIR}`): its value is only known at build time. */
export function startsWithVariable(p: string): boolean {
  return p.startsWith("$");
}

/** Ends with a variable reference (`/app/$NAME`, `${DEST}`): whether it ends with a slash is not known. */
export function endsWithVariable(p: string): boolean {
  return /\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)$/.test(p);
}

/** Docker treats the destination as a directory: a trailing slash (or backslash), or `.` / `..`. */
export function isDirectoryPath(p: string): boolean {
  return /[\\/]$/.test(p) || /(^|[\\/])\.\.?$/.test(p);
}

/** Normalises a POSIX path: joins it to `cwd` when relative, resolves `.` and `..`, drops duplicate slashes. */
export function normalizePosix(p: string, cwd = "/"): string {
  const full = p.startsWith("/") ? p : `${cwd.replace(/\/+$/, "")}/${p}`;
  const out: string[] = [];
  for (const part of full.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return `/${out.join("/")}`;
}

export type CopySource =
  | { kind: "stage"; index: number }
  | { kind: "image"; ref: string }
  | { kind: "unknown" }
  | { kind: "undefined"; name: string };

/**
 * What `COPY --from=<value>` names: a stage of the file (alias, case-insensitive, anywhere in the file as BuildKit
 * allows; or a stage index), an image reference (holds `/`, `:` or `@`), a value only known at build time
 * (a variable without a default), or a name that is none of these.
 */
export function copySource(dockerfile: Dockerfile, value: string): CopySource {
  let v = unquote(value);
  if (v.includes("$")) {
    const expanded = expandVariables(v, globalVariables(dockerfile));
    if (expanded === undefined || expanded === "") return { kind: "unknown" };
    v = expanded;
  }
  const byAlias = dockerfile.stages.find((s) => s.alias !== undefined && s.alias.toLowerCase() === v.toLowerCase());
  if (byAlias) return { kind: "stage", index: byAlias.index };
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return n < dockerfile.stages.length ? { kind: "stage", index: n } : { kind: "undefined", name: v };
  }
  if (/[/:@]/.test(v)) return { kind: "image", ref: v };
  return { kind: "undefined", name: v };
}

/** Each `COPY --from=<value>` of a stage, with what the value names. */
export function* copiesFrom(dockerfile: Dockerfile, stage: Stage): Generator<{ instruction: Instruction; flag: DockerFlag & { value: string }; source: CopySource }> {
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== "COPY") continue;
    const flag = instruction.flags.find((f) => f.name === "from");
    if (!flag?.value) continue;
    yield { instruction, flag: { ...flag, value: flag.value }, source: copySource(dockerfile, flag.value) };
  }
}

/** The stage's base chain starts `FROM scratch`: it holds only what the Dockerfile put there. */
export function builtFromScratch(dockerfile: Dockerfile, index: number): boolean {
  const stage = dockerfile.stages[index];
  return stage !== undefined && rootImage(dockerfile, stage).toLowerCase() === "scratch";
}
