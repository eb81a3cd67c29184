// Kubernetes' lists library (isSorted, sum, min, max, indexOf, lastIndexOf) and the CEL lists extension.
import { Optional } from "@marcbachmann/cel-js";
import type { CelLibrary } from "./index.js";
import { MAX_INT64, MIN_INT64, celCompare, celEquals, celError, isList, listItems, registerNamespace, toIndex } from "./util.js";

type DurationLike = { addDuration(other: unknown): unknown; seconds: bigint };

function isDuration(v: unknown): v is DurationLike {
  return typeof v === "object" && v !== null && typeof (v as Partial<DurationLike>).addDuration === "function";
}

function sum(list: unknown): unknown {
  const items = listItems(list);
  if (items.length === 0) return 0n;
  let acc: unknown = items[0];
  for (const v of items.slice(1)) {
    if (typeof acc === "bigint" && typeof v === "bigint") {
      acc = acc + v;
      if ((acc as bigint) > MAX_INT64 || (acc as bigint) < MIN_INT64) throw celError("numeric_overflow", "sum: integer overflow");
    } else if (typeof acc === "number" && typeof v === "number") {
      acc = acc + v;
    } else if (isDuration(acc) && isDuration(v)) {
      acc = acc.addDuration(v);
    } else if (
      typeof acc === "object" &&
      acc !== null &&
      acc.constructor?.name === "UnsignedInt" &&
      typeof v === "object" &&
      v?.constructor === acc.constructor
    ) {
      const Ctor = acc.constructor as new (x: bigint) => unknown;
      acc = new Ctor((acc as { valueOf(): bigint }).valueOf() + (v as { valueOf(): bigint }).valueOf());
    } else {
      throw celError("no_such_overload", "sum: list elements must all be int, uint, double or duration");
    }
  }
  if (typeof acc === "string" || typeof acc === "boolean" || acc === null) {
    throw celError("no_such_overload", "sum: list elements must all be int, uint, double or duration");
  }
  return acc;
}

function extreme(list: unknown, name: string, wantGreater: boolean): unknown {
  const items = listItems(list);
  if (items.length === 0) throw celError("invalid_argument", `${name} called on empty list`);
  let best = items[0];
  celCompare(best, best); // checks the element is comparable
  for (const v of items.slice(1)) {
    const c = celCompare(v, best);
    if (wantGreater ? c > 0 : c < 0) best = v;
  }
  return best;
}

function isSorted(list: unknown): boolean {
  const items = listItems(list);
  for (let i = 1; i < items.length; i++) if (celCompare(items[i - 1], items[i]) > 0) return false;
  if (items.length === 1) celCompare(items[0], items[0]);
  return true;
}

function indexOf(list: unknown, v: unknown): bigint {
  return BigInt(listItems(list).findIndex((x) => celEquals(x, v)));
}

function lastIndexOf(list: unknown, v: unknown): bigint {
  return BigInt(listItems(list).findLastIndex((x) => celEquals(x, v)));
}

function slice(list: unknown, start: bigint, end: bigint): unknown[] {
  const items = listItems(list);
  if (start < 0n || end < 0n) throw celError("index_out_of_range", `slice: negative indexes not supported (${start}, ${end})`);
  if (start > end) throw celError("index_out_of_range", `slice: start index ${start} must be <= end index ${end}`);
  if (end > BigInt(items.length)) throw celError("index_out_of_range", `slice: list is length ${items.length}, end index ${end} out of range`);
  return items.slice(Number(start), Number(end));
}

function flatten(list: unknown, depth: bigint): unknown[] {
  if (depth < 0n) throw celError("invalid_argument", "flatten: level must be non-negative");
  const out: unknown[] = [];
  for (const v of listItems(list)) {
    if (isList(v) && depth > 0n) out.push(...flatten(v, depth - 1n));
    else out.push(v);
  }
  return out;
}

function distinct(list: unknown): unknown[] {
  const out: unknown[] = [];
  for (const v of listItems(list)) if (!out.some((x) => celEquals(x, v))) out.push(v);
  return out;
}

function sort(list: unknown): unknown[] {
  const items = [...listItems(list)];
  if (items.length === 1) celCompare(items[0], items[0]);
  return items.sort(celCompare);
}

function range(n: bigint): bigint[] {
  const count = toIndex(n, "lists.range size");
  if (count > 10_000_000) throw celError("invalid_argument", `lists.range: size too large: ${n}`);
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) out.push(BigInt(i));
  return out;
}

export const listsLibrary: CelLibrary = {
  name: "lists",
  summary: "Kubernetes' list functions (isSorted, sum, min, max, indexOf, lastIndexOf) and the CEL lists extension.",
  functions: [
    "list<T>.isSorted() -> bool",
    "list<T>.sum() -> T",
    "list<T>.min() -> T",
    "list<T>.max() -> T",
    "list<T>.indexOf(T) -> int",
    "list<T>.lastIndexOf(T) -> int",
    "list<T>.slice(int, int) -> list<T>",
    "list.flatten() -> list",
    "list.flatten(int) -> list",
    "list<T>.distinct() -> list<T>",
    "list<T>.reverse() -> list<T>",
    "list<T>.sort() -> list<T>",
    "list<T>.first() -> optional<T>",
    "list<T>.last() -> optional<T>",
    "lists.range(int) -> list<int>",
  ],
  gaps: [
    "sum() of an empty list is always the int 0 (Kubernetes returns the zero of the declared element type: 0.0, 0u or 0s).",
    "sortBy (a macro of the CEL lists extension) is not provided.",
  ],
  register(env) {
    env.registerFunction("list<A>.isSorted(): bool", isSorted);
    env.registerFunction("list<A>.sum(): A", sum);
    env.registerFunction("list<A>.min(): A", (l: unknown) => extreme(l, "min", false));
    env.registerFunction("list<A>.max(): A", (l: unknown) => extreme(l, "max", true));
    env.registerFunction("list<A>.indexOf(A): int", indexOf);
    env.registerFunction("list<A>.lastIndexOf(A): int", lastIndexOf);
    env.registerFunction("list<A>.slice(int, int): list<A>", slice);
    env.registerFunction("list.flatten(): list", (l: unknown) => flatten(l, 1n));
    env.registerFunction("list.flatten(int): list", flatten);
    env.registerFunction("list<A>.distinct(): list<A>", distinct);
    env.registerFunction("list<A>.reverse(): list<A>", (l: unknown) => [...listItems(l)].reverse());
    env.registerFunction("list<A>.sort(): list<A>", sort);
    env.registerFunction("list<A>.first(): optional<A>", (l: unknown) => {
      const items = listItems(l);
      return items.length ? Optional.of(items[0]) : Optional.none();
    });
    env.registerFunction("list<A>.last(): optional<A>", (l: unknown) => {
      const items = listItems(l);
      return items.length ? Optional.of(items[items.length - 1]) : Optional.none();
    });
    const ns = registerNamespace(env, "lists", "ListsNamespace");
    env.registerFunction(`${ns}.range(int): list<int>`, (_ns: unknown, n: bigint) => range(n));
  },
};
