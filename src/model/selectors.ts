import { isObject } from "./types.js";

/** A Kubernetes LabelSelector: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist). */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/**
 * Reads a LabelSelector from a manifest value. `undefined`/`null` give undefined (no selector at all, which
 * callers treat as they must: a NetworkPolicy's missing podSelector is invalid, a Service's selects nothing);
 * `{}` is the empty selector, which selects everything.
 */
export function readSelector(v: unknown): LabelSelector | undefined {
  if (!isObject(v)) return undefined;
  const sel: LabelSelector = {};
  if (isObject(v.matchLabels)) {
    sel.matchLabels = Object.fromEntries(Object.entries(v.matchLabels).map(([k, x]) => [k, String(x)]));
  }
  if (Array.isArray(v.matchExpressions)) {
    sel.matchExpressions = v.matchExpressions.filter(isObject).map((e) => ({
      key: String(e.key ?? ""),
      operator: String(e.operator ?? ""),
      ...(Array.isArray(e.values) ? { values: e.values.map(String) } : {}),
    }));
  }
  return sel;
}

/** Does the selector match these labels? The empty selector matches everything. Unknown operators match nothing. */
export function matchesSelector(selector: LabelSelector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[k] !== v) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const values = e.values ?? [];
    switch (e.operator) {
      case "In":
        if (!has || !values.includes(labels[e.key]!)) return false;
        break;
      case "NotIn":
        if (has && values.includes(labels[e.key]!)) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A plain label map selector (Service `spec.selector`, ReplicationController): every pair must match; empty matches all. */
export function matchesLabelMap(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}
