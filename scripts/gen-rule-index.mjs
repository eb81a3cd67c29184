#!/usr/bin/env node
// Rewrites src/rules/index.ts from the rule files in src/rules/<category>/<id>.ts (sorted by id).
// The registry stays an explicit list in the source; this only saves typing it.
import { readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "src", "rules");
const rules = [];
for (const category of readdirSync(dir)) {
  if (!statSync(path.join(dir, category)).isDirectory()) continue;
  for (const f of readdirSync(path.join(dir, category))) {
    if (f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.startsWith("_")) rules.push({ id: f.slice(0, -3), category });
  }
}
rules.sort((a, b) => (a.id < b.id ? -1 : 1));
const ident = (id) => id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase()).replace(/^(\d)/, "_$1");
const out = `// The registry of rule modules: an explicit list, sorted by id (scripts/gen-rule-index.mjs writes it).
// A test checks it against the files in these folders and against the catalogue.
import type { RuleModule } from "../engine/rule-types.js";
${rules.map((r) => `import ${ident(r.id)} from "./${r.category}/${r.id}.js";`).join("\n")}

export const RULE_MODULES: readonly RuleModule[] = [
${rules.map((r) => `  ${ident(r.id)},`).join("\n")}
];
`;
writeFileSync(path.join(dir, "index.ts"), out);
console.log(`${rules.length} rules registered`);
