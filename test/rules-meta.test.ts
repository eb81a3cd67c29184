// Checks that hold for every rule: registration, catalogue facts, documentation and runnable examples.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { allRules } from "../src/engine/registry.js";
import { CATALOG } from "../src/rules/catalog.generated.js";
import { RULE_MODULES } from "../src/rules/index.js";
import { runRuleOn } from "../src/testing/rule-tester.js";

const rulesDir = fileURLToPath(new URL("../src/rules/", import.meta.url));
const sharedCatalog = fileURLToPath(new URL("../../shared/catalog/rules.yaml", import.meta.url));

function ruleFiles(): { id: string; dir: string }[] {
  const out: { id: string; dir: string }[] = [];
  for (const dir of readdirSync(rulesDir, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(path.join(rulesDir, dir.name))) {
      if (f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.startsWith("_")) out.push({ id: f.slice(0, -3), dir: dir.name });
    }
  }
  return out;
}

describe("rule registry", () => {
  it("is sorted by id and has no duplicates", () => {
    const ids = RULE_MODULES.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("registers exactly the rule files, whose names are their ids, in the folder of their category", () => {
    const files = ruleFiles();
    expect(files.map((f) => f.id).sort()).toEqual(RULE_MODULES.map((r) => r.id));
    for (const f of files) expect(CATALOG.find((c) => c.id === f.id)?.category, f.id).toBe(f.dir);
  });

  it("every rule is in the catalogue and has a test beside it", () => {
    for (const f of ruleFiles()) {
      expect(CATALOG.some((c) => c.id === f.id), f.id).toBe(true);
      expect(existsSync(path.join(rulesDir, f.dir, `${f.id}.test.ts`)), `${f.id}.test.ts`).toBe(true);
    }
  });

  it("implements every Kubernetes rule of the catalogue that can be decided from files", () => {
    const wanted = CATALOG.filter((c) => c.target === "kubernetes" && (c.needs === "manifest" || c.needs === "inventory")).map((c) => c.id);
    expect(wanted.filter((id) => !RULE_MODULES.some((r) => r.id === id))).toEqual([]);
  });

  it("implements every Dockerfile rule of the catalogue that can be decided from files", () => {
    const wanted = CATALOG.filter((c) => c.target === "dockerfile" && (c.needs === "manifest" || c.needs === "inventory")).map((c) => c.id);
    expect(wanted.length).toBeGreaterThan(40);
    expect(wanted.filter((id) => !RULE_MODULES.some((r) => r.id === id))).toEqual([]);
  });

  it("implements every Pod Security Standards control of the catalogue", () => {
    const pss = CATALOG.filter((c) => c.pss).map((c) => c.id).sort();
    expect(pss.filter((id) => !RULE_MODULES.some((r) => r.id === id))).toEqual([]);
  });
});

describe.each(allRules().map((r) => [r.id, r] as const))("%s", (_, rule) => {
  it("has its own title, rationale, attack and remediation, and messages", () => {
    for (const text of [rule.title, rule.rationale, rule.attack, rule.remediation]) expect(text.trim().length).toBeGreaterThan(10);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
  });

  it.skipIf(!rule.example)("its example is reported, and its fixed example is not", () => {
    expect(runRuleOn(rule, { name: "insecure", manifest: rule.example!.insecure }).length).toBeGreaterThan(0);
    expect(runRuleOn(rule, { name: "secure", manifest: rule.example!.secure })).toEqual([]);
  });
});

describe("catalogue data", () => {
  it.skipIf(!existsSync(sharedCatalog))("matches the shared rule catalogue (regenerate with scripts/import-catalog.mjs)", () => {
    const catalog = parse(readFileSync(sharedCatalog, "utf8")) as { rules: Record<string, unknown>[] };
    const keys = ["id", "target", "category", "appliesTo", "severity", "pss", "frameworks", "needs", "defaultEnabled", "params", "related", "peers"];
    const facts = catalog.rules.map((r) => Object.fromEntries(keys.filter((k) => r[k] !== undefined).map((k) => [k, r[k]])));
    expect(CATALOG).toEqual(facts);
  });
});
