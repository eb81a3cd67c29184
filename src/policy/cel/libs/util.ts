// Helpers shared by the Kubernetes CEL libraries: errors, CEL equality and ordering, namespaces.
import { type Environment, EvaluationError } from "@marcbachmann/cel-js";

/** An evaluation error as cel-js raises it (cel-js attaches the source position). */
export function celError(code: string, message: string): EvaluationError {
  return new EvaluationError({ code, message });
}

/** Something with a value of its own: the objects of these libraries (Quantity, IP, CIDR, ...). */
export interface CelValueObject {
  celEquals(other: unknown): boolean;
}

function isValueObject(v: unknown): v is CelValueObject {
  return typeof v === "object" && v !== null && typeof (v as Partial<CelValueObject>).celEquals === "function";
}

/** uint values of cel-js: an object whose valueOf() is a bigint. */
function isUint(v: unknown): v is { valueOf(): bigint } {
  return (
    typeof v === "object" &&
    v !== null &&
    v.constructor?.name === "UnsignedInt" &&
    typeof (v as { valueOf(): unknown }).valueOf() === "bigint"
  );
}

/** A CEL number (int, uint, double) as bigint or number; undefined for anything else. */
export function numericValue(v: unknown): bigint | number | undefined {
  if (typeof v === "bigint" || typeof v === "number") return v;
  if (isUint(v)) return v.valueOf();
  return undefined;
}

export function isNumeric(v: unknown): boolean {
  return numericValue(v) !== undefined;
}

function isMapLike(v: unknown): v is Map<unknown, unknown> | Record<string, unknown> {
  if (v instanceof Map) return true;
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function mapEntries(v: Map<unknown, unknown> | Record<string, unknown>): [unknown, unknown][] {
  return v instanceof Map ? [...v.entries()] : Object.entries(v);
}

function isDurationLike(v: unknown): v is { seconds: bigint; nanos: number } {
  return (
    typeof v === "object" &&
    v !== null &&
    v.constructor?.name === "Duration" &&
    typeof (v as { seconds?: unknown }).seconds === "bigint"
  );
}

/** CEL equality (heterogeneous numbers compare by value: 1 == 1.0 == 1u). */
export function celEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const na = numericValue(a);
  const nb = numericValue(b);
  if (na !== undefined || nb !== undefined) {
    if (na === undefined || nb === undefined) return false;
    // biome-ignore lint/suspicious/noDoubleEquals: bigint == number compares the values exactly.
    return na == nb;
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (isValueObject(a)) return a.celEquals(b);
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array && b instanceof Uint8Array) || a.length !== b.length) return false;
    return a.every((x, i) => x === b[i]);
  }
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (isDurationLike(a) || isDurationLike(b)) {
    return isDurationLike(a) && isDurationLike(b) && a.seconds === b.seconds && a.nanos === b.nanos;
  }
  if (isList(a) || isList(b)) {
    if (!(isList(a) && isList(b))) return false;
    const la = [...a];
    const lb = [...b];
    return la.length === lb.length && la.every((x, i) => celEquals(x, lb[i]));
  }
  if (isMapLike(a) && isMapLike(b)) {
    const ea = mapEntries(a);
    const eb = mapEntries(b);
    if (ea.length !== eb.length) return false;
    return ea.every(([k, v]) => {
      const match = eb.find(([k2]) => celEquals(k, k2));
      return match !== undefined && celEquals(v, match[1]);
    });
  }
  return false;
}

export function isList(v: unknown): v is unknown[] | Set<unknown> {
  return Array.isArray(v) || v instanceof Set;
}

/** The elements of a CEL list value (cel-js lists are arrays, sometimes Sets). */
export function listItems(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Set) return [...v];
  throw celError("invalid_argument", "expected a list");
}

function kindOf(v: unknown): string {
  if (numericValue(v) !== undefined) return "number";
  if (typeof v === "string" || typeof v === "boolean") return typeof v;
  if (v instanceof Uint8Array) return "bytes";
  if (v instanceof Date) return "timestamp";
  if (isDurationLike(v)) return "duration";
  return "other";
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (typeof v === "bigint") return "int";
  if (typeof v === "number") return "double";
  if (isUint(v)) return "uint";
  if (Array.isArray(v)) return "list";
  if (typeof v === "object") return (v as object).constructor?.name ?? "map";
  return typeof v;
}

/**
 * CEL ordering of two comparable values (numbers of any kind, strings, bools, bytes, timestamps,
 * durations): -1, 0 or 1. Anything else, or values of different kinds, is an error.
 */
export function celCompare(a: unknown, b: unknown): -1 | 0 | 1 {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka !== kb || ka === "other") {
    throw celError("no_such_overload", `no such overload: cannot compare ${describe(a)} with ${describe(b)}`);
  }
  const sign = (x: boolean, y: boolean): -1 | 0 | 1 => (x ? -1 : y ? 1 : 0);
  switch (ka) {
    case "number": {
      const x = numericValue(a) as bigint | number;
      const y = numericValue(b) as bigint | number;
      return sign(x < y, x > y);
    }
    case "string":
      return compareCodePoints(a as string, b as string);
    case "boolean":
      return sign(a === false && b === true, a === true && b === false);
    case "bytes": {
      const x = a as Uint8Array;
      const y = b as Uint8Array;
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        if (x[i] !== y[i]) return sign(x[i]! < y[i]!, true);
      }
      return sign(x.length < y.length, x.length > y.length);
    }
    case "timestamp":
      return sign((a as Date).getTime() < (b as Date).getTime(), (a as Date).getTime() > (b as Date).getTime());
    default: {
      const x = a as { seconds: bigint; nanos: number };
      const y = b as { seconds: bigint; nanos: number };
      if (x.seconds !== y.seconds) return sign(x.seconds < y.seconds, true);
      return sign(x.nanos < y.nanos, x.nanos > y.nanos);
    }
  }
}

/** Compares strings by Unicode code point (as Go and CEL do), not by UTF-16 unit. */
export function compareCodePoints(a: string, b: string): -1 | 0 | 1 {
  const ca = [...a];
  const cb = [...b];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i]!.codePointAt(0)!;
    const y = cb[i]!.codePointAt(0)!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return ca.length < cb.length ? -1 : ca.length > cb.length ? 1 : 0;
}

const namespaceClasses = new Map<string, new () => object>();

/**
 * Declares a namespace such as `sets` or `math` the way cel-js declares `optional` and `cel`: a type
 * `<TypeName>`, a constant of that type, and receiver overloads `<TypeName>.fn(...)` whose handlers
 * get the namespace object first. Returns the type name to use in signatures.
 */
export function registerNamespace(env: Environment, constant: string, typeName: string): string {
  let Ctor = namespaceClasses.get(typeName);
  if (!Ctor) {
    Ctor = { [typeName]: class {} }[typeName]!;
    namespaceClasses.set(typeName, Ctor);
  }
  env.registerType(typeName, Ctor);
  env.registerConstant(constant, typeName, new Ctor());
  return typeName;
}

/** An int argument as a JS number, checked to be a safe integer. */
export function toIndex(v: bigint, what: string): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw celError("index_out_of_range", `${what} out of range: ${v}`);
  }
  return Number(v);
}

export const MAX_INT64 = 9223372036854775807n;
export const MIN_INT64 = -9223372036854775808n;
