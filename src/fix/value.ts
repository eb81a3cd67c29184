// Fix operations applied to plain data (no text): what an object looks like once fixed. Used to build patches for
// rendered objects and to check the text editor's result.
import type { FixOp } from "../model/finding.js";
import type { YamlPath } from "../model/types.js";

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A deep copy of `value` with the ops applied in order (missing parent maps are created). */
export function applyOpsToValue(value: unknown, ops: readonly FixOp[]): unknown {
  let root = clone(value);
  for (const op of ops) root = applyOne(root, op);
  return root;
}

function applyOne(root: unknown, op: FixOp): unknown {
  if (op.op === "replaceText" || op.op === "insertText") throw new Error(`${op.op} is a Dockerfile edit, not a change of data`);
  if (op.path.length === 0) {
    if (op.op === "set") return clone(op.value);
    throw new Error(`cannot ${op.op} the whole object`);
  }
  const parentPath = op.path.slice(0, -1);
  const last = op.path[op.path.length - 1]!;
  let cur: unknown = root;
  for (let i = 0; i < parentPath.length; i++) {
    const seg = parentPath[i]!;
    const next = parentPath[i + 1] ?? last;
    const container = cur as Record<string | number, unknown>;
    if (container[seg] === undefined || container[seg] === null) {
      if (op.op === "remove") return root;
      container[seg] = typeof next === "number" ? [] : {};
    }
    cur = container[seg];
    if (!isMap(cur) && !Array.isArray(cur)) throw new Error(`path ${pathText(op.path)} goes through a scalar`);
  }
  const parent = cur as Record<string | number, unknown>;
  if (op.op === "set") {
    parent[last] = clone(op.value);
  } else if (op.op === "remove") {
    if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
    else delete parent[last];
  } else {
    const list = parent[last];
    if (list === undefined || list === null) parent[last] = [clone(op.value)];
    else if (Array.isArray(list)) list.push(clone(op.value));
    else throw new Error(`path ${pathText(op.path)} is not a list`);
  }
  return root;
}

function pathText(path: YamlPath): string {
  return path.map(String).join(".");
}
