// The CEL strings extension as Kubernetes enables it (cel-go ext.Strings), minus what cel-js already has.
import type { CelLibrary } from "./index.js";
import { celError, isList, listItems, numericValue, registerNamespace, toIndex } from "./util.js";

function codePoints(s: string): string[] {
  return [...s];
}

function charAt(s: string, index: bigint): string {
  const cps = codePoints(s);
  const i = toIndex(index, "charAt index");
  if (i < 0 || i > cps.length) throw celError("index_out_of_range", `charAt: index out of range: ${index}`);
  return cps[i] ?? "";
}

function replace(s: string, from: string, to: string, limit: bigint): string {
  if (limit === 0n) return s;
  let remaining = limit < 0n ? Number.POSITIVE_INFINITY : Number(limit);
  if (from === "") {
    // Go's strings.Replace with an empty old string inserts `to` before every code point and at the end.
    const cps = codePoints(s);
    let out = "";
    for (let i = 0; i <= cps.length; i++) {
      if (remaining > 0) {
        out += to;
        remaining--;
      }
      out += cps[i] ?? "";
    }
    return out;
  }
  let out = "";
  let pos = 0;
  while (remaining > 0) {
    const at = s.indexOf(from, pos);
    if (at < 0) break;
    out += s.slice(pos, at) + to;
    pos = at + from.length;
    remaining--;
  }
  return out + s.slice(pos);
}

const QUOTE_ESCAPES: Record<string, string> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  "\\": "\\\\",
  '"': '\\"',
};

/** strings.quote: a CEL string literal denoting s. */
export function quote(s: string): string {
  let out = '"';
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    if (QUOTE_ESCAPES[c] !== undefined) out += QUOTE_ESCAPES[c];
    else if (cp >= 0xd800 && cp <= 0xdfff) out += "\ufffd"; // lone surrogate: invalid UTF-8 in Go
    else out += c;
  }
  return `${out}"`;
}

