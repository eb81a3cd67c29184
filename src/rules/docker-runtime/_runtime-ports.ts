// EXPOSE words as ports: `22`, `22/tcp`, `8000-8010/udp`, `${PORT}` (build variables substituted when their value is
// known from ARG/ENV defaults), quotes removed.
import type { DockerWord, Dockerfile, Instruction, Stage } from "../../model/dockerfile.js";
import { type Variables, expandVariables, unquote, variablesAt } from "../../model/dockerfile-queries.js";

export interface ExposedPort {
  word: DockerWord;
  /** The word as written. */
  written: string;
  /** After variable substitution. */
  resolved: string;
  from: number;
  to: number;
  /** The numbers as written (a huge number stays readable). */
  fromText: string;
  toText: string;
  protocol: string;
}

const PORT = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/;

/** The ports an EXPOSE lists; words whose value is unknown (a variable without default) or not a port are skipped. */
export function exposedPorts(dockerfile: Dockerfile, stage: Stage, ins: Instruction): ExposedPort[] {
  if (ins.keyword !== "EXPOSE") return [];
  let vars: Variables | undefined;
  const out: ExposedPort[] = [];
  for (const word of ins.words) {
    const written = unquote(word.value);
    let resolved: string | undefined = written;
    if (written.includes("$")) {
      vars ??= variablesAt(dockerfile, stage, ins);
      resolved = expandVariables(written, vars);
    }
    if (resolved === undefined) continue;
    // A variable may hold several ports (`ENV PORTS="80 443"`).
    for (const part of unquote(resolved.trim()).split(/\s+/)) {
      const m = PORT.exec(part);
      if (!m) continue;
      const from = Number(m[1]);
      const to = m[2] === undefined ? from : Number(m[2]);
      out.push({ word, written, resolved: part, from, to, fromText: m[1]!, toText: m[2] ?? m[1]!, protocol: (m[3] ?? "tcp").toLowerCase() });
    }
  }
  return out;
}
