import { type Document, type LineCounter, type Node, isAlias, isMap, isPair, isScalar, isSeq } from "yaml";
import type { Located, Locator, Position } from "../model/resource.js";
import type { YamlPath } from "../model/types.js";

type Range = { start: number; end?: number };

/**
 * Finds paths in a parsed `yaml` document. Nothing is computed until a finding asks: most of a file's
 * bytes are never reported on. A path that does not exist resolves to its deepest existing parent.
 */
export class YamlLocator implements Locator {
  constructor(
    private readonly doc: Document,
    private readonly root: Node | null,
    private readonly lines: LineCounter,
    private readonly text?: string,
  ) {}

  locateInString(path: YamlPath, offset: number): Position | undefined {
    if (this.text === undefined) return undefined;
    let node: Node | null = this.root;
    for (const seg of path) {
      if (node && isAlias(node)) node = (node.resolve(this.doc) as Node | undefined) ?? null;
      if (node && isMap(node) && typeof seg === "string") {
        const pair = node.items.findLast((p) => isPair(p) && keyString(p.key) === seg);
        node = pair ? ((pair.value as Node | null) ?? null) : null;
      } else if (node && isSeq(node) && typeof seg === "number") {
        node = (node.items[seg] as Node | undefined) ?? null;
      } else {
        return undefined;
      }
    }
    if (!node || !isScalar(node) || typeof node.value !== "string" || !node.range) return undefined;
    const at = sourceOffset(this.text, node.range[0], node.range[1], node.type, node.value, offset);
    const p = this.lines.linePos(at);
    return { line: p.line, column: p.col };
  }

  locate(path: YamlPath): Located {
    let node: Node | null = this.root;
    let at: Range = rangeOf(node) ?? { start: 0 };
    let depth = 0;
    for (const seg of path) {
      if (node && isAlias(node)) node = (node.resolve(this.doc) as Node | undefined) ?? null;
      if (node && isMap(node) && typeof seg === "string") {
        const pair = node.items.findLast((p) => isPair(p) && keyString(p.key) === seg);
        if (!pair) break;
        const value = (pair.value as Node | null) ?? null;
        const r = rangeOf(value);
        if (!r) {
          // `key:` with an empty value: point at the key, and go no deeper
          at = rangeOf(pair.key as Node | null) ?? at;
          depth++;
          break;
        }
        node = value;
        at = r;
      } else if (node && isSeq(node) && typeof seg === "number") {
        const item = (node.items[seg] as Node | undefined) ?? null;
        const r = rangeOf(item);
        if (!r) break;
        node = item;
        at = r;
      } else {
        break;
      }
      depth++;
    }
    const start = this.lines.linePos(at.start);
    const out: Located = { line: start.line, column: start.col, exact: depth === path.length };
    if (at.end !== undefined) {
      const end = this.lines.linePos(at.end);
      out.endLine = end.line;
      out.endColumn = end.col;
    }
    return out;
  }
}

/**
 * Where value character `offset` of a scalar is written in the source. Quoted scalars are decoded character by
 * character (escapes, '' and line folding), which gives the exact position; plain and block scalars (and a
 * quoted one the decoder does not reproduce) are aligned with their source instead: the value's non-blank
 * characters appear in the source in order, folding and indentation only add or change blanks around them.
 * The result never goes past the scalar's last written character (an offset past the end points just after it).
 */
function sourceOffset(text: string, start: number, end: number, type: string | undefined, value: string, offset: number): number {
  let last = end;
  while (last > start && /\s/.test(text[last - 1]!)) last--;
  if (type === "QUOTE_DOUBLE" || type === "QUOTE_SINGLE") {
    const map = decodeQuoted(text, start, end, type === "QUOTE_DOUBLE");
    if (map && map.value === value) return offset < map.at.length ? map.at[offset]! : Math.max(start, last - 1);
  }
  return Math.min(align(text, start, end, type, value, offset), last);
}