function formatDouble(d: number): string {
  if (Number.isNaN(d)) return "NaN";
  if (d === Number.POSITIVE_INFINITY) return "+Inf";
  if (d === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(d);
}

function isMapValue(v: unknown): v is Map<unknown, unknown> | Record<string, unknown> {
  if (v instanceof Map) return true;
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** %s of one value; `nested` is true inside lists and maps, where strings are quoted. */
function formatString(v: unknown, nested: boolean): string {
  if (v === null) return "null";
  if (typeof v === "string") return nested ? quote(v) : v;
  if (typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (typeof v === "number") return formatDouble(v);
  if (numericValue(v) !== undefined) return nested ? `${numericValue(v)}u` : String(numericValue(v));
  if (v instanceof Uint8Array) {
    const text = new TextDecoder().decode(v);
    return nested ? `b${quote(text)}` : text;
  }
  if (v instanceof Date) {
    const text = v.toISOString().replace(/\.000Z$/, "Z");
    return nested ? `timestamp(${quote(text)})` : text;
  }
  if (isList(v)) return `[${listItems(v).map((x) => formatString(x, true)).join(", ")}]`;
  if (isMapValue(v)) {
    const entries = (v instanceof Map ? [...v.entries()] : Object.entries(v)).map(
      ([k, x]) => [formatString(k, true), formatString(x, true)] as const,
    );
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return `{${entries.map(([k, x]) => `${k}: ${x}`).join(", ")}}`;
  }
  if (typeof v === "object" && v.constructor?.name === "Duration") {
    const text = String(v);
    return nested ? `duration(${quote(text)})` : text;
  }
  if (typeof v === "object" && v.constructor?.name === "Type") return (v as { name: string }).name;
  if (typeof (v as { toString?: unknown }).toString === "function") return String(v);
  throw celError("invalid_argument", "format: cannot format value as a string");
}

function asFloat(v: unknown, clause: string): number {
  const n = numericValue(v);
  if (n === undefined) {
    throw celError("invalid_argument", `format: ${clause} clause can only be used on numbers`);
  }
  return Number(n);
}

function formatFixed(d: number, precision: number): string {
  if (Number.isNaN(d)) return "NaN";
  if (!Number.isFinite(d)) return d > 0 ? "Infinity" : "-Infinity";
  if (precision <= 100) return d.toFixed(precision);
  return d.toFixed(100) + "0".repeat(precision - 100);
}

function formatScientific(d: number, precision: number): string {
  if (Number.isNaN(d)) return "NaN";
  if (!Number.isFinite(d)) return d > 0 ? "Infinity" : "-Infinity";
  const s = d.toExponential(Math.min(precision, 100));
  // JS writes 1.5e+3; Go writes at least two exponent digits: 1.5e+03.
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}

function integerOf(v: unknown, clause: string): bigint {
  if (typeof v === "bigint") return v;
  const n = numericValue(v);
  if (typeof n === "bigint") return n; // uint
  throw celError("invalid_argument", `format: ${clause} clause can only be used on integers, got ${typeof v}`);
}

function formatRadix(v: unknown, radix: number, clause: string, upper: boolean): string {
  if (radix === 16 && typeof v === "string") v = new TextEncoder().encode(v);
  if (radix === 16 && v instanceof Uint8Array) {
    const hex = [...v].map((b) => b.toString(16).padStart(2, "0")).join("");
    return upper ? hex.toUpperCase() : hex;
  }
  if (radix === 2 && typeof v === "boolean") return v ? "1" : "0";
  const n = integerOf(v, clause);
  const text = n.toString(radix);
  return upper ? text.toUpperCase() : text;
}

/** The strings extension's `format`: %s %d %f %e %x %X %o %b, precision as in %.2f, %% for a percent sign. */
export function format(template: string, args: unknown[]): string {
  let out = "";
  let argIndex = 0;
  let i = 0;
  const next = (): unknown => {
    if (argIndex >= args.length) {
      throw celError("invalid_argument", `format: index ${argIndex} out of range`);
    }
    return args[argIndex++];
  };
  while (i < template.length) {
    const c = template[i]!;
    if (c !== "%") {
      out += c;
      i++;
      continue;
    }
    i++;
    if (template[i] === "%") {
      out += "%";
      i++;
      continue;
    }
    let precision: number | undefined;
    if (template[i] === ".") {
      i++;
      const start = i;
      while (i < template.length && /[0-9]/.test(template[i]!)) i++;
      if (i === start) throw celError("invalid_argument", "format: could not parse precision");
      precision = Number(template.slice(start, i));
    }
    const verb = template[i];
    if (verb === undefined) throw celError("invalid_argument", "format: unterminated formatting clause");
    i++;
    switch (verb) {
      case "s":
        out += formatString(next(), false);
        break;
      case "d": {
        const v = next();
        if (typeof v === "number") {
          if (!Number.isFinite(v)) out += formatDouble(v);
          else if (Number.isInteger(v)) out += BigInt(v).toString();
          else throw celError("invalid_argument", "format: decimal clause can only be used on integers");
        } else {
          out += integerOf(v, "decimal").toString();
        }
        break;
      }
      case "f":
        out += formatFixed(asFloat(next(), "fixed-point"), precision ?? 6);
        break;
      case "e":
        out += formatScientific(asFloat(next(), "scientific"), precision ?? 6);
        break;
      case "x":
      case "X": {
        const v = next();
        if (typeof v === "number") {
          throw celError("invalid_argument", "format: hex clause can only be used on integers, strings and bytes");
        }
        out += formatRadix(v, 16, "hex", verb === "X");
        break;
      }
      case "o":
        out += formatRadix(next(), 8, "octal", false);
        break;
      case "b":
        out += formatRadix(next(), 2, "binary", false);
        break;
      default:
        throw celError("invalid_argument", `format: unrecognized formatting clause "%${verb}"`);
    }
  }
  return out;
}

export const stringsLibrary: CelLibrary = {
  name: "strings",
  summary: "The CEL strings extension: charAt, replace, reverse, format and strings.quote.",
  functions: [
    "string.charAt(int) -> string",
    "string.replace(string, string) -> string",
    "string.replace(string, string, int) -> string",
    "string.reverse() -> string",
    "string.format(list) -> string",
    "strings.quote(string) -> string",
    "(built into cel-js) string.upperAscii(), string.lowerAscii(), string.split(string[, int]), string.indexOf(string[, int]), string.lastIndexOf(string[, int]), string.substring(int[, int]), string.trim(), list<string>.join([string])",
  ],
  gaps: [
    "indexOf, lastIndexOf, substring and split come from cel-js and count UTF-16 code units, not code points, for characters outside the Basic Multilingual Plane.",
    "upperAscii and lowerAscii come from cel-js and also change non-ASCII letters.",
    "format: %s of doubles uses JavaScript's number formatting (1e21 is written 1e+21, 1e20 in full).",
  ],
  register(env) {
    env.registerFunction("string.charAt(int): string", charAt);
    env.registerFunction("string.replace(string, string): string", (s: string, a: string, b: string) =>
      replace(s, a, b, -1n),
    );
    env.registerFunction("string.replace(string, string, int): string", replace);
    env.registerFunction("string.reverse(): string", (s: string) => codePoints(s).reverse().join(""));
    env.registerFunction("string.format(list): string", (s: string, args: unknown) => format(s, listItems(args)));
    const ns = registerNamespace(env, "strings", "StringsNamespace");
    env.registerFunction(`${ns}.quote(string): string`, (_ns: unknown, s: string) => quote(s));
  },
};
