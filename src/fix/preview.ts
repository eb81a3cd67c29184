// What each fix would change in its file, for reports: SARIF `fixes` need replacements of the original text, the
// Markdown and HTML reports show a diff beside the finding. Computed per fix against the unmodified file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import type { Finding, FixPreview, TextSpan } from "../model/finding.js";
import { applyDockerfileFixes, isDockerfileFix } from "./dockerfile-edit.js";
import { type FixCandidate, applyFileFixes } from "./plan.js";

/** Files larger than this get no previews (each fix re-parses its file). */
const MAX_PREVIEW_BYTES = 2 * 1024 * 1024;
/** At most this many previews per scan: a report of thousands of diffs helps nobody. */
const MAX_PREVIEWS = 2000;

/**
 * Adds `fix.preview` to findings whose fix can be applied to their file (not rendered output). Files are read
 * again from disk, relative to `cwd`; a file that cannot be read or a fix that does not apply gets no preview.
 */
export function attachFixPreviews(findings: readonly Finding[], cwd: string): number {
  const texts = new Map<string, string | undefined>();
  let n = 0;
  for (const f of findings) {
    if (n >= MAX_PREVIEWS) break;
    if (!f.fix || !f.target || f.rendered || f.fix.ops.length === 0) continue;
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
  const span = spanOf(before, start, endB);
  const diff = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 2 })
    .split("\n")
    .filter((l) => !/^=+$/.test(l) && !l.startsWith("Index: "))
    .join("\n")
    .trimEnd();
  return { replacements: [{ ...span, text: after.slice(start, endA) }], diff };
}

function spanOf(text: string, start: number, end: number): TextSpan {
  const pos = (offset: number) => {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
  };
  const a = pos(start);
  const b = pos(end);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}
