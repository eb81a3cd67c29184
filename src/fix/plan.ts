// Which fixes of a scan to apply, and applying them to file texts: safe ones by default, unsafe ones on request;
// never to rendered output (Helm, Kustomize), which gets patches or hints instead.
import type { Finding, Fix, FixOp, YamlFixOp } from "../model/finding.js";
import { type YamlPath, formatPath } from "../model/types.js";
import { parseAllDocuments } from "yaml";
import { EditError, applyOps } from "./yaml-edit.js";

export interface FixCandidate {
  finding: Finding;
  fix: Fix;
  /** The file to edit, as the scan names it. */
  file: string;
  document: number;
  prefix: YamlPath;
}

export interface FixPlan {
  /** Fixes to apply, by file, in file order. */
  byFile: Map<string, FixCandidate[]>;
  /** Fixes left out because they are unsafe (without --unsafe). */
  unsafeSkipped: FixCandidate[];
  /** Fixes of rendered objects: never applied to the rendered text; Kustomize gets patches, Helm hints. */
  rendered: FixCandidate[];
  /** Findings without a mechanical fix. */
  manual: Finding[];
}

export interface PlanOptions {
  unsafe: boolean;
}

/** Sorts the findings of a scan into what `fix` does with them. */
export function planFixes(findings: readonly Finding[], options: PlanOptions): FixPlan {
  const plan: FixPlan = { byFile: new Map(), unsafeSkipped: [], rendered: [], manual: [] };
  const seen = new Set<string>();
  for (const f of findings) {
    if (!f.fix || !f.target || f.fix.ops.length === 0) {
      if (f.object) plan.manual.push(f);
      continue;
    }
    const c: FixCandidate = { finding: f, fix: f.fix, file: f.location.file, document: f.target.document, prefix: f.target.prefix };
    if (f.rendered) {
      plan.rendered.push(c);
      continue;
    }
    if (f.fix.safety === "unsafe" && !options.unsafe) {
      plan.unsafeSkipped.push(c);
      continue;
    }
    // two rules may attach the same change (the same key set to the same value): apply it once
    const key = `${c.file}\u0000${c.document}\u0000${formatPath(c.prefix)}\u0000${JSON.stringify(c.fix.ops)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = plan.byFile.get(c.file) ?? [];
    list.push(c);
    plan.byFile.set(c.file, list);
  }
  return plan;
}

export interface FileResult {
  text: string;
  applied: FixCandidate[];
  failed: { candidate: FixCandidate; reason: string }[];
  /** Fixes that touch what an applied fix changed: their ops were computed for the file as it was, so they wait for a re-scan. */
  deferred?: FixCandidate[];
}

/**
 * What an op changes in its object: its path, or for list items (append, remove of an item, any path through a
 * list index) the list itself, since indexes shift.
 */
export function footprint(op: FixOp): string {
  const path = op.path;
  // removing an item shifts the indexes after it: the whole list is touched; appending touches the list
  const cut = op.op === "remove" && typeof path[path.length - 1] === "number" ? path.length - 1 : path.length;
  return path.slice(0, cut).map(String).join("\u0000");
}

export function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}\u0000`) || b.startsWith(`${a}\u0000`) || a === "" || b === "";
}

/**
 * Applies the fixes of one file, one after the other (each sees the text the previous produced). A fix that
 * cannot be applied (the file changed, two fixes disagree) is reported and the others go on.
 */
