// Kubernetes' regex library: find and findAll. CEL uses RE2; patterns are translated to JavaScript
// RegExp (with the `u` flag) and RE2-incompatible constructs are rejected.
import type { CelLibrary } from "./index.js";
import { celError, toIndex } from "./util.js";

const SYNTAX_CHARS = new Set([..."^$\\.*+?()[]{}|/"]);
const POSIX_CLASSES: Record<string, string> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7F",
  blank: "\\t ",
  cntrl: "\\x00-\\x1F\\x7F",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

function invalid(pattern: string, why: string): Error {
  return celError("invalid_regular_expression", `invalid regular expression ${JSON.stringify(pattern)}: ${why}`);
}

/** Translates an RE2 pattern to a JavaScript RegExp source and flags. */
export function translateRe2(pattern: string): { source: string; flags: string } {
  let flags = "gu";
  let i = 0;
  // Leading flag group (?ims) applies to the whole pattern.
  const lead = /^\(\?([imsU]+)\)/.exec(pattern);
  if (lead) {
    for (const f of lead[1]!) {
      if (f === "U") throw invalid(pattern, "the ungreedy flag (?U) is not supported");
      if (!flags.includes(f)) flags += f;
    }
    i = lead[0].length;
  }
  let out = "";
  let inClass = false;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "\\") {
      const n = pattern[i + 1];
      if (n === undefined) throw invalid(pattern, "trailing backslash");
      if (/[1-9]/.test(n)) throw invalid(pattern, "backreferences are not supported by RE2");
      if (n === "k" && !inClass) throw invalid(pattern, "named backreferences are not supported by RE2");
      if (n === "A" && !inClass) {
        out += "(?<![\\s\\S])";
        i += 2;
        continue;
      }
      if (n === "z" && !inClass) {
        out += "(?![\\s\\S])";
        i += 2;
        continue;
      }
      if (n === "Q") {
        const end = pattern.indexOf("\\E", i + 2);
        const literal = pattern.slice(i + 2, end < 0 ? undefined : end);
        out += [...literal].map((ch) => (SYNTAX_CHARS.has(ch) || ch === "-" ? `\\${ch}` : ch)).join("");
        i = end < 0 ? pattern.length : end + 2;
        continue;
      }
      if (n === "x" && pattern[i + 2] === "{") {
        // RE2's \x{10FFFF} is \u{10FFFF} in JavaScript.
        out += "\\u";
        i += 2;
        continue;
      }
      if ((n === "p" || n === "P") && pattern[i + 2] !== "{") {
        const cls = pattern[i + 2];
        if (cls === undefined) throw invalid(pattern, "missing Unicode class name");
        out += `\\${n}{${cls}}`;
        i += 3;
        continue;
      }
      if (/[0-9A-Za-z]/.test(n)) {
        if (n === "C") throw invalid(pattern, "\\C is not supported");
        out += c + n;
      } else if (SYNTAX_CHARS.has(n) || (inClass && n === "-")) {
        out += c + n;
      } else {
        // RE2 allows escaping any punctuation; JavaScript's `u` mode only a few.
        out += n;
      }
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === "[" && pattern[i + 1] === ":") {
        const end = pattern.indexOf(":]", i + 2);
        const name = end < 0 ? "" : pattern.slice(i + 2, end);
        const negated = name.startsWith("^");
        const cls = POSIX_CLASSES[negated ? name.slice(1) : name];
        if (cls === undefined || negated) throw invalid(pattern, `unsupported character class [:${name}:]`);
        out += cls;
        i = end + 2;
        continue;
      }
      if (c === "[") {
        out += "\\[";
        i++;
        continue;
      }
      if (c === "]") inClass = false;
      out += c;
      i++;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      i++;
      if (pattern[i] === "^") {
        out += "^";
        i++;
      }
      if (pattern[i] === "]") {
        // A ] right after [ or [^ is a literal in RE2.
        out += "\\]";
        i++;
      }
      continue;
    }
    if (c === "(" && pattern[i + 1] === "?") {
      const rest = pattern.slice(i + 2);
      if (/^(=|!|<=|<!)/.test(rest)) throw invalid(pattern, "lookaround assertions are not supported by RE2");
      if (rest.startsWith("P<")) {
        out += "(?<";
        i += 4;
        continue;
      }
      if (/^[imsU-]+[:)]/.test(rest)) throw invalid(pattern, "inline flags are only supported at the start of the pattern");
    }
    out += c;
    i++;
  }
  if (inClass) throw invalid(pattern, "missing closing ]");
  return { source: out, flags };
}

const cache = new Map<string, RegExp>();

export function compileRe2(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re) return re;
  const { source, flags } = translateRe2(pattern);
  try {
    re = new RegExp(source, flags);
  } catch (e) {
    throw invalid(pattern, (e as Error).message);
  }
  if (cache.size > 500) cache.clear();
  cache.set(pattern, re);
  return re;
}

/** Successive non-overlapping matches, as Go's FindAllString (empty matches right after a match are skipped). */
function findAll(s: string, pattern: string, limit: bigint): string[] {
  const re = compileRe2(pattern);
  const max = limit < 0n ? Number.POSITIVE_INFINITY : toIndex(limit, "findAll limit");
  const out: string[] = [];
  let prevEnd = -1;
  for (const m of s.matchAll(re)) {
    if (out.length >= max) break;
    if (m[0] === "" && m.index === prevEnd) continue;
    out.push(m[0]);
    prevEnd = m.index + m[0].length;
  }
  return out;
}

export const regexLibrary: CelLibrary = {
  name: "regex",
  summary: "Regular expression search in strings: the first match or all matches.",
  functions: [
    "string.find(string) -> string",
    "string.findAll(string) -> list<string>",
    "string.findAll(string, int) -> list<string>",
  ],
  gaps: [
    "Patterns run on JavaScript's RegExp (Unicode mode) after translation from RE2 syntax; backreferences and lookaround are rejected as RE2 does, but RE2's linear-time guarantee does not hold.",
    "Inline flags are supported only at the start of a pattern ((?i)...), and (?U) not at all.",
    "Negated POSIX classes ([[:^alpha:]]) are rejected.",
  ],
  register(env) {
    env.registerFunction("string.find(string): string", (s: string, pattern: string) => findAll(s, pattern, 1n)[0] ?? "");
    env.registerFunction("string.findAll(string): list<string>", (s: string, pattern: string) => findAll(s, pattern, -1n));
    env.registerFunction("string.findAll(string, int): list<string>", findAll);
  },
};
