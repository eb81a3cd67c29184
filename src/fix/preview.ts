// What each fix would change in its file, for reports: SARIF `fixes` need replacements of the original text, the
// Markdown and HTML reports show a diff beside the finding. Computed per fix against the unmodified file.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Finding, FixPreview, TextSpan } from "../model/finding.js";
import { applyDockerfileFixes, isDockerfileFix } from "./dockerfile-edit.js";
import { type FixCandidate, applyFileFixes } from "./plan.js";

/** Files larger than this get no previews (each fix re-parses its file). */
const MAX_PREVIEW_BYTES = 2 * 1024 * 1024;
/**
 * At most this many previews per scan, the most severe findings first: each costs a few milliseconds (the fix is
 * applied to its document), and a report of thousands of diffs helps nobody; `fix --dry-run` shows them all.
 */
export const MAX_PREVIEWS = 300;
const RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/**
 * Adds `fix.preview` to findings whose fix can be applied to their file (not rendered output). Files are read
 * again from disk, relative to `cwd`; a file that cannot be read or a fix that does not apply gets no preview.
 */
export function attachFixPreviews(findings: readonly Finding[], cwd: string, limit = MAX_PREVIEWS): number {
  const texts = new Map<string, string | undefined>();
  let n = 0;
  const fixable = findings.filter((f) => f.fix && f.target && !f.rendered && f.fix.ops.length > 0);
  // the most severe first; within a severity, file order (one file's text and documents are split once)
  const chosen = new Set([...fixable].sort((a, b) => (RANK[a.severity] ?? 5) - (RANK[b.severity] ?? 5)).slice(0, limit));
  for (const f of fixable) {
    if (!chosen.has(f)) continue;
    if (!f.fix || !f.target) continue;
    const file = f.location.file;
    if (!texts.has(file)) texts.set(file, read(path.resolve(cwd, file)));
    const text = texts.get(file);
    if (text === undefined) continue;
    const c: FixCandidate = { finding: f, fix: f.fix, file, document: f.target.document, prefix: f.target.prefix };
    let after: string;
    try {
      const r = isDockerfileFix(c) ? applyDockerfileFixes(text, [c]) : applyFileFixes(text, [c]);
      if (r.applied.length === 0) continue;
      after = r.text;
    } catch {
      continue;
    }
    if (after === text) continue;
    f.fix = { ...f.fix, preview: preview(file, text, after) };
    n++;
  }
  return n;
}

function read(file: string): string | undefined {
  try {
    const text = readFileSync(file, "utf8");
    return text.length > MAX_PREVIEW_BYTES ? undefined : text;
  } catch {
    return undefined;
  }
}

/** One replacement covering the changed region (common prefix and suffix left out), and the diff. */
export function preview(file: string, before: string, after: string): FixPreview {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  // an insertion or deletion can sit anywhere in a run of equal text: slide it left, to the start of its line
  if (endB === start || endA === start) {
    const insertion = endB === start;
    const moved = insertion ? after : before;
    let end = insertion ? endA : endB;
    while (start > 0 && before[start - 1] !== "\n" && before[start - 1] === moved[end - 1]) {
      start--;
      end--;
    }
    if (insertion) {
      endA = end;
      endB = start;
    } else {
      endB = end;
      endA = start;
    }
  }
  const span = spanOf(before, start, endB);
  return { replacements: [{ ...span, text: after.slice(start, endA) }], diff: hunk(file, before, after, start, endB, endA) };
}

/** Offsets where each line starts, for the last text asked (previews go through one file at a time). */
let linesOf: { text: string; starts: number[] } | undefined;
function lineStarts(text: string): number[] {
  if (linesOf?.text !== text) {
    const starts = [0];
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    linesOf = { text, starts };
  }
  return linesOf.starts;
}

/** 1-based line and column of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const starts = lineStarts(text);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/**
 * A unified diff of one change, built from the changed region alone (whole-file diffs of large manifests cost far
 * more than the fix): the changed lines, whole, with up to two lines of context on each side.
 */
function hunk(file: string, before: string, after: string, start: number, endB: number, endA: number): string {
  const CONTEXT = 2;
  const ls = before.lastIndexOf("\n", start - 1) + 1;
  let eb = endB;
  let ea = endA;
  const boundary = (t: string, e: number) => e === t.length || e === ls || t[e - 1] === "\n";
  // widen to whole lines: what follows the change is the same in both texts, so both ends move together
  while (!(boundary(before, eb) && boundary(after, ea))) {
    const nl = before.indexOf("\n", eb);
    const step = (nl < 0 ? before.length : nl + 1) - eb;
    if (step <= 0) break;
    eb += step;
    ea += step;
  }
  const lines = (t: string) => (t === "" ? [] : t.replace(/\r?\n$/, "").split(/\r?\n/));
  const oldLines = lines(before.slice(ls, eb));
  const newLines = lines(after.slice(ls, ea));
  const first = position(before, ls).line;
  const starts = lineStarts(before);
  const leadFrom = Math.max(1, first - CONTEXT);
  const lead = lines(before.slice(starts[leadFrom - 1]!, ls));
  const tailLine = position(before, Math.min(eb, before.length)).line + (eb > ls && before[eb - 1] === "\n" ? 0 : oldLines.length === 0 ? 0 : 1);
  const tailStart = eb;
  const tailEnd = starts[Math.min(starts.length - 1, tailLine - 1 + CONTEXT)] ?? before.length;
  const tail = tailEnd > tailStart ? lines(before.slice(tailStart, tailEnd)) : [];
  const oldStart = first - lead.length;
  const header = `@@ -${oldStart},${lead.length + oldLines.length + tail.length} +${oldStart},${lead.length + newLines.length + tail.length} @@`;
  const body = [...lead.map((l) => ` ${l}`), ...oldLines.map((l) => `-${l}`), ...newLines.map((l) => `+${l}`), ...tail.map((l) => ` ${l}`)];
  return [`--- a/${file}`, `+++ b/${file}`, header, ...body].join("\n");
}

function spanOf(text: string, start: number, end: number): TextSpan {
  const a = position(text, start);
  const b = position(text, end);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}
