import { randomUUID } from "node:crypto";

/**
 * JSON.stringify that also writes BigInts (integers beyond 2^53, which the YAML loader keeps exact) as exact JSON
 * numbers instead of throwing. For messages and reports.
 */
export function jsonText(value: unknown, indent?: number): string {
  const big: string[] = [];
  let tag: string | undefined;
  const text = JSON.stringify(value, (_, v: unknown) => {
    if (typeof v !== "bigint") return v;
    tag ??= `bigint:${randomUUID()}:`;
    return `${tag}${big.push(v.toString()) - 1}`;
  }, indent);
  if (text === undefined) return String(value);
  if (big.length === 0) return text;
  return text.replace(new RegExp(`"${tag}(\\d+)"`, "g"), (_, i: string) => big[Number(i)]!);
}
