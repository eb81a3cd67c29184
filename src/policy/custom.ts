// shipshape custom rules: a ValidatingAdmissionPolicy-like document (kind CustomRule) with the rule's own
// metadata, turned into a rule `custom:<name>` that runs like the built-in ones.
import type { Rule, RuleContext } from "../engine/rule-types.js";
import type { Resource } from "../model/resource.js";
import { SEVERITIES, type Severity, getIn, isObject } from "../model/types.js";
import { admissionActivation, celValue } from "./activation.js";
import { toCel } from "./cel/env.js";
import { matchInputOf, matches, readMatchResources } from "./match.js";
import { type PolicyNotice, policyNotice } from "./notices.js";
import { compilePolicyProgram, evaluateProgram } from "./program.js";

export const CUSTOM_API_VERSION = "shipshape.io/v1alpha1";
export const CUSTOM_KIND = "CustomRule";
const NAME_RE = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export function isCustomRuleObject(r: Resource): boolean {
  return r.kind === CUSTOM_KIND && r.apiVersion.startsWith("shipshape.io/");
}

export interface CustomRules {
  rules: Rule[];
  notices: PolicyNotice[];
}

/** Builds the custom rules among `resources` (documents of --policy files). Broken ones become notices. */
export function buildCustomRules(resources: readonly Resource[]): CustomRules {
  const rules: Rule[] = [];
  const notices: PolicyNotice[] = [];
  const seen = new Set<string>();
  for (const r of resources) {
    if (!isCustomRuleObject(r)) continue;
    const fail = (path: (string | number)[], message: string) => notices.push(policyNotice(r, path, "invalid", `CustomRule ${r.name || "(unnamed)"}: ${message}`, "high"));
    if (r.apiVersion !== CUSTOM_API_VERSION) {
      fail(["apiVersion"], `apiVersion ${r.apiVersion} is not supported (use ${CUSTOM_API_VERSION})`);
      continue;
    }
    if (!NAME_RE.test(r.name)) {
      fail(["metadata", "name"], "metadata.name must be a lowercase DNS label (a-z, 0-9, -): it becomes the rule id custom:<name>");
      continue;
    }
    if (seen.has(r.name)) {
      fail(["metadata", "name"], `a second CustomRule named ${r.name}: only the first one is used`);
      continue;
    }
    const spec = isObject(r.object.spec) ? r.object.spec : undefined;
    if (!spec) {
      fail(["spec"], "spec is missing");
      continue;
    }
    const severity = spec.severity === undefined ? "medium" : String(spec.severity);
    if (!(SEVERITIES as readonly string[]).includes(severity)) {
      fail(["spec", "severity"], `severity must be one of ${SEVERITIES.join(", ")}`);
      continue;
    }
    if (spec.params !== undefined && !isObject(spec.params)) {
      fail(["spec", "params"], "spec.params must be a mapping of parameter names to their default values");
      continue;
    }
    if (!Array.isArray(spec.validations) || spec.validations.length === 0) {
      fail(["spec", "validations"], "spec.validations must list at least one validation");
      continue;
    }
    const match = readMatchResources(spec.matchConstraints);
    if (!match.kinds && match.resourceRules.length === 0) {
      fail(["spec", "matchConstraints"], "spec.matchConstraints must name kinds (e.g. [Deployment, workloads]) or resourceRules");
      continue;
    }
    // A validation's own severity is checked like the rule's: a rule with a wrong one does not run (it would
    // report findings of a severity no report, threshold or summary knows).
    const badSeverity = (spec.validations as unknown[]).findIndex((v) => isObject(v) && v.severity !== undefined && !(SEVERITIES as readonly string[]).includes(String(v.severity)));
    if (badSeverity >= 0) {
      fail(["spec", "validations", badSeverity, "severity"], `severity must be one of ${SEVERITIES.join(", ")}`);
      continue;
    }
    const program = compilePolicyProgram(spec, ["spec"], true);
    for (const p of program.problems) {
      // an offset inside the expression only when there is one (not for a missing expression or a nameless variable)
      const inExpression = typeof getIn(r.object, p.path) === "string";
      notices.push(policyNotice(r, p.path, "compile", `CustomRule ${r.name}: ${p.message}`, "high", inExpression ? p.start : undefined));
    }
    seen.add(r.name);
    const params = isObject(spec.params) ? spec.params : {};
    const text = (k: string, fallback: string) => (typeof spec[k] === "string" && (spec[k] as string).trim() !== "" ? (spec[k] as string).trim() : fallback);
    const validations = new Map(program.validations.map((v) => [v.index, v]));
    rules.push({
      id: `custom:${r.name}`,
      target: "kubernetes",
      category: text("category", "custom"),
      appliesTo: ["all"],
      severity: severity as Severity,
      needs: "manifest",
      defaultEnabled: true,
      params,
      peers: {},
      title: text("title", r.name),
      rationale: text("rationale", "A rule of this organisation (custom CEL rule)."),
      attack: text("attack", ""),
      remediation: text("remediation", "Change the object so that the rule's validations hold."),
      messages: { violation: "{{message}}", error: "{{message}} (failurePolicy Fail)" },
      source: { file: r.source.file, line: r.locate([]).line },
      matches: (res, inv) => matches(match, matchInputOf(res, inv), true),
      check(ctx: RuleContext) {
        const i = matchInputOf(ctx.resource, ctx.inventory);
        const activation = admissionActivation(i, ctx.inventory, undefined);
        activation.params = paramsValue(params, ctx);
        const w = ctx.workload;
        activation.podSpec = w ? celValue(w.podSpec) : null;
        activation.containers = w ? w.containers.map((c) => celValue(c.spec)) : [];
        for (const v of evaluateProgram(program, activation) ?? []) {
          const val = validations.get(v.validation);
          ctx.report({
            messageId: v.error ? "error" : "violation",
            data: { message: v.message, ...(v.reason ? { reason: v.reason } : {}) },
            path: val?.fieldPath ?? [],
            ...(val?.severity ? { severity: val.severity as Severity } : {}),
          });
        }
      },
    });
  }
  return { rules, notices };
}

/** The rule's params: the policy's own, with `.shipshape.yaml` overrides (rules: {custom:x: {params: …}}). */
const paramValues = new WeakMap<object, unknown>();
function paramsValue(defaults: Record<string, unknown>, ctx: RuleContext): unknown {
  let v = paramValues.get(ctx.params);
  if (v === undefined) {
    const merged: Record<string, unknown> = {};
    for (const k of Object.keys(defaults)) merged[k] = ctx.params.raw(k);
    paramValues.set(ctx.params, (v = toCel(merged)));
  }
  return v;
}
