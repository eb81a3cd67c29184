/**
 * Applies fix operations (`set`, `remove`, `append`) to the source text of a YAML or JSON file as minimal
 * text edits: everything the operation does not touch (comments, key order, quoting, indentation, blank
 * lines, document markers, directives, line endings) stays byte for byte.
 *
 * How it works: the text is parsed with the `yaml` library (keeping the CST tokens), the path is walked in
 * the AST, and each operation becomes one or two small replacements computed from node ranges. Several
 * operations are applied one after the other on the text, each re-parsing the result of the previous one;
 * `planEdits` composes the per-operation edits back into edits of the original text.
 *
 * Placement of a new map key: after the last pair of the map (after that pair's nested block, before any
 * comment line that follows it), or after the first key of `options.after` that the map has. Indentation of
 * new lines follows the file: the map's key column, the indentation step found between nested maps, and the
 * sequence style (`key:\n- a` or `key:\n  - a`) found in the document.
 *
 * After every operation the result is parsed again and compared with the expected value (the operation
 * applied to the plain JavaScript value); a mismatch is an `EditError`, never a wrong file.
 */
import {
  type Document,
  type Node,
  type Pair,
  Scalar,
  type YAMLMap,
  type YAMLSeq,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  visit,
} from "yaml";
import type { CST } from "yaml";
import type { FixOp } from "../model/finding.js";
import type { YamlPath } from "../model/types.js";

/** The fix operations on YAML/JSON objects (other kinds of ops, for other file types, are refused). */
export type YamlOp = Extract<FixOp, { op: "set" | "remove" | "append" }>;

function yamlOp(op: FixOp): YamlOp {
  if (op.op === "set" || op.op === "remove" || op.op === "append") return op as YamlOp;
  throw new EditError(`the fix operation ${JSON.stringify(op.op)} does not apply to YAML or JSON files`);
}

/** Where the object is in the file: the 0-based YAML document index and the path of the object inside that document ([] or ["items", n] for an item of a List). */
export interface ObjectAddress {
  document: number;
  prefix: YamlPath;
}

/** A replacement of `text[start, end)` of the original text. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export class EditError extends Error {
  override name = "EditError";
}

export interface EditOptions {
  /**
   * Where a new key goes in an existing map: after the first of these sibling keys that the map has
   * (e.g. `["image", "name"]` for a container's `securityContext`); at the end of the map when none is there.
   */
  after?: readonly string[];
}

/** The text edits that apply `ops` (in order) to the object at `address`; throws EditError when an op cannot be applied. */
export function planEdits(text: string, address: ObjectAddress, ops: readonly FixOp[], options?: EditOptions): TextEdit[] {
  let current = text;
  let values = ops.length > 0 ? docValues(text) : [];
  let acc: TextEdit[] = [];
  for (const anyOp of ops) {
    const op = yamlOp(anyOp);
    const edits = opEdits(current, address, op, options);
    let next = current;
    // Descending order: each edit's offsets stay valid in the text the previous ones produced.
    for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
      acc = compose(acc, e, next);
      next = next.slice(0, e.start) + e.text + next.slice(e.end);
    }
    values = verify(values, next, address, op);
    current = next;
  }
  return acc.filter((e) => changes(text, e));
}

/** Applies ops one after the other (each sees the result of the previous one) and returns the new text. */
export function applyOps(text: string, address: ObjectAddress, ops: readonly FixOp[], options?: EditOptions): string {
  let current = text;
  let values = ops.length > 0 ? docValues(text) : [];
  for (const anyOp of ops) {
    const op = yamlOp(anyOp);
    const next = applyEdits(current, opEdits(current, address, op, options));
    values = verify(values, next, address, op);
    current = next;
  }
  return current;
}

/** Applies non-overlapping edits (offsets into `text`, any order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    if (e.start < at || e.end < e.start || e.end > text.length) throw new EditError(`overlapping or invalid edits at offset ${e.start}`);
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

// ---------------------------------------------------------------------------------------------------------
// Parsing and walking

type AnyNode = Node;

/** A node reached by a path, and how it hangs from its parent. */
interface Loc {
  node: AnyNode | null;
  parent: Loc | null;
  /** The pair holding the node when the parent is a map. */
  pair?: Pair;
  /** Index of the pair in the parent map, or of the item in the parent sequence. */
  index: number;
}

interface Ctx {
  text: string;
  eol: string;
  doc: Document.Parsed;
  /** The document is JSON-like: its root is a flow collection. */
  json: boolean;
  aliased: Set<string>;
}

const PARSE_OPTIONS = { keepSourceTokens: true, uniqueKeys: false, prettyErrors: false, logLevel: "silent" } as const;

function parseDocs(text: string): Document.Parsed[] {
  try {
    return [...parseAllDocuments(text, PARSE_OPTIONS)] as Document.Parsed[];
  } catch (err) {
    throw new EditError(`cannot parse the file: ${(err as Error).message}`);
  }
}

function context(text: string, address: ObjectAddress): Ctx {
  const docs = parseDocs(text);
  const doc = docs[address.document];
  if (!doc) throw new EditError(`document ${address.document} does not exist: the file has ${docs.length} document(s)`);
  if (doc.errors.length > 0) throw new EditError(`document ${address.document} has YAML errors: ${firstLine(doc.errors[0]!.message)}`);
  const aliased = new Set<string>();
  visit(doc, {
    Alias(_, a) {
      aliased.add(a.source);
    },
  });
  const nl = text.indexOf("\n");
  const eol = nl > 0 && text[nl - 1] === "\r" ? "\r\n" : "\n";
  const root = doc.contents as AnyNode | null;
  return { text, eol, doc, json: isCollection(root) && root.flow === true, aliased };
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}

