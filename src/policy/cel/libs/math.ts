// The CEL math extension: greatest/least, rounding, abs, sign and the double predicates.
import type { CelLibrary } from "./index.js";
import { MIN_INT64, celError, isList, listItems, numericValue, registerNamespace } from "./util.js";

type Uint = { valueOf(): bigint; constructor: new (v: bigint) => Uint };

function isUint(v: unknown): v is Uint {
  return typeof v === "object" && v !== null && v.constructor?.name === "UnsignedInt";
}

function extreme(name: string, args: unknown[], wantGreater: boolean): unknown {
  let values = args;
  if (args.length === 1 && isList(args[0])) {
    values = listItems(args[0]);
    if (values.length === 0) throw celError("invalid_argument", `math.${name}(list) argument must not be empty`);
  }
  let best: unknown;
  let bestValue: bigint | number | undefined;
  for (const v of values) {
    const n = numericValue(v);
    if (n === undefined) throw celError("invalid_argument", `math.${name}() arguments must be numbers (int, uint or double)`);
    if (Number.isNaN(n)) return v;
    if (bestValue === undefined || (wantGreater ? n > bestValue : n < bestValue)) {
      best = v;
      bestValue = n;
    }
  }
  return best;
}

function abs(v: unknown): unknown {
  if (typeof v === "bigint") {
    if (v === MIN_INT64) throw celError("numeric_overflow", "math.abs() overflow: the absolute value does not fit in an int");
    return v < 0n ? -v : v;
  }
  if (typeof v === "number") return Math.abs(v);
  if (isUint(v)) return v;
  throw celError("no_such_overload", "math.abs() argument must be int, uint or double");
}

function sign(v: unknown): unknown {
  if (typeof v === "bigint") return v > 0n ? 1n : v < 0n ? -1n : 0n;
  if (typeof v === "number") return Number.isNaN(v) ? v : v > 0 ? 1 : v < 0 ? -1 : 0;
  if (isUint(v)) return new v.constructor(v.valueOf() > 0n ? 1n : 0n);
  throw celError("no_such_overload", "math.sign() argument must be int, uint or double");
}

/** Rounds half away from zero (Go's math.Round). */
function round(d: number): number {
  if (!Number.isFinite(d)) return d;
  const r = Math.sign(d) * Math.round(Math.abs(d));
  return Object.is(r, -0) || (r === 0 && d < 0) ? -0 : r;
}

export const mathLibrary: CelLibrary = {
  name: "math",
  summary: "The CEL math extension: greatest, least, rounding, abs, sign and NaN/infinity tests.",
  functions: [
    "math.greatest(number, ...) -> number (1 to 6 arguments)",
    "math.greatest(list<number>) -> number",
    "math.least(number, ...) -> number (1 to 6 arguments)",
    "math.least(list<number>) -> number",
    "math.ceil(double) -> double",
    "math.floor(double) -> double",
    "math.round(double) -> double",
    "math.trunc(double) -> double",
    "math.abs(int|uint|double) -> same type",
    "math.sign(int|uint|double) -> same type",
    "math.isNaN(double) -> bool",
    "math.isInf(double) -> bool",
    "math.isFinite(double) -> bool",
  ],
  gaps: [
    "math.greatest/least take at most 6 separate arguments (any number in a list), and are checked at evaluation rather than at compile time.",
    "The bit operations and sqrt of later math extension versions are not provided.",
  ],
  register(env) {
    const ns = registerNamespace(env, "math", "MathNamespace");
    for (const [name, greater] of [
      ["greatest", true],
      ["least", false],
    ] as const) {
      for (let n = 1; n <= 6; n++) {
        const params = new Array(n).fill("dyn").join(", ");
        env.registerFunction(`${ns}.${name}(${params}): dyn`, (_ns: unknown, ...args: unknown[]) => extreme(name, args, greater));
      }
    }
    env.registerFunction(`${ns}.ceil(double): double`, (_ns: unknown, d: number) => Math.ceil(d));
    env.registerFunction(`${ns}.floor(double): double`, (_ns: unknown, d: number) => Math.floor(d));
    env.registerFunction(`${ns}.round(double): double`, (_ns: unknown, d: number) => round(d));
    env.registerFunction(`${ns}.trunc(double): double`, (_ns: unknown, d: number) => Math.trunc(d));
    env.registerFunction(`${ns}.abs(int): int`, (_ns: unknown, v: bigint) => abs(v));
    env.registerFunction(`${ns}.abs(uint): uint`, (_ns: unknown, v: unknown) => abs(v));
    env.registerFunction(`${ns}.abs(double): double`, (_ns: unknown, v: number) => abs(v));
    env.registerFunction(`${ns}.sign(int): int`, (_ns: unknown, v: bigint) => sign(v));
    env.registerFunction(`${ns}.sign(uint): uint`, (_ns: unknown, v: unknown) => sign(v));
    env.registerFunction(`${ns}.sign(double): double`, (_ns: unknown, v: number) => sign(v));
    env.registerFunction(`${ns}.isNaN(double): bool`, (_ns: unknown, d: number) => Number.isNaN(d));
    env.registerFunction(`${ns}.isInf(double): bool`, (_ns: unknown, d: number) => d === Number.POSITIVE_INFINITY || d === Number.NEGATIVE_INFINITY);
    env.registerFunction(`${ns}.isFinite(double): bool`, (_ns: unknown, d: number) => Number.isFinite(d));
  },
};
