import { ADMISSION_VARIABLES, CUSTOM_RULE_VARIABLES } from "../policy/cel/env.js";
import type { CelLibrary } from "../policy/cel/libs/index.js";

export const CEL_START = "<!-- cel-reference:start (generated from src/policy/cel; `npm run docs` rewrites it) -->";
export const CEL_END = "<!-- cel-reference:end -->";

/** The part of docs/policies.md that lists variables and functions, from the code that provides them. */
export function celReference(libraries: readonly CelLibrary[]): string {
  const out = [CEL_START, "", "### Variables", "", "| variable | holds |", "|---|---|"];
  for (const [k, v] of Object.entries(ADMISSION_VARIABLES)) out.push(`| \`${k}\` | ${v} |`);
  for (const [k, v] of Object.entries(CUSTOM_RULE_VARIABLES)) out.push(`| \`${k}\` | custom rules only: ${v} |`);
  out.push("");
  for (const l of libraries) {
    out.push(`### ${l.name}`, "", l.summary, "");
    for (const f of l.functions) out.push(`- \`${f.replace(/`/g, "")}\``);
    if (l.gaps && l.gaps.length > 0) {
      out.push("", "Differences from Kubernetes:", "");
      for (const g of l.gaps) out.push(`- ${g}`);
    }
    out.push("");
  }
  out.push(CEL_END);
  return out.join("\n");
}

/** docs/policies.md with its generated section replaced. */
export function withCelReference(doc: string, libraries: readonly CelLibrary[]): string {
  const a = doc.indexOf(CEL_START);
  const b = doc.indexOf(CEL_END);
  if (a < 0 || b < a) throw new Error("docs/policies.md has no cel-reference markers");
  return doc.slice(0, a) + celReference(libraries) + doc.slice(b + CEL_END.length);
}
