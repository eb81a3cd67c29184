// Kubernetes' sets library: lists treated as sets, compared with CEL equality (1 == 1.0).
import type { CelLibrary } from "./index.js";
import { celEquals, listItems, registerNamespace } from "./util.js";

function contains(a: unknown, b: unknown): boolean {
  const left = listItems(a);
  return listItems(b).every((x) => left.some((y) => celEquals(x, y)));
}

function intersects(a: unknown, b: unknown): boolean {
  const left = listItems(a);
  return listItems(b).some((x) => left.some((y) => celEquals(x, y)));
}

export const setsLibrary: CelLibrary = {
  name: "sets",
  summary: "Set relations between lists: containment, equivalence and intersection.",
  functions: [
    "sets.contains(list<T>, list<T>) -> bool",
    "sets.equivalent(list<T>, list<T>) -> bool",
    "sets.intersects(list<T>, list<T>) -> bool",
  ],
  gaps: [],
  register(env) {
    const ns = registerNamespace(env, "sets", "SetsNamespace");
    env.registerFunction(`${ns}.contains(list, list): bool`, (_ns: unknown, a: unknown, b: unknown) => contains(a, b));
    env.registerFunction(
      `${ns}.equivalent(list, list): bool`,
      (_ns: unknown, a: unknown, b: unknown) => contains(a, b) && contains(b, a),
    );
    env.registerFunction(`${ns}.intersects(list, list): bool`, (_ns: unknown, a: unknown, b: unknown) => intersects(a, b));
  },
};
