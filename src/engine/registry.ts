import { CATALOG } from "../rules/catalog.generated.js";
import { RULE_MODULES } from "../rules/index.js";
import type { Rule, RuleFacts, RuleModule } from "./rule-types.js";

const FACTS = new Map<string, RuleFacts>(CATALOG.map((f) => [f.id, f]));

/** Joins a rule module with its catalogue facts. */
export function withFacts(module: RuleModule): Rule {
  const facts = FACTS.get(module.id);
  if (!facts) throw new Error(`rule ${module.id} is not in the rule catalogue`);
  return { ...facts, ...module };
}

let rules: Rule[] | undefined;
/** Every implemented rule, in id order. */
export function allRules(): readonly Rule[] {
  rules ??= RULE_MODULES.map(withFacts);
  return rules;
}

export function findRule(id: string): Rule | undefined {
  return allRules().find((r) => r.id === id);
}

export function catalogFacts(id: string): RuleFacts | undefined {
  return FACTS.get(id);
}

export function catalog(): readonly RuleFacts[] {
  return CATALOG;
}
