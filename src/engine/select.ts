import type { Severity } from "../model/types.js";
import type { Config, ProfileName } from "./config.js";
import { UsageError } from "./errors.js";
import { makeParams } from "./params.js";
import { PROFILES } from "./profiles.js";
import { allRules, catalogFacts } from "./registry.js";
import type { Rule } from "./rule-types.js";
import type { ActiveRule } from "./run.js";

export interface Selection {
  profile: ProfileName;
  /** --rules: run exactly these. */
  only?: string[];
  /** --skip-rules */
  skip?: string[];
}

/** Ids of rules defined by policies (custom CEL rules, ValidatingAdmissionPolicies), not by the catalogue. */
export function isPolicyRuleId(id: string): boolean {
  return id.startsWith("custom:") || id.startsWith("vap:");
}

function checkIds(ids: readonly string[], where: string, extra: ReadonlySet<string>, strictPolicies: boolean): void {
  for (const id of ids) {
    if (isPolicyRuleId(id)) {
      // vap: rules come with the scanned manifests; a configuration may name ones absent from this scan
      if (strictPolicies || id.startsWith("custom:")) {
        if (!extra.has(id)) throw new UsageError(`unknown rule id "${id}" in ${where}: no such ${id.startsWith("vap:") ? "ValidatingAdmissionPolicy in the scan" : "custom rule in the policy files"}`);
      }
      continue;
    }
    if (!catalogFacts(id)) throw new UsageError(`unknown rule id "${id}" in ${where} (see \`shipshape rules\`)`);
  }
}

/**
 * The rules a scan runs, with severities and parameters from the configuration. `extra` are the rules of policy
 * files and of the scanned ValidatingAdmissionPolicies: on whatever the profile, unless configured off or left
 * out by --rules / --skip-rules.
 */
export function selectRules(selection: Selection, config: Config, extra: readonly Rule[] = []): ActiveRule[] {
  const profile = PROFILES[selection.profile];
  const extraIds = new Set(extra.map((r) => r.id));
  checkIds(Object.keys(config.rules), config.file ?? "the configuration", extraIds, false);
  checkIds(selection.only ?? [], "--rules", extraIds, true);
  checkIds(selection.skip ?? [], "--skip-rules", extraIds, false);
  const implemented = new Set([...allRules().map((r) => r.id), ...extraIds]);
  for (const id of selection.only ?? []) {
    if (!implemented.has(id)) throw new UsageError(`rule "${id}" is in the catalogue but not implemented in this version of shipshape`);
  }
  const only = selection.only && selection.only.length > 0 ? new Set(selection.only) : undefined;
  const skip = new Set(selection.skip ?? []);
  const out: ActiveRule[] = [];
  for (const rule of [...allRules(), ...extra]) {
    const setting = config.rules[rule.id] ?? {};
    const byDefault = extraIds.has(rule.id) ? true : profile.includes(rule);
    let on = only ? only.has(rule.id) : (setting.enabled ?? byDefault);
    if (skip.has(rule.id)) on = false;
    if (!on) continue;
    let params;
    try {
      params = makeParams(rule.id, rule.params, setting.params ?? {});
      for (const name of Object.keys(setting.params ?? {})) {
        if (!(name in rule.params)) throw new Error(`rule ${rule.id} has no parameter "${name}" (it has: ${Object.keys(rule.params).join(", ") || "none"})`);
        const def = rule.params[name];
        const val = setting.params?.[name];
        if (Array.isArray(def) !== Array.isArray(val) || (!Array.isArray(def) && typeof def !== typeof val)) {
          throw new Error(`parameter ${rule.id}.${name} must be ${Array.isArray(def) ? "a list" : `a ${typeof def}`}`);
        }
      }
    } catch (err) {
      throw new UsageError(`${config.file ?? "configuration"}: ${(err as Error).message}`, "config");
    }
    out.push({ rule, severity: (setting.severity ?? rule.severity) as Severity, params, waivable: setting.waivable ?? true });
  }
  return out;
}
