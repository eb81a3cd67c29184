import { defineRule } from "../../engine/rule-types.js";
import { instructionsOf } from "../../model/dockerfile.js";

// Every stage. In `ENV A=1 B=$A`, Docker expands every value with the variables as they were before the instruction,
// so B does not get "1". Reported: a value referring (`$X`, `${X}`, `${X:-…}`; not escaped, not in single quotes) to a
// name that an earlier pair of the same ENV sets. A pair that refers to its own name (`PATH=/x:$PATH`) is the normal
// way to extend a variable and is not reported. The legacy form `ENV NAME value` sets a single variable.
export default defineRule({
  id: "docker-env-self-reference",
  title: "ENV uses a variable set earlier in the same instruction",
  rationale:
    "Docker substitutes variables in an ENV instruction using the values from before that instruction. In " +
    "`ENV APP_HOME=/app APP_BIN=$APP_HOME/bin`, APP_BIN is built from the old (often empty) APP_HOME, so it silently " +
    "becomes `/bin` rather than `/app/bin`.",
  attack:
    "No attacker is needed: a PATH or library path that silently points somewhere else can make the container run " +
    "a different binary than intended, or load files from a directory other users can write to.",
  remediation: "Split the instruction: set the variable in one ENV, then use it in a following ENV.",
  example: {
    insecure: "FROM debian:12.5\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin\n",
    secure: "FROM debian:12.5\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin\n",
  },
  messages: {
    sameEnv: "ENV {{name}} uses ${{ref}}, which this ENV sets itself: it expands to the value from before this instruction",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const escape = view.dockerfile.escape;
    for (const ins of instructionsOf(view.stage, "ENV")) {
      const pairs = envPairs(ins.args, escape);
      if (pairs.length < 2) continue;
      const aligned = pairs.length === ins.properties.length && pairs.every((p, i) => p.name === ins.properties[i]!.name);
      const earlier = new Set<string>();
      pairs.forEach((pair, i) => {
        const ref = pair.refs.find((r) => earlier.has(r));
        if (ref) {
          const path = aligned ? ins.properties[i]!.path : ins.path;
          ctx.report({ messageId: "sameEnv", data: { name: pair.name, ref }, path });
        }
        earlier.add(pair.name);
      });
    }
  },
});

interface EnvPair {
  name: string;
  /** Variables the value refers to. */
  refs: string[];
}

/** The `name=value` pairs of ENV's arguments, split as Docker splits them (quotes and escapes kept together). */
function envPairs(args: string, escape: string): EnvPair[] {
  const words: string[] = [];
  let cur = "";
  let quote: string | undefined;
  let inWord = false;
  for (let i = 0; i < args.length; i++) {
    const c = args[i]!;
    if (quote === undefined && /\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = "";
      inWord = false;
      continue;
    }
    inWord = true;
    if (c === escape && quote !== "'" && i + 1 < args.length) {
      cur += c + args[i + 1]!;
      i++;
      continue;
    }
    if (quote === undefined && (c === '"' || c === "'")) quote = c;
    else if (c === quote) quote = undefined;
    cur += c;
  }
  if (inWord) words.push(cur);
  if (words.length === 0 || !/^[^=]+=/.test(words[0]!)) return []; // legacy `ENV NAME value`: one variable
  const out: EnvPair[] = [];
  for (const w of words) {
    const eq = w.indexOf("=");
    if (eq <= 0) continue;
    out.push({ name: w.slice(0, eq), refs: references(w.slice(eq + 1), escape) });
  }
  return out;
}

/** Names referred to by `$X` / `${X…}` outside single quotes and not escaped. */
function references(value: string, escape: string): string[] {
  const refs: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === escape && quote !== "'") {
      i++;
      continue;
    }
    if (quote === undefined && (c === '"' || c === "'")) {
      quote = c;
      continue;
    }
    if (c === quote) {
      quote = undefined;
      continue;
    }
    if (c !== "$" || quote === "'") continue;
    const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/.exec(value.slice(i));
    if (m) refs.push((m[1] ?? m[2])!);
  }
  return refs;
}
