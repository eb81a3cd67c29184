// Every rule that fixes what it finds on its own documented example must, once its fixes are applied (safe and
// unsafe), no longer find it there; the fixes must also be idempotent. Complements the golden files, which cover
// formatting; this covers every fixable rule, including the ones added later.
import { describe, expect, it } from "vitest";
import { findingsOn, fixAvailability } from "../src/docs/fix-availability.js";
import { allRules } from "../src/engine/registry.js";
import type { Rule } from "../src/engine/rule-types.js";
import { applyDockerfileFixes } from "../src/fix/dockerfile-edit.js";
import { applyFileFixes, planFixes } from "../src/fix/plan.js";
import { loadShellParser } from "../src/loaders/shell.js";

const shell = await loadShellParser();
const fixable = await fixAvailability(allRules());

function findings(rule: Rule, text: string) {
  const r = findingsOn(rule, text, shell);
  expect(r.problems.filter((p) => p.severity !== "info")).toEqual([]);
  return r.findings;
}

function fixOnce(rule: Rule, text: string): string {
  const plan = planFixes(findings(rule, text), { unsafe: true });
  const candidates = [...plan.byFile.values()].flat();
  const r = rule.target === "dockerfile" ? applyDockerfileFixes(text, candidates) : applyFileFixes(text, candidates);
  expect(r.failed.map((f) => f.reason)).toEqual([]);
  return r.text;
}

const rules = allRules().filter((r) => fixable.has(r.id));

describe("fixes on the rules' own examples", () => {
  it("covers the fixable rules", () => {
    expect(rules.length).toBeGreaterThan(60);
  });

  it.each(rules.map((r) => [r.id, r] as const))("%s: fixed, the example is no longer reported, and fixing again changes nothing", (_, rule) => {
    let text = rule.example!.insecure;
    // fixes of one setting wait for the next round, as `shipshape fix` does
    for (let round = 0; round < 4 && findings(rule, text).some((f) => f.fix); round++) text = fixOnce(rule, text);
    expect(text).not.toBe(rule.example!.insecure);
    expect(findings(rule, text).filter((f) => f.fix).map((f) => f.message)).toEqual([]);
    expect(fixOnce(rule, text)).toBe(text);
  });
});
