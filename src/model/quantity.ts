// Kubernetes resource quantities ("500m", "1Gi", "1e3", "0.5", 2), read exactly as
// k8s.io/apimachinery/pkg/api/resource does: no floating point, values rounded up to nano (10^-9),
// compared exactly, and written back in canonical form ("1.5" → "1500m", "1.5Gi" → "1536Mi").

/** How a quantity was written: the family of its suffix, kept for the canonical form. */
export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

/** An exact quantity: `numerator / 10^9` (nano units), as Kubernetes keeps it after rounding up to nano. */
export interface Quantity {
  /** The value in nano units (10^-9), rounded away from zero as Kubernetes does. */
  readonly nanos: bigint;
  readonly format: QuantityFormat;
}

const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const NANO = 9;
/** Exponents beyond this are rejected (Kubernetes' own parser limits them far lower in practice). */
const MAX_EXPONENT = 1000;

// <signedNumber><suffix>, where number is digits, digits., .digits or digits.digits and the suffix a
// binary SI, decimal SI or e/E exponent (a signed integer).
const QUANTITY_RE = /^([+-]?)(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/**
 * Reads a quantity from a manifest value: a string in Kubernetes syntax, or a YAML number (`cpu: 0.5`,
 * `memory: 1073741824`). Returns undefined for anything Kubernetes would reject (wrong type, "1.5 Gi",
 * "1GB", "", a Helm placeholder).
 */
export function parseQuantity(v: unknown): Quantity | undefined {
  let text: string;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return undefined;
    text = String(v);
  } else if (typeof v === "bigint") {
    text = v.toString();
  } else if (typeof v === "string") {
    text = v.trim();
  } else {
    return undefined;
  }
  const m = QUANTITY_RE.exec(text);
  if (!m) return undefined;
  const sign = m[1] === "-" ? -1n : 1n;
  const num = m[2]!;
  const suffix = m[3] ?? "";
  const dot = num.indexOf(".");
  const intPart = dot < 0 ? num : num.slice(0, dot);
  const fracPart = dot < 0 ? "" : num.slice(dot + 1);
  // value = digits × 10^(exp10 − fracLen) × 2^exp2
  const digits = BigInt((intPart + fracPart).replace(/^0+(?=\d)/, "") || "0");
  let exp10 = -fracPart.length;
  let exp2 = 0;
  let format: QuantityFormat;
  if (suffix in BINARY_SUFFIX) {
    exp2 = BINARY_SUFFIX[suffix]!;
    format = "BinarySI";
  } else if (suffix in DECIMAL_SUFFIX) {
    exp10 += DECIMAL_SUFFIX[suffix]!;
    format = "DecimalSI";
  } else {
    const e = Number(suffix.slice(1));
    if (!Number.isSafeInteger(e) || Math.abs(e) > MAX_EXPONENT) return undefined;
    exp10 += e;
    format = "DecimalExponent";
  }
  // To nano units, rounding away from zero (inf.RoundUp, as ParseQuantity does).
  let value = digits * 2n ** BigInt(exp2);
  const shift = exp10 + NANO;
  let nanos: bigint;
  if (shift >= 0) {
    nanos = value * 10n ** BigInt(shift);
  } else {
    const div = 10n ** BigInt(-shift);
    nanos = value / div;
    if (value % div !== 0n) nanos += 1n;
  }
  value = sign * nanos;
  return { nanos: value === 0n ? 0n : value, format };
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** Do two manifest values denote the same quantity ("1" and "1000m", "1Gi" and "1024Mi")? Undefined when either does not parse. */
export function sameQuantity(a: unknown, b: unknown): boolean | undefined {
  const qa = parseQuantity(a);
  const qb = parseQuantity(b);
  return qa && qb ? qa.nanos === qb.nanos : undefined;
}

export function isZeroQuantity(q: Quantity): boolean {
  return q.nanos === 0n;
}

/** The value as a (possibly inexact) JavaScript number, e.g. 0.5 for "500m". */
export function quantityToNumber(q: Quantity): number {
  const whole = q.nanos / 1_000_000_000n;
  const rest = q.nanos % 1_000_000_000n;
  return Number(whole) + Number(rest) / 1e9;
}

/** The value in milli units, rounded up (how Kubernetes reports CPU: MilliValue). */
export function quantityToMillis(q: Quantity): bigint {
  const div = 1_000_000n;
  const m = q.nanos / div;
  return q.nanos % div !== 0n && q.nanos > 0n ? m + 1n : m;
}

/**
 * The canonical form Kubernetes writes a quantity back in: no fractional digits, the largest suffix that
 * loses nothing ("1.5" → "1500m", "1.5Gi" → "1536Mi", "2000" → "2k", "1e3" → "1e3"). Binary quantities
 * between -1024 and 1024, or that are not whole, are written in decimal SI.
 */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return "0";
  const negative = q.nanos < 0n;
  const abs = negative ? -q.nanos : q.nanos;
  const sign = negative ? "-" : "";
  let format = q.format;
  if (format === "BinarySI") {
    const units = 1_000_000_000n;
    if (abs < 1024n * units || abs % units !== 0n) format = "DecimalSI";
    else {
      let mantissa = abs / units;
      let exp = 0;
      while (exp < 60 && mantissa % 1024n === 0n) {
        mantissa /= 1024n;
        exp += 10;
      }
      const suffix = Object.entries(BINARY_SUFFIX).find(([, e]) => e === exp)?.[0] ?? "";
      return `${sign}${mantissa}${suffix}`;
    }
  }
  // Decimal: mantissa × 10^exp with exp a multiple of 3, mantissa whole, exp as large as possible.
  let mantissa = abs;
  let exp = -NANO;
  while (mantissa % 1000n === 0n && (format === "DecimalExponent" || exp < 18)) {
    mantissa /= 1000n;
    exp += 3;
  }
  if (format === "DecimalExponent") return exp === 0 ? `${sign}${mantissa}` : `${sign}${mantissa}e${exp}`;
  const suffix = Object.entries(DECIMAL_SUFFIX).find(([, e]) => e === exp)?.[0] ?? "";
  return `${sign}${mantissa}${suffix}`;
}

/** Reads and rewrites a manifest value in canonical form; undefined when it does not parse. */
export function normalizeQuantity(v: unknown): string | undefined {
  const q = parseQuantity(v);
  return q ? formatQuantity(q) : undefined;
}
