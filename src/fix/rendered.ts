// Fixes for objects that come out of `kubectl kustomize` or `helm template`: the rendered text is never edited.
// Kustomize gets strategic-merge patches to add to the overlay; Helm gets the values or template change to make.
import { stringify } from "yaml";
import type { FixOp } from "../model/finding.js";
import { formatPath } from "../model/types.js";
import { type FixCandidate, footprint, overlaps } from "./plan.js";
import { applyOpsToValue } from "./value.js";

type Obj = Record<string, unknown>;
const isMap = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export interface PatchFile {
  /** File name to write in the patches folder. */
  name: string;
  text: string;
  /** The objects and rules it fixes, for the summary. */
  fixes: FixCandidate[];
}

/**
 * One strategic-merge patch per object: list items are addressed by their `name` (containers, volumes, env),
 * lists of plain values are replaced whole, removed keys are set to null. Ops that go through a list whose items
 * have no name cannot be written this way and are left out (returned in `unpatchable`). Like fixes of files, a fix
 * that touches what an earlier fix of the object changes (drop ALL capabilities, then drop NET_RAW) was computed
 * for the object as it was: it is left out (returned in `deferred`) rather than overwrite the earlier one, and
 * comes back, if still needed, when fix runs again with the patch in place.
 */
export function kustomizePatches(candidates: readonly FixCandidate[]): { patches: PatchFile[]; unpatchable: FixCandidate[]; deferred: FixCandidate[] } {
  const byObject = new Map<string, FixCandidate[]>();
  for (const c of candidates) {
    if (c.finding.rendered?.tool !== "kustomize" || !c.finding.target) continue;
    const o = c.finding.object;
    const key = `${o?.kind}/${o?.namespace ?? ""}/${o?.name}`;
    byObject.set(key, [...(byObject.get(key) ?? []), c]);
  }
  const patches: PatchFile[] = [];
  const unpatchable: FixCandidate[] = [];
  const deferred: FixCandidate[] = [];
  for (const list of byObject.values()) {
    const original = list[0]!.finding.target!.object;
    const meta = isMap(original.metadata) ? original.metadata : {};
    // Kustomize matches a patch against the objects as the overlay's resources produce them, before its own
    // `namespace:` (and prefixes) apply: the rendered namespace would not match. The patch names no namespace, and
    // the kustomization entry selects its object with a target.
    const patch: Obj = { apiVersion: original.apiVersion, kind: original.kind, metadata: { name: meta.name } };
    let after: unknown = original;
    const used: FixCandidate[] = [];
    const touched: string[] = [];
    for (const c of list) {
      const prints = c.fix.ops.map(footprint);
      if (prints.some((p) => touched.some((t) => overlaps(p, t)))) {
        deferred.push(c);
        continue;
      }
      const next = applyOpsToValue(after, c.fix.ops);
      const ok = c.fix.ops.every((op) => addToPatch(patch, original, next, op));
      if (ok) {
        after = next;
        used.push(c);
        touched.push(...prints);
      } else {
        unpatchable.push(c);
      }
    }
    if (used.length === 0) continue;
    const header = used.map((c) => `# ${c.finding.ruleId}: ${c.fix.description} (${c.fix.safety}${c.fix.safety === "unsafe" ? `: ${c.fix.note}` : ""})`).join("\n");
    const name = `${String(original.kind).toLowerCase()}-${meta.namespace ? `${String(meta.namespace)}-` : ""}${String(meta.name)}.patch.yaml`.replace(/[^\w.-]/g, "_");
    const target = `{kind: ${String(original.kind)}, name: ${String(meta.name)}}`;
    patches.push({ name, text: `# Written by shipshape fix. Add it to the overlay's kustomization.yaml:\n#   patches:\n#     - path: ${name}\n#       target: ${target}\n${header}\n${stringify(patch)}`, fixes: used });
  }
  return { patches, unpatchable, deferred };
}