function where(path: YamlPath, n: number): string {
  return n === 0 ? "the document root" : `\`${formatPathLocal(path.slice(0, n))}\``;
}

function formatPathLocal(path: YamlPath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

function keyMatches(key: unknown, seg: string): boolean {
  if (!isScalar(key)) return false;
  return String(key.value) === seg || (key.source !== undefined && key.source === seg);
}

function isNull(node: AnyNode | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

function checkAnchor(cx: Ctx, node: AnyNode | null, path: YamlPath, n: number): void {
  const anchor = node && (node as { anchor?: string }).anchor;
  if (anchor && cx.aliased.has(anchor)) {
    throw new EditError(`${where(path, n)} has the anchor &${anchor}, used by an alias: editing it would also change the places that use *${anchor}`);
  }
}

/** Refuses to drop or replace a subtree that defines an anchor used elsewhere. */
function checkSubtreeAnchors(cx: Ctx, node: AnyNode | null, path: YamlPath): void {
  if (!node) return;
  visit(node, (_, n) => {
    const anchor = (n as { anchor?: string }).anchor;
    if (anchor && cx.aliased.has(anchor)) {
      throw new EditError(`${where(path, path.length)} contains the anchor &${anchor}, used by an alias elsewhere: refusing to remove it`);
    }
  });
}

interface Walk {
  chain: Loc[];
  /** How many path segments exist: `chain[found]` is the deepest existing node. */
  found: number;
}

function walk(cx: Ctx, path: YamlPath): Walk {
  let cur: Loc = { node: cx.doc.contents as AnyNode | null, parent: null, index: -1 };
  const chain: Loc[] = [cur];
  checkAnchor(cx, cur.node, path, 0);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const n = cur.node;
    if (isAlias(n)) {
      throw new EditError(`${where(path, i)} is an alias (*${n.source}): editing through it would change every place that uses &${n.source}`);
    }
    if (isNull(n)) return { chain, found: i };
    if (isMap(n)) {
      let idx = -1;
      n.items.forEach((p, j) => {
        if (keyMatches(p.key, String(seg))) idx = j;
      });
      if (idx < 0) return { chain, found: i };
      const pair = n.items[idx] as Pair;
      cur = { node: (pair.value as AnyNode | null) ?? null, parent: cur, pair, index: idx };
    } else if (isSeq(n)) {
      if (typeof seg !== "number") throw new EditError(`${where(path, i)} is a sequence, but the path continues with the key "${seg}"`);
      if (!Number.isInteger(seg) || seg < 0 || seg >= n.items.length) {
        throw new EditError(`index ${seg} is out of range at ${where(path, i)}: the sequence has ${n.items.length} item(s)`);
      }
      cur = { node: (n.items[seg] as AnyNode | null) ?? null, parent: cur, index: seg };
    } else {
      const shown = isScalar(n) ? JSON.stringify(n.source ?? n.value) : "a value";
      throw new EditError(`${where(path, i)} is a scalar (${shown}): the path ${formatPathLocal(path)} cannot go through it`);
    }
    chain.push(cur);
    checkAnchor(cx, cur.node, path, i + 1);
  }
  return { chain, found: path.length };
}

// ---------------------------------------------------------------------------------------------------------
// Text geometry

function lineStart(text: string, off: number): number {
  return text.lastIndexOf("\n", off - 1) + 1;
}

/** Offset of the line break ending the line of `off` (before a `\r\n`), or the end of the text. */
function lineEnd(text: string, off: number): number {
  const i = text.indexOf("\n", off);
  if (i < 0) return text.length;
  return i > 0 && text[i - 1] === "\r" && i - 1 >= off ? i - 1 : i;
}

/** Offset just after the line break ending the line of `off`, or the end of the text. */
function nextLineStart(text: string, off: number): number {
  const i = text.indexOf("\n", off);
  return i < 0 ? text.length : i + 1;
}

function column(text: string, off: number): number {
  return off - lineStart(text, off);
}

function lineIndent(text: string, off: number): number {
  const s = lineStart(text, off);
  let i = s;
  while (text[i] === " ") i++;
  return i - s;
}

function blank(s: string): boolean {
  return /^[ \t]*$/.test(s);
}

function pad(n: number): string {
  return " ".repeat(n);
}

function rangeOf(node: AnyNode): [number, number, number] {
  const r = node.range;
  if (!r) throw new EditError("internal: a node has no source range");
  return r;
}

/** End offset of the last token among `tokens` that is not space, newline or comment (indicator, anchor, tag). */
function headEnd(tokens: readonly CST.SourceToken[] | undefined): number | undefined {
  let end: number | undefined;
  for (const t of tokens ?? []) {
    if (t.type === "space" || t.type === "newline" || t.type === "comment") continue;
    end = Math.max(end ?? 0, t.offset + t.source.length);
  }
  return end;
}

function sepTokens(pair: Pair): CST.SourceToken[] | undefined {
  return (pair as { srcToken?: CST.CollectionItem }).srcToken?.sep;
}

/** Offset just after the `:` of a pair (or after the key when there is none). */
function colonEnd(text: string, pair: Pair): number {
  const sep = sepTokens(pair);
  const ind = sep?.find((t) => t.type === "map-value-ind");
  if (ind) return ind.offset + 1;
  const key = pair.key as AnyNode | null;
  if (!key) throw new EditError("internal: a pair without key");
  const k = rangeOf(key)[1];
  const m = /^[ \t]*:/.exec(text.slice(k));
  return m ? k + m[0].length : k;
}

/** Offset of the `-` of item `i` of a block sequence. */
function dashOffset(seq: YAMLSeq, i: number): number {
  const tok = (seq as { srcToken?: CST.Token }).srcToken;
  if (tok?.type === "block-seq") {
    const ind = tok.items[i]?.start.find((t) => t.type === "seq-item-ind");
    if (ind) return ind.offset;
  }
  throw new EditError("internal: cannot find the `-` of a sequence item");
}

function seqItemHeadEnd(seq: YAMLSeq, i: number): number {
  const tok = (seq as { srcToken?: CST.Token }).srcToken;
  if (tok?.type === "block-seq") {
    const end = headEnd(tok.items[i]?.start);
    if (end !== undefined) return end;
  }
  return dashOffset(seq, i) + 1;
}

function emptySource(node: AnyNode | null): boolean {
  if (node === null) return true;
  const r = node.range;
  return !r || (isScalar(node) && r[0] === r[1]);
}

function isBlockScalar(node: AnyNode): boolean {
  return isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
}

function isBlockCollection(node: AnyNode | null): node is YAMLMap | YAMLSeq {
  return isCollection(node) && !node.flow;
}

/** Where the value of `loc` ends when it has no source of its own: after `key:` or `-` and their anchor/tag. */
function headOf(cx: Ctx, loc: Loc): number {
  const parent = loc.parent?.node;
  if (loc.pair) return Math.max(colonEnd(cx.text, loc.pair), headEnd(sepTokens(loc.pair)) ?? 0);
  if (isSeq(parent) && !parent.flow) return seqItemHeadEnd(parent, loc.index);
  if (loc.node?.range) return loc.node.range[0];
  throw new EditError("internal: cannot place a value");
}

/** Offset just after the last character of the node's own content (no trailing comments or blank lines). */
function contentEnd(cx: Ctx, node: AnyNode | null, fallback: number): number {
  if (emptySource(node)) return fallback;
  const n = node!;
  const r = rangeOf(n);
  if (isScalar(n) || isAlias(n)) {
    if (!isBlockScalar(n)) return r[1];
    let e = r[1];
    while (e > r[0] && /\s/.test(cx.text[e - 1]!)) e--;
    return e;
  }
  if (isCollection(n) && n.flow) return r[1];
  if (isMap(n)) {
    const last = n.items[n.items.length - 1];
    if (!last) return r[1];
    return pairContentEnd(cx, last as Pair);
  }
  if (isSeq(n)) {
    const i = n.items.length - 1;
    if (i < 0) return r[1];
    return contentEnd(cx, (n.items[i] as AnyNode | null) ?? null, seqItemHeadEnd(n, i));
  }
  return r[1];
}

function pairContentEnd(cx: Ctx, pair: Pair): number {
  const head = Math.max(colonEnd(cx.text, pair), headEnd(sepTokens(pair)) ?? 0);
  return contentEnd(cx, (pair.value as AnyNode | null) ?? null, head);
}

/** Where a node starts in the text; for a block sequence, its first `-`. */
function nodeStart(node: AnyNode): number {
  if (isSeq(node) && !node.flow && node.items.length > 0) return dashOffset(node, 0);
  return rangeOf(node)[0];
}

/** Start of a flow collection item (a pair's key or the item node). */
function flowItemStart(item: unknown): number {
  if (isPair(item)) {
    const k = item.key as AnyNode | null;
    if (k && k.range) return k.range[0];
    const v = item.value as AnyNode | null;
    if (v && v.range) return v.range[0];
    throw new EditError("internal: a flow item without range");
  }
  return rangeOf(item as AnyNode)[0];
}

function flowItemEnd(item: unknown): number {
  if (isPair(item)) {
    const v = item.value as AnyNode | null;
    if (v && v.range && !(isScalar(v) && v.range[0] === v.range[1])) return v.range[1];
    const k = item.key as AnyNode | null;
    if (k && k.range) return k.range[1];
    throw new EditError("internal: a flow item without range");
  }
  return rangeOf(item as AnyNode)[1];
}

// ---------------------------------------------------------------------------------------------------------
// Style of the file

interface Layout {
  /** Indentation step of nested block maps. */
  unit: number;
  /** Block sequences under a key are indented (`key:\n  - a`) rather than at the key's column. */
  seqIndent: boolean;
  /** Column of a map item's keys after its `-` (2 for `- name: a`, 4 for `-   name: a`). */
  itemOffset: number;
  eol: string;
}

function layout(cx: Ctx, chain: readonly Loc[]): Layout {
  const text = cx.text;
  let unit: number | undefined;
  // nearest ancestor first: a block map that is the value of a pair of a block map
  for (let i = chain.length - 1; i > 0 && unit === undefined; i--) {
    const loc = chain[i]!;
    const first = isMap(loc.node) && !loc.node.flow ? (loc.node.items[0]?.key as AnyNode | undefined) : undefined;
    if (first?.range && loc.pair?.key && isMap(loc.parent?.node) && !(loc.parent!.node as YAMLMap).flow) {
      const step = column(text, first.range[0]) - column(text, rangeOf(loc.pair.key as AnyNode)[0]);
      if (step > 0) unit = step;
    }
  }
  let seqIndent: boolean | undefined;
  let itemOffset: number | undefined;
  visit(cx.doc, {
    Seq(_, seq) {
      const first = seq.items[0];
      if (itemOffset !== undefined || seq.flow || !isMap(first) || first.flow || !first.range) return;
      const step = column(text, first.range[0]) - column(text, dashOffset(seq, 0));
      if (step >= 2 && lineStart(text, first.range[0]) === lineStart(text, dashOffset(seq, 0))) itemOffset = step;
    },
    Pair(_, pair) {
      const key = pair.key as AnyNode | null;
      const value = pair.value as AnyNode | null;
      if (!key?.range || !isBlockCollection(value) || value.items.length === 0) return;
      const keyCol = column(text, key.range[0]);
      if (isMap(value)) {
        const first = value.items[0]?.key as AnyNode | null | undefined;
        const step = first?.range ? column(text, first.range[0]) - keyCol : 0;
        if (unit === undefined && step > 0) unit = step;
      } else {
        const dashCol = column(text, dashOffset(value, 0));
        if (seqIndent === undefined) seqIndent = dashCol > keyCol;
        if (unit === undefined && dashCol > keyCol) unit = dashCol - keyCol;
      }
      if (unit !== undefined && seqIndent !== undefined && itemOffset !== undefined) return visit.BREAK;
      return undefined;
    },
  });
  return { unit: unit ?? 2, seqIndent: seqIndent ?? true, itemOffset: itemOffset ?? 2, eol: cx.eol };
}

/** JSON-like documents: the indentation step of multi-line flow collections, and whether the root is multi-line. */
function jsonLayout(cx: Ctx, chain: readonly Loc[]): { multiline: boolean; unit: number } {
  const text = cx.text;
  const root = cx.doc.contents as AnyNode | null;
  const multiline = cx.json && root?.range !== undefined && root.range !== null && lineStart(text, root.range[0]) !== lineStart(text, root.range[1]);
  for (let i = chain.length - 1; i >= 0; i--) {
    const n = chain[i]!.node;
    if (isCollection(n) && n.flow && n.items.length > 0 && n.range) {
      const s = flowItemStart(n.items[0]);
      if (lineStart(text, s) !== lineStart(text, n.range[0])) {
        const step = column(text, s) - lineIndent(text, n.range[0]);
        if (step > 0) return { multiline, unit: step };
      }
    }
  }
  return { multiline, unit: 2 };
}

// ---------------------------------------------------------------------------------------------------------
// Rendering values

const BOOL_OR_NULL = /^(?:~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const NUMBER_LIKE = [
  /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?0(?:[xX][0-9a-fA-F_]+|[oO][0-7_]+|[bB][01_]+)$/,
  /^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/, // YAML 1.1 sexagesimal
  /^\d{4}-\d\d?-\d\d?(?:[Tt \t]|$)/, // timestamps
];

/** Whether a string must be quoted to be read back as the same string (YAML 1.2 and 1.1 / Kubernetes alike). */
export function needsQuotes(s: string, flow = false): boolean {
  if (s === "") return true;
  // indicators; `-`, `?` and `:` only when a space follows (`--port=80` is a plain scalar)
  if (/^[,[\]{}#&*!|>'"%@`\s]|^[-?:](?:\s|$)|^(?:---|\.\.\.)/.test(s) || /\s$/.test(s)) return true;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(s)) return true;
  if (s.includes(": ") || s.includes(" #") || s.endsWith(":")) return true;
  if (flow && /[,[\]{}]/.test(s)) return true;
  if (BOOL_OR_NULL.test(s) || NUMBER_LIKE.some((re) => re.test(s))) return true;
  return s === "=" || s === "<<";
}

function doubleQuoted(s: string): string {
  return JSON.stringify(s);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isScalarValue(v: unknown): boolean {
  return v === null || typeof v !== "object";
}

function isEmptyCollection(v: unknown): boolean {
  return Array.isArray(v) ? v.length === 0 : isPlainObject(v) && Object.keys(v).length === 0;
}

function scalarText(v: unknown, flow: boolean, json: boolean): string {
  switch (typeof v) {
    case "string":
      return json || needsQuotes(v, flow) ? doubleQuoted(v) : v;
    case "number":
      if (Number.isFinite(v)) return String(v);
      if (json) throw new EditError(`${v} cannot be written in JSON`);
      return Number.isNaN(v) ? ".nan" : v > 0 ? ".inf" : "-.inf";
    case "bigint":
    case "boolean":
      return String(v);
    case "undefined":
      throw new EditError("a fix value is undefined");
    default:
      if (v === null) return "null";
      throw new EditError(`cannot write a value of type ${typeof v}`);
  }
}

/** A scalar replacing `old`: a string keeps the old quoting style when it can. */
function scalarReplacing(old: AnyNode | null, v: unknown, flow: boolean, json: boolean): string {
  if (typeof v !== "string" || json || !isScalar(old)) return scalarText(v, flow, json);
  // eslint-disable-next-line no-control-regex
  const plainChars = !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(v);
  if (old.type === Scalar.QUOTE_DOUBLE) return doubleQuoted(v);
  if (old.type === Scalar.QUOTE_SINGLE && plainChars) return `'${v.replace(/'/g, "''")}'`;
  return scalarText(v, flow, json);
}

function keyText(k: string, flow: boolean, json: boolean): string {
  return json || needsQuotes(k, flow) ? doubleQuoted(k) : k;
}

function flowText(v: unknown, json: boolean): string {
  if (Array.isArray(v)) return `[${v.map((x) => flowText(x, json)).join(", ")}]`;
  if (isPlainObject(v)) {
    return `{${Object.entries(v)
      .map(([k, x]) => `${keyText(k, true, json)}: ${flowText(x, json)}`)
      .join(", ")}}`;
  }
  return scalarText(v, true, json);
}

/** Multi-line JSON (as JSON.stringify with the file's step) whose first line continues at `col`. */
function jsonText(v: unknown, col: number, unit: number, eol: string): string {
  if (isScalarValue(v)) return scalarText(v, true, true);
  const s = JSON.stringify(v, null, unit);
  if (s === undefined) throw new EditError("a fix value cannot be written as JSON");
  return s.split("\n").join(eol + pad(col));
}

function inlineText(v: unknown): string {
  if (Array.isArray(v) && v.length === 0) return "[]";
  if (isPlainObject(v) && Object.keys(v).length === 0) return "{}";
  return scalarText(v, false, false);
}

/** Lines of a non-empty map or sequence in block style, at column `col`. */
function blockLines(v: unknown, col: number, lay: Layout): string[] {
  const out: string[] = [];
  if (Array.isArray(v)) for (const item of v) out.push(...seqItemLines(item, col, lay));
  else if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) out.push(...pairLines(k, x, col, lay));
  else throw new EditError("internal: block lines of a scalar");
  return out;
}

function childColumn(v: unknown, keyCol: number, lay: Layout): number {
  return Array.isArray(v) && !lay.seqIndent ? keyCol : keyCol + lay.unit;
}

function pairLines(k: string, x: unknown, col: number, lay: Layout): string[] {
  const head = `${pad(col)}${keyText(k, false, false)}:`;
  if (isScalarValue(x) || isEmptyCollection(x)) return [`${head} ${inlineText(x)}`];
  return [head, ...blockLines(x, childColumn(x, col, lay), lay)];
}

function seqItemLines(x: unknown, col: number, lay: Layout): string[] {
  if (isScalarValue(x) || isEmptyCollection(x)) return [`${pad(col)}- ${inlineText(x)}`];
  const offset = isPlainObject(x) ? lay.itemOffset : 2;
  const inner = blockLines(x, col + offset, lay);
  inner[0] = `${pad(col)}-${pad(offset - 1)}${inner[0]!.slice(col + offset)}`;
  return inner;
}

// ---------------------------------------------------------------------------------------------------------
// Operations

function opEdits(text: string, address: ObjectAddress, op: YamlOp, options: EditOptions | undefined): TextEdit[] {
  const cx = context(text, address);
  const prefix = address.prefix;
  if (!Array.isArray(op.path) || op.path.length === 0) throw new EditError(`${op.op}: the path is empty; a fix cannot replace or remove the whole object`);
  const path: YamlPath = [...prefix, ...op.path];
  const w = walk(cx, path);
  if (w.found < prefix.length || !isMap(w.chain[prefix.length]!.node)) {
    throw new EditError(`document ${address.document} has no object at ${prefix.length === 0 ? "its root" : formatPathLocal(prefix)}`);
  }
  switch (op.op) {
    case "set":
      return setEdits(cx, w, path, op.value, options);
    case "remove":
      return removeEdits(cx, w, path);
    case "append":
      return appendEdits(cx, w, path, op.value);
    default:
      throw new EditError(`unknown fix operation ${JSON.stringify((op as { op: unknown }).op)}`);
  }
}

function nest(rest: YamlPath, value: unknown): unknown {
  return rest.reduceRight<unknown>((acc, k) => ({ [String(k)]: acc }), value);
}

function setEdits(cx: Ctx, w: Walk, path: YamlPath, value: unknown, options: EditOptions | undefined): TextEdit[] {
  if (w.found === path.length) return replaceEdits(cx, w.chain, path, value);
  const loc = w.chain[w.found]!;
  const rest = path.slice(w.found);
  const bad = rest.find((s) => typeof s === "number");
  if (bad !== undefined) {
    throw new EditError(`${where(path, w.found + 1)} does not exist: cannot create the sequence item [${bad}] of ${formatPathLocal(path)}`);
  }
  const created = nest(rest.slice(1), value);
  if (isNull(loc.node)) return replaceEdits(cx, w.chain.slice(0, w.found + 1), path.slice(0, w.found), { [String(rest[0])]: created });
  return insertPairEdits(cx, w.chain, String(rest[0]), created, options?.after);
}

/** Replaces the value at the end of `chain` (an existing node, possibly an empty one). */
function replaceEdits(cx: Ctx, chain: readonly Loc[], path: YamlPath, value: unknown): TextEdit[] {
  const loc = chain[chain.length - 1]!;
  const parentLoc = loc.parent;
  if (!parentLoc) throw new EditError("cannot replace the whole document");
  checkSubtreeAnchors(cx, loc.node, path);
  const text = cx.text;
  const node = loc.node;
  const parent = parentLoc.node;
  const flowParent = isCollection(parent) && parent.flow === true;
  const empty = emptySource(node);
  const head = headOf(cx, loc);
  const start = empty ? head : tagStart(cx, loc, nodeStart(node!));
  const end = empty ? head : contentEnd(cx, node, head);

  // Inside flow collections (and JSON): one flow value in place.
  if (flowParent || cx.json) {
    const json = cx.json || flowIsJsonish(parent);
    let t: string;
    if (isScalarValue(value)) t = scalarReplacing(node, value, true, json);
    else if (json && jsonLayout(cx, chain).multiline) t = jsonText(value, lineIndent(text, start), jsonLayout(cx, chain).unit, cx.eol);
    else t = flowText(value, json);
    if (!empty) return [{ start, end, text: t }];
    // `{a: }` → `{a: 1}`; `{a}` → `{a: 1}`
    const colon = loc.pair ? sepTokens(loc.pair)?.some((tk) => tk.type === "map-value-ind") : true;
    if (colon && /^ +[,}\]]/.test(text.slice(head))) return [{ start: head + 1, end: head + 1, text: t }];
    return [{ start, end, text: colon ? ` ${t}` : `: ${t}` }];
  }

  const lay = layout(cx, chain);
  if (isScalarValue(value) || isEmptyCollection(value)) {
    const t = isScalarValue(value) ? scalarReplacing(node, value, false, false) : inlineText(value);
    if (empty) return [{ start: head, end: head, text: ` ${t}` }];
    if (isBlockCollection(node) && loc.pair) {
      // `key:\n  a: 1` → `key: {}`; stays on its own line when a comment sits between
      const colon = colonEnd(text, loc.pair);
      if (blank(text.slice(colon, start).replace(/\r?\n[ \t]*/g, ""))) return [{ start: colon, end, text: ` ${t}` }];
    }
    return [{ start, end, text: t }];
  }

  // A non-empty map or sequence in block context.
  if (!loc.pair) {
    // a sequence item: `- x` → `- a: 1\n  b: 2`
    if (empty) {
      const col = column(text, head) + 1;
      const lines = blockLines(value, col, lay);
      return [{ start: head, end: head, text: ` ${lines.join(cx.eol).slice(col)}` }];
    }
    const col = column(text, start);
    return [{ start, end, text: blockLines(value, col, lay).join(cx.eol).slice(col) }];
  }
  const keyCol = column(text, rangeOf(loc.pair.key as AnyNode)[0]);
  if (!empty && isBlockCollection(node) && Array.isArray(value) === isSeq(node)) {
    // same kind of collection: keep its column
    const col = column(text, start);
    return [{ start, end, text: blockLines(value, col, lay).join(cx.eol).slice(col) }];
  }
  const lines = blockLines(value, childColumn(value, keyCol, lay), lay);
  if (!empty && isBlockCollection(node)) {
    return [{ start: lineStart(text, start), end, text: lines.join(cx.eol) }];
  }
  // a scalar, alias, flow collection or nothing after `key:` → a block under the key; a comment on the key line stays there
  const colon = colonEnd(text, loc.pair);
  const eolAt = lineEnd(text, end);
  const block = cx.eol + lines.join(cx.eol);
  if (blank(text.slice(end, eolAt))) return [{ start: colon, end: eolAt, text: block }];
  return [
    { start: colon, end, text: "" },
    { start: eolAt, end: eolAt, text: block },
  ];
}

/** A scalar's explicit tag (`!!str 12`) goes with the value it tags: a replacement starts at the tag. */
function tagStart(cx: Ctx, loc: Loc, start: number): number {
  if (!isScalar(loc.node)) return start;
  let tokens: readonly CST.SourceToken[] | undefined;
  if (loc.pair) tokens = sepTokens(loc.pair);
  else {
    const tok = (loc.parent?.node as { srcToken?: CST.Token } | null | undefined)?.srcToken;
    if (tok && (tok.type === "block-seq" || tok.type === "flow-collection")) tokens = tok.items[loc.index]?.start;
  }
  const tag = tokens?.find((t) => t.type === "tag" && t.offset < start);
  return tag && /^!\S*[ \t]+$/.test(cx.text.slice(tag.offset, start)) ? tag.offset : start;
}

function flowIsJsonish(coll: AnyNode | null): boolean {
  if (isMap(coll)) {
    return coll.items.length > 0 && coll.items.every((p) => isScalar(p.key) && p.key.type === Scalar.QUOTE_DOUBLE);
  }
  if (isSeq(coll)) {
    const strings = coll.items.filter((x) => isScalar(x) && typeof x.value === "string");
    return strings.length > 0 && strings.every((x) => (x as Scalar).type === Scalar.QUOTE_DOUBLE);
  }
  return false;
}

/** Adds `key: value` to the existing map at the end of `chain`. */
function insertPairEdits(cx: Ctx, chain: readonly Loc[], key: string, value: unknown, after: readonly string[] | undefined): TextEdit[] {
  const map = chain[chain.length - 1]!.node as YAMLMap;
  const text = cx.text;
  let anchor = map.items.length - 1;
  for (const k of after ?? []) {
    const i = map.items.findIndex((p) => keyMatches(p.key, k));
    if (i >= 0) {
      anchor = i;
      break;
    }
  }
  if (map.flow) {
    const json = cx.json || flowIsJsonish(map);
    const jl = jsonLayout(cx, chain);
    return flowInsertEdits(cx, map, anchor, jl, (multiline, col) => {
      const v = multiline && json && jl.multiline ? jsonText(value, col, jl.unit, cx.eol) : flowText(value, json);
      return `${keyText(key, true, json)}: ${v}`;
    });
  }
  const lay = layout(cx, chain);
  const first = map.items[0]?.key as AnyNode | null | undefined;
  if (!first?.range) throw new EditError("internal: a block map without keys");
  const col = column(text, first.range[0]);
  const pos = lineEnd(text, pairContentEnd(cx, map.items[anchor] as Pair));
  return [{ start: pos, end: pos, text: cx.eol + pairLines(key, value, col, lay).join(cx.eol) }];
}

/**
 * Adds an item to a flow collection after item `after` (the last one by default): `, item`, or on its own
 * line when the items are one per line; an empty collection gets the item between its brackets (multi-line
 * JSON: on its own line).
 */
function flowInsertEdits(
  cx: Ctx,
  coll: YAMLMap | YAMLSeq,
  after: number,
  jl: { multiline: boolean; unit: number },
  item: (multiline: boolean, col: number) => string,
): TextEdit[] {
  const text = cx.text;
  const [open, closeEnd] = rangeOf(coll);
  const close = closeEnd - 1;
  if (!"{[".includes(text[open]!) || !"}]".includes(text[close]!)) throw new EditError("internal: cannot find the brackets of a flow collection");
  if (coll.items.length === 0) {
    if (cx.json && jl.multiline) {
      const base = lineIndent(text, open);
      const col = base + jl.unit;
      return [{ start: open + 1, end: close, text: cx.eol + pad(col) + item(true, col) + cx.eol + pad(base) }];
    }
    const inner = text.slice(open + 1, close);
    const t = item(false, 0);
    return [{ start: open + 1, end: close, text: inner.length > 0 && blank(inner) ? ` ${t} ` : t }];
  }
  const it = coll.items[after];
  const s = flowItemStart(it);
  const e = flowItemEnd(it);
  const multiline = lineStart(text, s) !== lineStart(text, open);
  const col = column(text, s);
  const sep = multiline ? cx.eol + pad(col) : " ";
  const trailing = /^\s*,/.exec(text.slice(e, close));
  if (after === coll.items.length - 1 && trailing) {
    // `[a, b,]`: the new item goes after the trailing comma, and keeps one
    const at = e + trailing[0].length;
    return [{ start: at, end: at, text: `${sep}${item(multiline, col)},` }];
  }
  return [{ start: e, end: e, text: `,${sep}${item(multiline, col)}` }];
}

function removeEdits(cx: Ctx, w: Walk, path: YamlPath): TextEdit[] {
  if (w.found < path.length) return []; // nothing to remove
  const loc = w.chain[w.chain.length - 1]!;
  const parentLoc = loc.parent!;
  const parent = parentLoc.node as YAMLMap | YAMLSeq;
  checkSubtreeAnchors(cx, loc.node, path);
  const text = cx.text;
  const count = parent.items.length;

  if (parent.flow) {
    const items = parent.items as unknown[];
    const [open, closeEnd] = rangeOf(parent);
    if (count === 1) return [{ start: open + 1, end: closeEnd - 1, text: "" }];
    if (loc.index < count - 1) return [{ start: flowItemStart(items[loc.index]), end: flowItemStart(items[loc.index + 1]), text: "" }];
    return [{ start: flowItemEnd(items[loc.index - 1]), end: flowItemEnd(items[loc.index]), text: "" }];
  }

  // block: the item's own lines, from its key or `-` to the end of its content's line
  const start = loc.pair ? rangeOf(loc.pair.key as AnyNode)[0] : dashOffset(parent as YAMLSeq, loc.index);
  const end = loc.pair ? pairContentEnd(cx, loc.pair) : contentEnd(cx, loc.node, seqItemHeadEnd(parent as YAMLSeq, loc.index));
  const ls = lineStart(text, start);
  const le = lineEnd(text, end);
  const next = nextLineStart(text, end);
  const ownLine = blank(text.slice(ls, start));
  /** Deletes whole lines [ls, next); at the end of a text without final line break, also the line break before. */
  const deleteLines = (): TextEdit => (next === le && ls > 0 ? { start: ls - (text[ls - 2] === "\r" ? 2 : 1), end: le, text: "" } : { start: ls, end: next, text: "" });

  if (count === 1) {
    const emptyText = isMap(parent) ? "{}" : "[]";
    const holder = parentLoc.pair;
    if (holder && ownLine) {
      // `key:\n  only: 1` → `key: {}`
      const colon = Math.max(colonEnd(text, holder), headEnd(sepTokens(holder)) ?? 0);
      const del = deleteLines();
      if (del.start <= colon) return [{ start: colon, end: del.end, text: ` ${emptyText}` }];
      return [{ start: colon, end: colon, text: ` ${emptyText}` }, del];
    }
    if (ownLine) return [{ start: ls, end: le, text: pad(start - ls) + emptyText }];
    // `- only: 1` → `- {}`
    return [{ start, end: le, text: emptyText }];
  }
  if (ownLine) return [deleteLines()];
  // the first pair of a compact item `- name: a\n  image: b`: the next pair moves up to the `- ` line
  if (loc.index < count - 1) {
    const nextItem = loc.pair ? rangeOf((parent as YAMLMap).items[loc.index + 1]!.key as AnyNode)[0] : dashOffset(parent as YAMLSeq, loc.index + 1);
    return [{ start, end: nextItem, text: "" }];
  }
  throw new EditError(`cannot remove ${formatPathLocal(path)}: unusual layout`);
}

function appendEdits(cx: Ctx, w: Walk, path: YamlPath, value: unknown): TextEdit[] {
  if (w.found < path.length) return setEdits(cx, w, path, [value], undefined);
  const loc = w.chain[w.chain.length - 1]!;
  const node = loc.node;
  if (isNull(node)) return replaceEdits(cx, w.chain, path, [value]);
  if (!isSeq(node)) throw new EditError(`cannot append to ${formatPathLocal(path)}: it is not a sequence`);
  if (node.flow) {
    const json = cx.json || flowIsJsonish(node);
    const jl = jsonLayout(cx, w.chain);
    return flowInsertEdits(cx, node, node.items.length - 1, jl, (multiline, col) =>
      multiline && json && jl.multiline ? jsonText(value, col, jl.unit, cx.eol) : flowText(value, json),
    );
  }
  const i = node.items.length - 1;
  const col = column(cx.text, dashOffset(node, i));
  const pos = lineEnd(cx.text, contentEnd(cx, (node.items[i] as AnyNode | null) ?? null, seqItemHeadEnd(node, i)));
  return [{ start: pos, end: pos, text: cx.eol + seqItemLines(value, col, layout(cx, w.chain)).join(cx.eol) }];
}

// ---------------------------------------------------------------------------------------------------------
// Verification: the edited text must parse, and hold exactly the expected value

/** The op applied to a plain JS value (a copy): the meaning the text edits must have. */
export function applyOpToValue(root: unknown, op: YamlOp): unknown {
  const copy = structuredClone(root);
  const path = op.path;
  if (path.length === 0) throw new EditError("empty path");
  let cur: unknown = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i]!;
    const container = cur as Record<string, unknown>;
    let next = Array.isArray(cur) ? (cur as unknown[])[seg as number] : isPlainObject(cur) ? container[String(seg)] : undefined;
    if (next === undefined || next === null) {
      if (op.op === "remove") return copy;
      next = {};
      container[String(seg)] = next;
    }
    cur = next;
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(cur)) {
    const i = last as number;
    if (op.op === "set") cur[i] = structuredClone(op.value);
    else if (op.op === "remove") cur.splice(i, 1);
    else {
      const existing = cur[i];
      if (Array.isArray(existing)) existing.push(structuredClone(op.value));
      else cur[i] = [structuredClone(op.value)];
    }
  } else if (isPlainObject(cur)) {
    const k = String(last);
    if (op.op === "set") cur[k] = structuredClone(op.value);
    else if (op.op === "remove") delete cur[k];
    else {
      const existing = cur[k];
      if (Array.isArray(existing)) existing.push(structuredClone(op.value));
      else cur[k] = [structuredClone(op.value)];
    }
  }
  return copy;
}

