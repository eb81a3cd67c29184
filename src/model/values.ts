/** YAML 1.1 spellings of true, as go-yaml v2 reads them. */
const TRUE_WORDS = new Set(["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"]);

/**
 * Is this value "on"? Kubernetes rejects a quoted "true" in a boolean field, but a scanner that sees one
 * should not call it safe: truthy strings count as true (erring on the side of reporting).
 */
export function truthy(v: unknown): boolean {
  return v === true || (typeof v === "string" && TRUE_WORDS.has(v.trim()));
}

/** Is this value explicitly the boolean false? Only a real boolean counts as the safe setting. */
export function isFalse(v: unknown): boolean {
  return v === false;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function asString(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** An integer value, also from a numeric string (Kubernetes would reject the string; a scanner reads it). */
export function asInt(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "string" && /^\s*[-+]?\d+\s*$/.test(v)) return Number(v);
  return undefined;
}
