// Shared pieces of the selector-integrity rules (dangling-*, mismatching-selector, statefulset-service-name,
// invalid-port-names): readable selectors for messages, and port-name syntax as the API server checks it.
import type { LabelSelector } from "../../model/selectors.js";

/** `a=b, c=d` for a label map (`{}` for none); long lists are cut. */
export function formatLabels(labels: Record<string, string>, max = 4): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  if (parts.length === 0) return "{}";
  return parts.length > max ? `${parts.slice(0, max).join(", ")}, …` : parts.join(", ");
}

/** A LabelSelector in kubectl's string form: `app=web, tier in (a,b), !debug`. */
export function formatSelector(selector: LabelSelector, max = 4): string {
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of selector.matchExpressions ?? []) {
    const values = (e.values ?? []).join(",");
    switch (e.operator) {
      case "In": parts.push(`${e.key} in (${values})`); break;
      case "NotIn": parts.push(`${e.key} notin (${values})`); break;
      case "Exists": parts.push(e.key); break;
      case "DoesNotExist": parts.push(`!${e.key}`); break;
      default: parts.push(`${e.key} ${e.operator || "?"} (${values})`);
    }
  }
  if (parts.length === 0) return "{}";
  return parts.length > max ? `${parts.slice(0, max).join(", ")}, …` : parts.join(", ");
}

/**
 * An IANA service name, as `validation.IsValidPortName` checks container port names and named targetPorts:
 * 1 to 15 characters of a-z, 0-9 and '-', at least one letter, no '--', not starting or ending with '-'.
 */
export function isValidPortName(name: string): boolean {
  return name.length >= 1 && name.length <= 15 && /^[a-z0-9-]+$/.test(name) && /[a-z]/.test(name) && !name.includes("--") && !name.startsWith("-") && !name.endsWith("-");
}

/** A DNS-1123 label, as Service port names must be: up to 63 of a-z, 0-9 and '-', alphanumeric at both ends. */
export function isDns1123Label(name: string): boolean {
  return name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name);
}
