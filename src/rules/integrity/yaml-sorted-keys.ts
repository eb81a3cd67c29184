import { defineRule } from "../../engine/rule-types.js";
import type { Resource } from "../../model/resource.js";
import { type JsonObject, type YamlPath, formatPath, isObject } from "../../model/types.js";

/** At most this many unsorted mappings are reported per object; the rest are counted in one more finding. */
const MAX_PER_OBJECT = 10;

/** Keys that JavaScript objects move to the front (array-index-like strings), so their written order is lost. */
const INDEX_LIKE = /^(?:0|[1-9]\d{0,9})$/;

export default defineRule({
  id: "yaml-sorted-keys",
  title: "YAML keys not sorted",
  rationale:
    "When every mapping lists its keys in alphabetical order, two versions of a manifest line up in a diff and a reviewer sees at once " +
    "that a security setting was added, removed or changed. It is a matter of style, which is why this rule is off by default.",
  attack:
    "Nothing is attacked directly. In large, unordered manifests a harmful change (a `privileged: true`, an extra capability) hides more " +
    "easily among unrelated moves during review.",
  remediation:
    "Sort the keys of every mapping alphabetically, for example with `yq -P 'sort_keys(..)'`, and keep them sorted with a formatter in CI.",
  example: {
    insecure: `apiVersion: v1
metadata:
  name: settings
kind: ConfigMap
`,
    secure: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
`,
  },
  messages: {
    unsorted: "Keys of {{where}} are not sorted: '{{key}}' comes after '{{previous}}' (expected order: {{expected}})",
    more: "{{count}} more mappings of this object have unsorted keys",
  },
  check(ctx) {
    const r = ctx.resource;
    const found: { path: YamlPath; key: string; previous: string; expected: string[] }[] = [];
    walk(r, r.object, [], found);
    for (const f of found.slice(0, MAX_PER_OBJECT)) {
      const where = f.path.length === 0 ? "the object" : `'${formatPath(f.path)}'`;
      ctx.report({
        messageId: "unsorted",
        data: { where, key: f.key, previous: f.previous, expected: abbreviate(f.expected) },
        path: [...f.path, f.key],
      });
    }
    if (found.length > MAX_PER_OBJECT) ctx.report({ messageId: "more", data: { count: found.length - MAX_PER_OBJECT }, path: [] });
  },
});

function walk(r: Resource, value: unknown, path: YamlPath, out: { path: YamlPath; key: string; previous: string; expected: string[] }[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(r, item, [...path, i], out));
    return;
  }
  if (!isObject(value)) return;
  const keys = writtenOrder(r, value, path);
  for (let i = 1; i < keys.length; i++) {
    const prev = keys[i - 1]!;
    const key = keys[i]!;
    if (compare(key, prev) < 0) {
      out.push({ path, key, previous: prev, expected: [...keys].sort(compare) });
      break;
    }
  }
  for (const k of Object.keys(value)) walk(r, value[k], [...path, k], out);
}

/**
 * The keys of a mapping in the order they are written. JavaScript keeps insertion order except for
 * index-like keys ("80", "443"), which it moves to the front; for mappings that have such keys the
 * order is recovered from where each value sits in the source.
 */
function writtenOrder(r: Resource, obj: JsonObject, path: YamlPath): string[] {
  const keys = Object.keys(obj);
  if (!keys.some((k) => INDEX_LIKE.test(k))) return keys;
  const pos = new Map<string, [number, number]>();
  for (const k of keys) {
    const at = r.locate([...path, k]);
    pos.set(k, at.exact ? [at.line, at.column] : [Number.MAX_SAFE_INTEGER, 0]);
  }
  return [...keys].sort((a, b) => {
    const pa = pos.get(a)!;
    const pb = pos.get(b)!;
    return pa[0] - pb[0] || pa[1] - pb[1];
  });
}

/** Byte order of the UTF-8 encodings, as Go's sort.Strings (kube-linter) compares. */
function compare(a: string, b: string): number {
  if (a === b) return 0;
  const ca = [...a];
  const cb = [...b];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i]!.codePointAt(0)!;
    const y = cb[i]!.codePointAt(0)!;
    if (x !== y) return x - y;
  }
  return ca.length - cb.length;
}

function abbreviate(keys: string[]): string {
  return keys.length <= 8 ? keys.join(", ") : `${keys.slice(0, 8).join(", ")}, …`;
}