function getAt(root: unknown, path: YamlPath): unknown {
  let cur = root;
  for (const seg of path) {
    if (Array.isArray(cur)) cur = cur[seg as number];
    else if (isPlainObject(cur)) cur = cur[String(seg)];
    else return undefined;
  }
  return cur;
}

function setAt(root: unknown, path: YamlPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
  return root;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const UNREADABLE = Symbol("unreadable");

/** The value of every document; UNREADABLE for a document with errors. */
function docValues(text: string): unknown[] {
  return parseDocs(text).map((d) => {
    if (d.errors.length > 0) return UNREADABLE;
    try {
      return d.toJS({ maxAliasCount: 1000 }) as unknown;
    } catch {
      return UNREADABLE;
    }
  });
}

/** Checks the text after an op against the values before it; returns the values after it (the next op's "before"). */
function verify(old: unknown[], after: string, address: ObjectAddress, op: YamlOp): unknown[] {
  const now = docValues(after);
  const i = address.document;
  const fail = (why: string): never => {
    throw new EditError(`internal: the edit for ${op.op} ${formatPathLocal(op.path)} ${why}; the file is left unchanged`);
  };
  if (old[i] === UNREADABLE) fail("cannot be checked: the document cannot be read as data");
  if (now[i] === UNREADABLE) fail("does not parse");
  const expected = [...old];
  expected[i] = setAt(structuredClone(old[i]), address.prefix, applyOpToValue(getAt(old[i], address.prefix), op));
  if (old.length !== now.length || !expected.every((v, j) => v === now[j] || deepEqual(v, now[j]))) fail("did not produce the expected value");
  return now;
}

// ---------------------------------------------------------------------------------------------------------
// Edit composition

/**
 * Adds edit `e` (offsets into `current`, the text that `acc` produces from the original) to `acc` (edits of
 * the original text, sorted, non-overlapping), merging it with the edits it touches.
 */
function compose(acc: TextEdit[], e: TextEdit, current: string): TextEdit[] {
  let shift = 0;
  let first = -1;
  let last = -1;
  let shiftFirst = 0;
  let shiftAfterLast = 0;
  let insertAt = acc.length;
  let shiftBefore = 0;
  for (let i = 0; i < acc.length; i++) {
    const a = acc[i]!;
    const cs = a.start + shift;
    const ce = cs + a.text.length;
    const delta = a.text.length - (a.end - a.start);
    if (cs <= e.end && ce >= e.start) {
      if (first < 0) {
        first = i;
        shiftFirst = shift;
      }
      last = i;
      shiftAfterLast = shift + delta;
    } else if (ce < e.start) {
      shiftBefore = shift + delta;
    } else if (insertAt === acc.length && cs > e.end) {
      insertAt = i;
    }
    shift += delta;
  }
  if (first < 0) {
    const out = [...acc];
    out.splice(insertAt, 0, { start: e.start - shiftBefore, end: e.end - shiftBefore, text: e.text });
    return out;
  }
  const f = acc[first]!;
  const l = acc[last]!;
  const csF = f.start + shiftFirst;
  const ceL = l.start + (shiftAfterLast - (l.text.length - (l.end - l.start))) + l.text.length;
  const curStart = Math.min(e.start, csF);
  const curEnd = Math.max(e.end, ceL);
  const origStart = e.start < csF ? e.start - shiftFirst : f.start;
  const origEnd = e.end > ceL ? e.end - shiftAfterLast : l.end;
  const merged = { start: origStart, end: origEnd, text: current.slice(curStart, e.start) + e.text + current.slice(e.end, curEnd) };
  const out = [...acc];
  out.splice(first, last - first + 1, merged);
  return out;
}

/** Drops edits that leave the text as it was (an op that changed nothing, or a later op undoing an earlier one). */
function changes(original: string, e: TextEdit): boolean {
  return original.slice(e.start, e.end) !== e.text;
}
