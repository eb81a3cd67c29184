// Entry points of policy files for the commands that need their rules up front (webhook, explain).
import { UsageError } from "../engine/errors.js";
import type { Rule } from "../engine/rule-types.js";
import { buildCustomRules, isCustomRuleObject } from "./custom.js";
import { loadPolicyFiles } from "./load.js";
import { buildVapRules } from "./vap.js";

/**
 * The rules of custom rule files and ValidatingAdmissionPolicy files. Any problem (unreadable file, malformed
 * YAML, an expression that does not compile) is a usage error listing every one with its position: a gate
 * must not start with half its policy.
 */
export function policyRulesStrict(customPaths: readonly string[], vapPaths: readonly string[], cwd: string): Rule[] {
  const custom = loadPolicyFiles(customPaths, cwd);
  const vapFiles = loadPolicyFiles(vapPaths, cwd);
  const c = buildCustomRules(custom.resources);
  const v = buildVapRules([], [...vapFiles.resources, ...custom.resources.filter((r) => !isCustomRuleObject(r))]);
  const errors = [
    ...[...custom.problems, ...vapFiles.problems].filter((p) => p.severity !== "info").map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`),
    ...[...c.notices, ...v.notices].filter((n) => n.finding.severity !== "info").map((n) => `${n.finding.location.file}:${n.finding.location.line}:${n.finding.location.column}: ${n.finding.message}`),
  ];
  if (errors.length > 0) throw new UsageError(`broken policy files:\n  ${errors.join("\n  ")}`, "config");
  return [...c.rules, ...v.rules];
}