export function applyFileFixes(text: string, candidates: readonly FixCandidate[], accept: (c: FixCandidate) => boolean = () => true): FileResult {
  const chosen = candidates.filter(accept);
  const out: FileResult = { text, applied: [], failed: [], deferred: [] };
  if (chosen.length === 0) return out;
  // Each op re-parses what it edits: edit each document on its own, not the whole (possibly huge) file.
  const chunks = documentChunks(text);
  if (!chunks) return applyToText(text, chosen);
  const byDoc = new Map<number, FixCandidate[]>();
  for (const c of chosen) byDoc.set(c.document, [...(byDoc.get(c.document) ?? []), c]);
  const parts = chunks.map((c) => text.slice(c.start, c.end));
  for (const [doc, list] of byDoc) {
    if (doc < 0 || doc >= parts.length) {
      for (const c of list) out.failed.push({ candidate: c, reason: `document ${doc} is not in the file` });
      continue;
    }
    const r = applyToText(parts[doc]!, list.map((c) => ({ ...c, document: 0 })));
    parts[doc] = r.text;
    const original = (x: FixCandidate) => list.find((c) => c.finding === x.finding && c.fix === x.fix)!;
    out.applied.push(...r.applied.map(original));
    out.failed.push(...r.failed.map((f) => ({ candidate: original(f.candidate), reason: f.reason })));
    out.deferred!.push(...(r.deferred ?? []).map(original));
  }
  out.text = parts.join("");
  return out;
}

/** The text of each YAML document of a file, back to back (their concatenation is the file), or undefined. */
let lastText: string | undefined;
let lastChunks: { start: number; end: number }[] | undefined;
function documentChunks(text: string): { start: number; end: number }[] | undefined {
  // previews apply one fix at a time to the same file: split it once
  if (text === lastText) return lastChunks;
  lastText = text;
  lastChunks = splitDocuments(text);
  return lastChunks;
}

function splitDocuments(text: string): { start: number; end: number }[] | undefined {
  let docs;
  try {
    docs = parseAllDocuments(text);
  } catch {
    return undefined;
  }
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length <= 1) return [{ start: 0, end: text.length }];
  const starts = list.map((d, i) => (i === 0 ? 0 : (d.range?.[0] ?? -1)));
  if (starts.some((s, i) => s < 0 || (i > 0 && s <= starts[i - 1]!))) return undefined;
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1]! : text.length }));
}

function applyToText(text: string, candidates: readonly FixCandidate[]): FileResult {
  const out: FileResult = { text, applied: [], failed: [], deferred: [] };
  const touched = new Map<string, string[]>();
  for (const c of candidates) {
    const object = `${c.document}\u0000${formatPath(c.prefix)}`;
    const prints = c.fix.ops.map(footprint);
    const before = touched.get(object) ?? [];
    if (prints.some((p) => before.some((t) => overlaps(p, t)))) {
      out.deferred!.push(c);
      continue;
    }
    try {
      out.text = applyOps(out.text, { document: c.document, prefix: c.prefix }, c.fix.ops as YamlFixOp[], placement(c));
      out.applied.push(c);
      touched.set(object, [...before, ...prints]);
    } catch (err) {
      if (!(err instanceof EditError)) throw err;
      out.failed.push({ candidate: c, reason: (err as Error).message });
    }
  }
  return out;
}

/**
 * Where a person puts a new key: a container's new settings after its image (and pull policy), a pod spec's
 * after the service account or before the containers' neighbours, else at the end of the map.
 */
function placement(c: FixCandidate): { after: string[] } | undefined {
  const op = c.fix.ops[0];
  if (!op) return undefined;
  const path = op.path;
  // A rename (set a key, remove a sibling key): the new key takes the old one's place (serviceAccount →
  // serviceAccountName), instead of going to the end of the map.
  if (op.op === "set") {
    const parent = formatPath(path.slice(0, -1));
    const old = c.fix.ops.find((o) => o.op === "remove" && o.path.length === path.length && typeof o.path[o.path.length - 1] === "string" && formatPath(o.path.slice(0, -1)) === parent);
    if (old) return { after: [String(old.path[old.path.length - 1])] };
    // the pod's token setting goes beside the service account it is about
    if (path[path.length - 1] === "automountServiceAccountToken" && path.length > 1) return { after: ["serviceAccountName", "serviceAccount"] };
  }
  const i = path.findIndex((s, k) => typeof s === "number" && (path[k - 1] === "containers" || path[k - 1] === "initContainers" || path[k - 1] === "ephemeralContainers"));
  if (i >= 0 && path.length > i + 1) return { after: ["imagePullPolicy", "image"] };
  return undefined;
}
