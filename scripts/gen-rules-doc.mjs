#!/usr/bin/env node
// Writes docs/rules.md from the compiled rule modules (run `npm run build` first).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { rulesReference } from "../dist/docs/rules-reference.js";
import { allRules } from "../dist/engine/registry.js";

writeFileSync(fileURLToPath(new URL("../docs/rules.md", import.meta.url)), rulesReference(allRules()));
console.log("wrote docs/rules.md");