/** A quoted scalar's value, with the source offset each of its UTF-16 units comes from. */
function decodeQuoted(text: string, start: number, end: number, double: boolean): { value: string; at: number[] } | undefined {
  const quote = double ? '"' : "'";
  if (text[start] !== quote) return undefined;
  let value = "";
  const at: number[] = [];
  const put = (s: string, pos: number) => {
    value += s;
    for (let n = 0; n < s.length; n++) at.push(pos);
  };
  let i = start + 1;
  while (i < end) {
    const c = text[i]!;
    if (c === quote) {
      if (!double && text[i + 1] === "'") {
        put("'", i);
        i += 2;
        continue;
      }
      return { value, at };
    }
    if (double && c === "\\") {
      const e = text[i + 1];
      if (e === undefined) return undefined;
      if (e === "\n" || e === "\r") {
        // an escaped line break: nothing, and the next line's leading blanks are dropped
        i += e === "\r" && text[i + 2] === "\n" ? 3 : 2;
        while (i < end && (text[i] === " " || text[i] === "\t")) i++;
        continue;
      }
      const hex = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
      if (hex > 0) {
        const code = Number.parseInt(text.slice(i + 2, i + 2 + hex), 16);
        if (Number.isNaN(code)) return undefined;
        put(String.fromCodePoint(code), i);
        i += 2 + hex;
        continue;
      }
      const simple: Record<string, string> = {
        "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b",
        " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\x85", _: "\xa0", L: "\u2028", P: "\u2029",
      };
      const out = simple[e];
      if (out === undefined) return undefined;
      put(out, i);
      i += 2;
      continue;
    }
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      // a run of blanks: kept as is within a line; with line breaks, folded (one break: a space, n: n-1 newlines)
      let j = i;
      let breaks = 0;
      while (j < end && (text[j] === " " || text[j] === "\t" || text[j] === "\n" || text[j] === "\r")) {
        if (text[j] === "\n") breaks++;
        j++;
      }
      if (breaks === 0) put(text.slice(i, j), i);
      else put(breaks === 1 ? " " : "\n".repeat(breaks - 1), i);
      i = j;
      continue;
    }
    put(c, i);
    i++;
  }
  return undefined;
}

function align(text: string, start: number, end: number, type: string | undefined, value: string, offset: number): number {
  let i = start;
  if (type === "BLOCK_LITERAL" || type === "BLOCK_FOLDED") {
    const nl = text.indexOf("\n", start);
    i = nl < 0 || nl >= end ? start : nl + 1;
  } else if (type === "QUOTE_DOUBLE" || type === "QUOTE_SINGLE") {
    i = start + 1;
  }
  const target = Math.min(offset, value.length);
  for (let k = 0; k < target; k++) {
    const c = value[k]!;
    if (/\s/.test(c)) {
      while (i < end && /\s/.test(text[i]!)) i++;
      // consume the rest of a run of blanks in the value against that one skip
      while (k + 1 < target && /\s/.test(value[k + 1]!)) k++;
    } else {
      let j = i;
      while (j < end && text[j] !== c) j++;
      if (j >= end) return i;
      i = j + 1;
    }
  }
  while (i < end && /\s/.test(text[i]!) && !/\s/.test(value[target] ?? "x")) i++;
  return i;
}

function keyString(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? "" : String(key.value);
  return typeof key === "string" ? key : undefined;
}

/** Start of a node; the end only for scalars (a whole block is not a useful region). */
function rangeOf(node: unknown): Range | undefined {
  if (!node || typeof node !== "object") return undefined;
  const range = (node as Node).range;
  // an empty value (`key:`) is a null scalar of zero length: treat it as absent
  if (!range || (isScalar(node) && range[0] === range[1])) return undefined;
  return isScalar(node) ? { start: range[0], end: range[1] } : { start: range[0] };
}
