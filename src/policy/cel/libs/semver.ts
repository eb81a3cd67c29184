// Kubernetes' semver library: semantic versions (semver 2.0.0) with precedence comparison.
import type { CelLibrary } from "./index.js";
import { celError } from "./util.js";

/** A semantic version as CEL sees it (type name kubernetes.Semver). */
export class Semver {
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string[],
    readonly build: string[],
  ) {}

  celEquals(other: unknown): boolean {
    return other instanceof Semver && compareSemver(this, other) === 0n;
  }

  toString(): string {
    const pre = this.pre.length ? `-${this.pre.join(".")}` : "";
    const build = this.build.length ? `+${this.build.join(".")}` : "";
    return `${this.major}.${this.minor}.${this.patch}${pre}${build}`;
  }
}

export const SEMVER_TYPE = "kubernetes.Semver";

const MAX_UINT64 = 18446744073709551615n;
const NUMERIC = /^(0|[1-9][0-9]*)$/;
const IDENT = /^[0-9A-Za-z-]+$/;

/** Parses strictly (as blang/semver's Parse); with `normalize`, a leading "v", missing minor/patch and leading zeros are accepted. */
export function parseSemver(input: string, normalize = false): Semver | string {
  let s = input;
  if (normalize) {
    if (s.startsWith("v")) s = s.slice(1);
    const core = /^[0-9.]*/.exec(s)![0];
    const parts = core.split(".");
    if (parts.length < 3 && parts.every((p) => p !== "")) {
      while (parts.length < 3) parts.push("0");
      s = parts.join(".") + s.slice(core.length);
    }
  }
  let build: string[] = [];
  const plus = s.indexOf("+");
  if (plus >= 0) {
    build = s.slice(plus + 1).split(".");
    s = s.slice(0, plus);
    if (build.some((b) => !IDENT.test(b))) return `invalid build metadata in ${JSON.stringify(input)}`;
  }
  let pre: string[] = [];
  const dash = s.indexOf("-");
  if (dash >= 0) {
    pre = s.slice(dash + 1).split(".");
    s = s.slice(0, dash);
    for (const p of pre) {
      if (!IDENT.test(p)) return `invalid prerelease ${JSON.stringify(p)} in ${JSON.stringify(input)}`;
      if (/^[0-9]+$/.test(p) && !NUMERIC.test(p)) return `prerelease ${JSON.stringify(p)} has a leading zero`;
    }
  }
  const core = s.split(".");
  if (core.length !== 3) return `${JSON.stringify(input)} is not MAJOR.MINOR.PATCH`;
  const nums: bigint[] = [];
  for (let p of core) {
    if (normalize && /^[0-9]+$/.test(p)) p = p.replace(/^0+(?=[0-9])/, "");
    if (!NUMERIC.test(p)) return `invalid version number ${JSON.stringify(p)} in ${JSON.stringify(input)}`;
    const n = BigInt(p);
    if (n > MAX_UINT64) return `version number ${p} is too large`;
    nums.push(n);
  }
  return new Semver(nums[0]!, nums[1]!, nums[2]!, pre, build);
}

function cmp(a: bigint, b: bigint): bigint {
  return a < b ? -1n : a > b ? 1n : 0n;
}

/** Semver 2.0.0 precedence: -1, 0 or 1 (build metadata ignored). */
export function compareSemver(a: Semver, b: Semver): bigint {
  const core = cmp(a.major, b.major) || cmp(a.minor, b.minor) || cmp(a.patch, b.patch);
  if (core !== 0n) return core;
  if (a.pre.length === 0 || b.pre.length === 0) return cmp(BigInt(b.pre.length), BigInt(a.pre.length));
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i]!;
    const y = b.pre[i]!;
    const xn = /^[0-9]+$/.test(x);
    const yn = /^[0-9]+$/.test(y);
    let c: bigint;
    if (xn && yn) c = cmp(BigInt(x), BigInt(y));
    else if (xn || yn) c = xn ? -1n : 1n;
    else c = x < y ? -1n : x > y ? 1n : 0n;
    if (c !== 0n) return c;
  }
  return cmp(BigInt(a.pre.length), BigInt(b.pre.length));
}

function semver(s: string, normalize = false): Semver {
  const v = parseSemver(s, normalize);
  if (typeof v === "string") throw celError("invalid_argument", `invalid semver: ${v}`);
  return v;
}

const toInt = (n: bigint): bigint => {
  if (n > 9223372036854775807n) throw celError("numeric_overflow", `version number ${n} does not fit in an int`);
  return n;
};

export const semverLibrary: CelLibrary = {
  name: "semver",
  summary: "Semantic versions (semver 2.0.0): parse, read parts and compare by precedence.",
  functions: [
    "semver(string) -> Semver",
    "semver(string, bool) -> Semver (true: normalize \"v1.2\" to 1.2.0)",
    "isSemver(string) -> bool",
    "isSemver(string, bool) -> bool",
    "Semver.major() -> int",
    "Semver.minor() -> int",
    "Semver.patch() -> int",
    "Semver.compareTo(Semver) -> int",
    "Semver.isGreaterThan(Semver) -> bool",
    "Semver.isLessThan(Semver) -> bool",
    "Semver == Semver (by precedence, build metadata ignored)",
  ],
  gaps: [],
  register(env) {
    const S = SEMVER_TYPE;
    env.registerType(S, Semver);
    env.registerFunction(`semver(string): ${S}`, (s: string) => semver(s));
    env.registerFunction(`semver(string, bool): ${S}`, semver);
    env.registerFunction("isSemver(string): bool", (s: string) => typeof parseSemver(s) !== "string");
    env.registerFunction("isSemver(string, bool): bool", (s: string, n: boolean) => typeof parseSemver(s, n) !== "string");
    env.registerFunction(`${S}.major(): int`, (v: Semver) => toInt(v.major));
    env.registerFunction(`${S}.minor(): int`, (v: Semver) => toInt(v.minor));
    env.registerFunction(`${S}.patch(): int`, (v: Semver) => toInt(v.patch));
    env.registerFunction(`${S}.compareTo(${S}): int`, compareSemver);
    env.registerFunction(`${S}.isGreaterThan(${S}): bool`, (a: Semver, b: Semver) => compareSemver(a, b) > 0n);
    env.registerFunction(`${S}.isLessThan(${S}): bool`, (a: Semver, b: Semver) => compareSemver(a, b) < 0n);
    env.registerOperator(`${S} == ${S}`, (a: Semver, b: Semver) => compareSemver(a, b) === 0n);
  },
};