/** Writes the value the op leaves at its path into the patch, keyed the strategic-merge way. */
function addToPatch(patch: Obj, original: Obj, after: unknown, op: FixOp): boolean {
  if (op.op === "replaceText" || op.op === "insertText") return false;
  const path = op.path;
  let p: Obj = patch;
  let o: unknown = original;
  let a: unknown = after;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (typeof seg === "number") return false; // handled with the list's key below
    const nextSeg = path[i + 1];
    const aVal = isMap(a) ? a[seg] : undefined;
    const oVal = isMap(o) ? o[seg] : undefined;
    if (last) {
      p[seg] = op.op === "remove" ? null : aVal;
      return true;
    }
    if (Array.isArray(aVal)) {
      if (typeof nextSeg !== "number") return false;
      const item = aVal[nextSeg];
      const before = Array.isArray(oVal) ? oVal[nextSeg] : undefined;
      // lists of plain values (capabilities.drop, args) are replaced whole
      if (!isMap(item) && !isMap(before)) {
        p[seg] = aVal;
        return true;
      }
      const keyed = isMap(item) ? item : (before as Obj);
      if (typeof keyed.name !== "string") return false;
      const plist = (Array.isArray(p[seg]) ? p[seg] : (p[seg] = [])) as Obj[];
      let pItem = plist.find((x) => x.name === keyed.name);
      if (!pItem) plist.push((pItem = { name: keyed.name }));
      if (i + 1 === path.length - 1) {
        // the item itself is set or removed
        if (op.op === "remove") pItem.$patch = "delete";
        else Object.assign(pItem, item);
        return true;
      }
      p = pItem;
      o = before;
      a = item;
      i++; // skip the index
      continue;
    }
    if (!isMap(p[seg])) p[seg] = {};
    p = p[seg] as Obj;
    o = oVal;
    a = aVal;
  }
  return true;
}

/** For Helm: what to change, in the values file when the value came from one, else in the template. */
export function helmHints(candidates: readonly FixCandidate[]): string[] {
  const out: string[] = [];
  // as for patches: a fix that touches what an earlier hint of the object changes waits for the next run
  const touched = new Map<string, string[]>();
  for (const c of candidates) {
    const f = c.finding;
    if (f.rendered?.tool !== "helm") continue;
    const object = `${f.object?.kind}/${f.object?.namespace ?? ""}/${f.object?.name}`;
    const prints = c.fix.ops.map(footprint);
    const before = touched.get(object) ?? [];
    if (prints.some((p) => before.some((x) => overlaps(p, x)))) continue;
    touched.set(object, [...before, ...prints]);
    const where = `${f.location.file}:${f.location.line}`;
    const single = c.fix.ops.length === 1 ? c.fix.ops[0]! : undefined;
    // The values key holds the value at the finding's path, or at the nearest ancestor the chart sets (the
    // securityContext of `toYaml .Values.web.securityContext` when readOnlyRootFilesystem is missing): the fix sets
    // a key below it.
    const keyEnd = f.values?.key.split(".").pop();
    const at = single && single.op === "set" && keyEnd !== undefined ? single.path.lastIndexOf(keyEnd) : -1;
    const below = at >= 0 ? single!.path.slice(at + 1) : undefined;
    if (f.values && single && single.op === "set" && below && below.every((s) => typeof s === "string")) {
      out.push(`${f.ruleId} (${f.object?.kind}/${f.object?.name}): set \`${[f.values.key, ...below].join(".")}: ${inline(single.value)}\` in ${f.values.file}:${f.values.line} — ${c.fix.description} [${c.fix.safety}]`);
      continue;
    }
    const changes = c.fix.ops.map((op) =>
      op.op === "remove" ? `remove ${formatPath(op.path)}` : op.op === "set" || op.op === "append" ? `${op.op === "append" ? "add to" : "set"} ${formatPath(op.path)}${op.op === "append" ? ":" : " ="} ${inline(op.value)}` : op.op,
    );
    out.push(`${f.ruleId} (${f.object?.kind}/${f.object?.name}): in the template ${where}, ${changes.join("; ")} — ${c.fix.description} [${c.fix.safety}]`);
  }
  return out;
}

function inline(v: unknown): string {
  return JSON.stringify(v);
}
