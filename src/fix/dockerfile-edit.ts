// Dockerfile fixes: text edits at the spans the engine resolved for each op (see FixOp replaceText/insertText).
// Spans are 1-based lines and columns with the end column exclusive, as the Dockerfile locator gives them; columns
// count UTF-16 code units, as JavaScript strings do. All the edits of the accepted fixes of a file are collected
// first (each fix against the text as scanned) and applied in one pass, so that the offsets of one fix are not
// disturbed by another. A fix whose edits overlap those of a fix accepted before it is refused, with a reason.
import type { FixOp, TextSpan } from "../model/finding.js";
import { formatPath } from "../model/types.js";
import type { FixCandidate, FileResult } from "./plan.js";

export function isDockerfileFix(c: FixCandidate): boolean {
  return c.finding.object?.kind === "Dockerfile";
}

/** One edit in offsets of the original text: replace [start, end) with text (start === end inserts). */
interface Edit {
  start: number;
  end: number;
  text: string;
  /**
   * Order among edits at one offset: insertions after an element (0), insertions before one (1), the replacement
   * starting there (2); then `nest`, so that text attached to an enclosing element lands outside text attached to
   * an element inside it (an instruction ends where its last word ends); then `seq`, the order of acceptance.
   */
  kind: 0 | 1 | 2;
  nest: number;
  seq: number;
  owner: FixCandidate;
}

class EditFailure extends Error {}

/**
 * Applies the Dockerfile fixes of one file. Fixes are taken in the order given; a fix that cannot be applied (an op
 * without a resolved span, a span outside the file, an edit overlapping an accepted one) is reported in `failed`
 * and the others go on. Inserted and replacement text written with `\n` gets the line ending of the line it lands
 * on (`\r\n` in a CRLF file).
 */
export function applyDockerfileFixes(text: string, candidates: readonly FixCandidate[], accept: (c: FixCandidate) => boolean = () => true): FileResult {
  const out: FileResult = { text, applied: [], failed: [] };
  const lines = lineTable(text);
  const accepted: Edit[] = [];
  let seq = 0;
  for (const c of candidates) {
    if (!accept(c)) continue;
    try {
      if (!isDockerfileFix(c)) throw new EditFailure("not a Dockerfile fix");
      const edits: Edit[] = [];
      for (const op of c.fix.ops) edits.push(toEdit(op, lines, c, seq++));
      // the edits of one fix must not overlap each other, nor those of the fixes already accepted
      for (let i = 0; i < edits.length; i++) {
        for (let j = 0; j < i; j++) if (overlap(edits[i]!, edits[j]!)) throw new EditFailure("two of its edits overlap");
        const clash = accepted.find((a) => overlap(edits[i]!, a));
        if (clash) throw new EditFailure(`it overlaps the fix of ${clash.owner.finding.ruleId} (${clash.owner.fix.description}) applied before it; scan and fix again`);
      }
      accepted.push(...edits);
      out.applied.push(c);
    } catch (err) {
      if (!(err instanceof EditFailure)) throw err;
      out.failed.push({ candidate: c, reason: err.message });
    }
  }
  if (accepted.length === 0) return out;
  accepted.sort((a, b) => a.start - b.start || a.kind - b.kind || a.nest - b.nest || a.seq - b.seq);
  const parts: string[] = [];
  let cursor = 0;
  for (const e of accepted) {
    parts.push(text.slice(cursor, e.start), e.text);
    cursor = e.end;
  }
  parts.push(text.slice(cursor));
  out.text = parts.join("");
  return out;
}

/** Do two edits touch the same text? Insertions at the same point do not; an insertion strictly inside a replaced range does. */
function overlap(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return false;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return Math.max(a.start, b.start) < Math.min(a.end, b.end);
}

interface LineTable {
  /** Offset of the first character of each line (index 0: line 1). */
  starts: number[];
  /** Offset where each line's content ends (before `\r\n` or `\n`, or the end of the text). */
  ends: number[];
  /** Does the line end with `\r\n`? */
  crlf: boolean[];
}

function lineTable(text: string): LineTable {
  const t: LineTable = { starts: [0], ends: [], crlf: [] };
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 10) continue;
    const cr = i > 0 && text.charCodeAt(i - 1) === 13;
    t.ends.push(cr ? i - 1 : i);
    t.crlf.push(cr);
    t.starts.push(i + 1);
  }
  t.ends.push(text.length);
  t.crlf.push(false);
  return t;
}

/** Offset of a 1-based line and column; the column may point just past the line's content (an exclusive end). */
function offsetOf(lines: LineTable, line: number, column: number, what: string): number {
  const i = line - 1;
  const start = lines.starts[i];
  if (!Number.isInteger(line) || !Number.isInteger(column) || start === undefined || column < 1) throw new EditFailure(`the ${what} position ${line}:${column} is not in the file (has it changed since the scan?)`);
  const offset = start + column - 1;
  if (offset > lines.ends[i]!) throw new EditFailure(`the ${what} position ${line}:${column} is past the end of its line (has the file changed since the scan?)`);
  return offset;
}

/** The line's own ending; for a last line without one, that of the line before. */
function usesCrlf(lines: LineTable, line: number): boolean {
  const i = line - 1;
  if (i < lines.starts.length - 1) return lines.crlf[i] === true;
  return i > 0 && lines.crlf[i - 1] === true;
}

function toEdit(op: FixOp, lines: LineTable, owner: FixCandidate, seq: number): Edit {
  if (op.op !== "replaceText" && op.op !== "insertText") throw new EditFailure(`${op.op} ${formatPath(op.path)} is not a text edit`);
  const span: TextSpan | undefined = op.span;
  if (!span) throw new EditFailure(`${op.op} at ${formatPath(op.path)}: the path has no exact position in the file, so there is nothing to edit`);
  const start = offsetOf(lines, span.line, span.column, "start");
  const end = offsetOf(lines, span.endLine, span.endColumn, "end");
  if (end < start) throw new EditFailure(`${op.op} at ${formatPath(op.path)}: the span ends before it starts`);
  // the line ending of the line the edit lands on
  const crlf = usesCrlf(lines, op.op === "insertText" && op.position === "after" ? span.endLine : span.line);
  const body = crlf ? op.text.replace(/\r?\n/g, "\r\n") : op.text;
  if (op.op === "replaceText") return { start, end, text: body, kind: 2, nest: 0, seq, owner };
  // after: the element that starts later is inside, its text goes first; before: the one that ends later is outside
  if (op.position === "after") return { start: end, end, text: body, kind: 0, nest: -start, seq, owner };
  return { start, end: start, text: body, kind: 1, nest: -end, seq, owner };
}
