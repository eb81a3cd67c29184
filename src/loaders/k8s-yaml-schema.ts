import type { ScalarTag, Tags } from "yaml";

/**
 * Scalar resolution as Kubernetes reads YAML (go-yaml v2 beneath sigs.k8s.io/yaml), not YAML 1.2:
 * - YAML 1.1 booleans: y/yes/on/true and n/no/off/false in their three spellings, so that
 *   `privileged: yes` is the boolean the API server would store, not a harmless string;
 * - integers as Go's strconv.ParseInt(s, 0, 64) after removing underscores: decimal, 0x, 0o, 0b and
 *   leading-zero octal (017 is 15);
 * - no sexagesimal numbers (22:22 stays a string) and no timestamps (dates stay strings),
 *   unlike the `yaml` library's own 1.1 mode.
 */
export const boolTrue = ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"];
const boolFalse = ["n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"];

const k8sBool: ScalarTag = {
  tag: "tag:yaml.org,2002:bool",
  default: true,
  identify: (v) => typeof v === "boolean",
  test: new RegExp(`^(?:${[...boolTrue, ...boolFalse].join("|")})$`),
  resolve: (str) => boolTrue.includes(str),
};

const INT_RE = /^[-+]?(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_]*)$/;

function parseGoInt(src: string): number | bigint | null {
  const plain = src.replace(/_/g, "");
  let sign = 1n;
  let s = plain;
  if (s.startsWith("-") || s.startsWith("+")) {
    if (s[0] === "-") sign = -1n;
    s = s.slice(1);
  }
  let n: bigint;
  try {
    if (/^0[xX][0-9a-fA-F]+$/.test(s)) n = BigInt(s);
    else if (/^0[oO][0-7]+$/.test(s)) n = BigInt(`0o${s.slice(2)}`);
    else if (/^0[bB][01]+$/.test(s)) n = BigInt(`0b${s.slice(2)}`);
    else if (/^0[0-7]+$/.test(s)) n = BigInt(`0o${s.slice(1)}`);
    else if (/^[0-9]+$/.test(s)) n = BigInt(s);
    else return null;
  } catch {
    return null;
  }
  const v = sign * n;
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

const k8sInt: ScalarTag = {
  tag: "tag:yaml.org,2002:int",
  default: true,
  identify: (v) => typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v)),
  test: INT_RE,
  // "08" and "09" match the pattern but are not valid octal: Go's ParseInt fails and go-yaml then tries
  // a float (8, 9). Anything unparseable falls back to the literal string.
  resolve: (str) => {
    const v = parseGoInt(str);
    if (v !== null) return v;
    const f = Number(str.replace(/_/g, ""));
    return Number.isFinite(f) ? f : str;
  },
};

/** The `customTags` option for the `yaml` library: the core schema with Kubernetes' scalar rules. */
export function k8sTags(tags: Tags): Tags {
  const kept = tags.filter((t) => typeof t === "string" || (t.tag !== "tag:yaml.org,2002:bool" && t.tag !== "tag:yaml.org,2002:int"));
  return [k8sBool, k8sInt, ...kept];
}
