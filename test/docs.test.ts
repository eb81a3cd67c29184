import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rulesReference } from "../src/docs/rules-reference.js";
import { allRules } from "../src/engine/registry.js";

describe("docs/rules.md", () => {
  it("is generated from the rule metadata and current (node scripts/gen-rules-doc.mjs)", async () => {
    const current = readFileSync(new URL("../docs/rules.md", import.meta.url), "utf8");
    const { fixAvailability } = await import("../src/docs/fix-availability.js");
    expect(current).toBe(rulesReference(allRules(), await fixAvailability(allRules())));
  });
});

describe("docs/policies.md", () => {
  it("lists the CEL variables and functions the code provides (npm run docs)", async () => {
    const { withCelReference } = await import("../src/docs/cel-reference.js");
    const { LIBRARIES } = await import("../src/policy/cel/libs/index.js");
    const current = readFileSync(new URL("../docs/policies.md", import.meta.url), "utf8");
    expect(current).toBe(withCelReference(current, LIBRARIES));
  });
});
