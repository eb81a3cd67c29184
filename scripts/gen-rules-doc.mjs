#!/usr/bin/env node
// Writes docs/rules.md from the compiled rule modules (run `npm run build` first).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { rulesReference } from "../dist/docs/rules-reference.js";
import { allRules } from "../dist/engine/registry.js";
import { fixAvailability } from "../dist/docs/fix-availability.js";

writeFileSync(fileURLToPath(new URL("../docs/rules.md", import.meta.url)), rulesReference(allRules(), await fixAvailability(allRules())));
console.log("wrote docs/rules.md");

// docs/policies.md: the CEL variables and functions section
const { withCelReference } = await import("../dist/docs/cel-reference.js");
const { LIBRARIES } = await import("../dist/policy/cel/libs/index.js");
const { readFileSync } = await import("node:fs");
const policiesDoc = fileURLToPath(new URL("../docs/policies.md", import.meta.url));
writeFileSync(policiesDoc, withCelReference(readFileSync(policiesDoc, "utf8"), LIBRARIES));
console.log("wrote docs/policies.md (CEL reference)");
