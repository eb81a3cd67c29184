// Kubernetes' quantity library: resource quantities ("500m", "1Gi", "1e3") as exact values.
import { type Quantity as ParsedQuantity, formatQuantity, parseQuantity, quantityToNumber } from "../../../model/quantity.js";
import type { CelLibrary } from "./index.js";
import { MAX_INT64, MIN_INT64, celError } from "./util.js";

const NANOS_PER_UNIT = 1_000_000_000n;

/** A Kubernetes resource quantity as CEL sees it (type name kubernetes.Quantity). */
export class Quantity {
  constructor(readonly value: ParsedQuantity) {}

  get nanos(): bigint {
    return this.value.nanos;
  }

  celEquals(other: unknown): boolean {
    return other instanceof Quantity && other.nanos === this.nanos;
  }

  toString(): string {
    return formatQuantity(this.value);
  }
}

export const QUANTITY_TYPE = "kubernetes.Quantity";

function parse(s: string): ParsedQuantity | undefined {
  // Kubernetes' parser takes no surrounding spaces; the project's parser trims them.
  if (s !== s.trim()) return undefined;
  return parseQuantity(s);
}

function quantity(s: string): Quantity {
  const q = parse(s);
  if (!q) throw celError("invalid_argument", `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': ${JSON.stringify(s)}`);
  return new Quantity(q);
}

function isInteger(q: Quantity): boolean {
  if (q.nanos % NANOS_PER_UNIT !== 0n) return false;
  const whole = q.nanos / NANOS_PER_UNIT;
  return whole <= MAX_INT64 && whole >= MIN_INT64;
}

function asInteger(q: Quantity): bigint {
  if (!isInteger(q)) {
    throw celError("invalid_argument", `cannot convert value to integer: ${q} is not a whole number or does not fit in 64 bits`);
  }
  return q.nanos / NANOS_PER_UNIT;
}

function sign(n: bigint): bigint {
  return n > 0n ? 1n : n < 0n ? -1n : 0n;
}

function plus(q: Quantity, nanos: bigint): Quantity {
  return new Quantity({ nanos: q.nanos + nanos, format: q.value.format });
}

export const quantityLibrary: CelLibrary = {
  name: "quantity",
  summary: "Kubernetes resource quantities (\"500m\", \"1Gi\", \"1e3\"): parse, compare and do arithmetic exactly.",
  functions: [
    "quantity(string) -> Quantity",
    "quantity(int) -> Quantity, quantity(double) -> Quantity (shipshape: manifest numbers such as cpu: 2, which Kubernetes turns into strings)",
    "isQuantity(string) -> bool",
    "Quantity.sign() -> int",
    "Quantity.isInteger() -> bool",
    "Quantity.asInteger() -> int",
    "Quantity.asApproximateFloat() -> double",
    "Quantity.add(Quantity) -> Quantity",
    "Quantity.add(int) -> Quantity",
    "Quantity.sub(Quantity) -> Quantity",
    "Quantity.sub(int) -> Quantity",
    "Quantity.compareTo(Quantity) -> int",
    "Quantity.isGreaterThan(Quantity) -> bool",
    "Quantity.isLessThan(Quantity) -> bool",
    "Quantity == Quantity (by value: quantity(\"1\") == quantity(\"1000m\"))",
  ],
  gaps: [
    "Values are kept exactly at nano precision (as Kubernetes stores them after rounding up); Kubernetes' in-memory value can keep finer precision until it is serialized.",
  ],
  register(env) {
    const Q = QUANTITY_TYPE;
    env.registerType(Q, Quantity);
    env.registerFunction(`quantity(string): ${Q}`, quantity);
    // Manifest numbers (cpu: 2, cpu: 0.5): Kubernetes serializes quantities as strings before CEL sees them.
    env.registerFunction(`quantity(int): ${Q}`, (n: bigint) => quantity(n.toString()));
    env.registerFunction(`quantity(double): ${Q}`, (d: number) => {
      const q = parseQuantity(d);
      if (!q) throw celError("invalid_argument", `not a quantity: ${d}`);
      return new Quantity(q);
    });
    env.registerFunction("isQuantity(string): bool", (s: string) => parse(s) !== undefined);
    env.registerFunction(`${Q}.sign(): int`, (q: Quantity) => sign(q.nanos));
    env.registerFunction(`${Q}.isInteger(): bool`, isInteger);
    env.registerFunction(`${Q}.asInteger(): int`, asInteger);
    env.registerFunction(`${Q}.asApproximateFloat(): double`, (q: Quantity) => quantityToNumber(q.value));
    env.registerFunction(`${Q}.add(${Q}): ${Q}`, (a: Quantity, b: Quantity) => plus(a, b.nanos));
    env.registerFunction(`${Q}.add(int): ${Q}`, (a: Quantity, b: bigint) => plus(a, b * NANOS_PER_UNIT));
    env.registerFunction(`${Q}.sub(${Q}): ${Q}`, (a: Quantity, b: Quantity) => plus(a, -b.nanos));
    env.registerFunction(`${Q}.sub(int): ${Q}`, (a: Quantity, b: bigint) => plus(a, -b * NANOS_PER_UNIT));
    env.registerFunction(`${Q}.compareTo(${Q}): int`, (a: Quantity, b: Quantity) => sign(a.nanos - b.nanos));
    env.registerFunction(`${Q}.isGreaterThan(${Q}): bool`, (a: Quantity, b: Quantity) => a.nanos > b.nanos);
    env.registerFunction(`${Q}.isLessThan(${Q}): bool`, (a: Quantity, b: Quantity) => a.nanos < b.nanos);
    env.registerOperator(`${Q} == ${Q}`, (a: Quantity, b: Quantity) => a.nanos === b.nanos);
  },
};
