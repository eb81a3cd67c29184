// ValidatingAdmissionPolicies evaluated offline: each policy of the scan (or of --vap files) with its bindings
// becomes one rule, `vap:<policy>`, that reports what kube-apiserver would deny, warn about or audit.
import type { Inventory } from "../engine/inventory.js";
import type { Rule, RuleContext } from "../engine/rule-types.js";
import type { Resource } from "../model/resource.js";
import { type LabelSelector, matchesSelector, readSelector } from "../model/selectors.js";
import { type Severity, isObject } from "../model/types.js";
import { admissionActivation } from "./activation.js";
import { type MatchInput, type MatchResources, isNamespacedKind, matchInputOf, matches, readMatchResources } from "./match.js";
import { type PolicyNotice, policyNotice } from "./notices.js";
import { type CompiledPolicyProgram, compilePolicyProgram, evaluateProgram } from "./program.js";

const API_GROUP = "admissionregistration.k8s.io";
const isAdmissionApi = (r: Resource) => r.apiVersion.startsWith(`${API_GROUP}/`);

type Action = "Deny" | "Warn" | "Audit";

/** What each validation action means for a finding's severity (the strongest action of a binding wins). */
export const ACTION_SEVERITY: Record<Action, Severity> = { Deny: "high", Warn: "medium", Audit: "low" };

interface Binding {
  resource: Resource;
  name: string;
  actions: Action[];
  match: MatchResources | undefined;
  paramRef: { name?: string; namespace?: string; selector?: LabelSelector; notFound: "Allow" | "Deny" } | undefined;
}

interface Policy {
  resource: Resource;
  name: string;
  match: MatchResources;
  paramKind: { apiVersion: string; kind: string } | undefined;
  program: CompiledPolicyProgram;
  bindings: Binding[];
}

export interface VapRules {
  rules: Rule[];
  /** Compile problems, unbound policies, bindings without a policy: reported on the policy objects. */
  notices: PolicyNotice[];
}

/**
 * Builds the rules of the ValidatingAdmissionPolicies among `resources` (the scan's objects and any --vap files).
 * Params are looked up in the same objects.
 */
export function buildVapRules(scanned: readonly Resource[], extra: readonly Resource[] = []): VapRules {
  const resources = [...scanned, ...extra];
  const notices: PolicyNotice[] = [];
  const policies = new Map<string, Policy>();
  // The same object twice (a policy file both scanned and given with --vap) is one object, not a duplicate.
  const same = (a: Resource, b: Resource) => a === b || JSON.stringify(a.object) === JSON.stringify(b.object);
  for (const r of resources) {
    if (r.kind !== "ValidatingAdmissionPolicy" || !isAdmissionApi(r)) continue;
    const spec = isObject(r.object.spec) ? r.object.spec : {};
    const first = policies.get(r.name);
    if (first && same(first.resource, r)) continue;
    if (first) {
      notices.push(policyNotice(r, ["metadata", "name"], "duplicate", `a second ValidatingAdmissionPolicy named ${r.name}: only the first one is evaluated`, "medium"));
      continue;
    }
    const program = compilePolicyProgram(spec, ["spec"], false);
    for (const p of program.problems) notices.push(policyNotice(r, p.path, "compile", `ValidatingAdmissionPolicy ${r.name}: ${p.message}`, "high", p.start));
    const pk = isObject(spec.paramKind) ? spec.paramKind : undefined;
    policies.set(r.name, {
      resource: r,
      name: r.name,
      match: readMatchResources(spec.matchConstraints),
      paramKind: pk ? { apiVersion: String(pk.apiVersion ?? ""), kind: String(pk.kind ?? "") } : undefined,
      program,
      bindings: [],
    });
  }
  // binding names are unique in a cluster, whichever policy they bind
  const bindingNames = new Map<string, Resource>();
  for (const r of resources) {
    if (r.kind !== "ValidatingAdmissionPolicyBinding" || !isAdmissionApi(r)) continue;
    const spec = isObject(r.object.spec) ? r.object.spec : {};
    const policyName = typeof spec.policyName === "string" ? spec.policyName : "";
    const policy = policies.get(policyName);
    const firstBinding = bindingNames.get(r.name);
    if (firstBinding && same(firstBinding, r)) continue;
    bindingNames.set(r.name, firstBinding ?? r);
    if (firstBinding) {
      notices.push(policyNotice(r, ["metadata", "name"], "duplicate", `a second ValidatingAdmissionPolicyBinding named ${r.name}: only the first one is evaluated`, "medium"));
      continue;
    }
    if (!policy) {
      notices.push(policyNotice(r, ["spec", "policyName"], "unknownPolicy", `ValidatingAdmissionPolicyBinding ${r.name} binds "${policyName}", which is not in the scan: nothing to evaluate (add it, or give it with --vap)`, "info"));
      continue;
    }
    const actions = (Array.isArray(spec.validationActions) ? spec.validationActions : []).filter((a): a is Action => a === "Deny" || a === "Warn" || a === "Audit");
    if (actions.length === 0) {
      notices.push(policyNotice(r, ["spec", "validationActions"], "noActions", `ValidatingAdmissionPolicyBinding ${r.name} has no validationActions (Deny, Warn or Audit): Kubernetes rejects it, so it is not evaluated`, "medium"));
      continue;
    }
    const pr = isObject(spec.paramRef) ? spec.paramRef : undefined;
    policy.bindings.push({
      resource: r,
      name: r.name,
      actions,
      match: spec.matchResources === undefined ? undefined : readMatchResources(spec.matchResources),
      paramRef: pr
        ? {
            ...(typeof pr.name === "string" ? { name: pr.name } : {}),
            ...(typeof pr.namespace === "string" ? { namespace: pr.namespace } : {}),
            ...(pr.selector !== undefined ? { selector: readSelector(pr.selector) ?? {} } : {}),
            notFound: pr.parameterNotFoundAction === "Allow" ? "Allow" : "Deny",
          }
        : undefined,
    });
  }
  const rules: Rule[] = [];
  for (const p of policies.values()) {
    if (p.bindings.length === 0) {
      notices.push(policyNotice(p.resource, ["metadata", "name"], "unbound", `ValidatingAdmissionPolicy ${p.name} has no ValidatingAdmissionPolicyBinding in the scan: Kubernetes does not enforce it, and it was not evaluated`, "info"));
      continue;
    }
    rules.push(vapRule(p, extra));
  }
  return { rules, notices };
}

function strongest(actions: readonly Action[]): Severity {
  return actions.includes("Deny") ? ACTION_SEVERITY.Deny : actions.includes("Warn") ? ACTION_SEVERITY.Warn : ACTION_SEVERITY.Audit;
}

/** `policyObjects`: objects of policy files (not scanned), where params may also be. */
function vapRule(p: Policy, policyObjects: readonly Resource[]): Rule {
  // params of the policy's kind among the policy files, picked once rather than for every object checked
  const paramObjects = p.paramKind ? policyObjects.filter((r) => r.kind === p.paramKind!.kind) : [];
  const boundTo = (b: Binding, i: MatchInput) => matches(p.match, i, true) && (b.match === undefined || matches(b.match, i, false));
  const severity = p.bindings.map((b) => strongest(b.actions)).reduce((a, b) => (a === "high" || b === "high" ? "high" : a === "medium" || b === "medium" ? "medium" : "low"));
  return {
    id: `vap:${p.name}`,
    target: "kubernetes",
    category: "admission-policy",
    appliesTo: ["all"],
    severity,
    needs: "inventory",
    defaultEnabled: true,
    params: {},
    peers: {},
    title: `ValidatingAdmissionPolicy ${p.name}`,
    rationale: `The cluster runs the ValidatingAdmissionPolicy ${p.name} (bound by ${p.bindings.map((b) => b.name).join(", ")}). An object it rejects fails at deploy time; shipshape evaluates the same CEL before the deploy.`,
    attack: "Depends on the policy: it encodes a rule of the cluster's owners.",
    remediation: "Change the object so that the policy's validations hold, or, if the policy is wrong for this object, change the binding's matchResources or the policy's parameters.",
    messages: {
      violation: "{{message}} (ValidatingAdmissionPolicy {{policy}}, binding {{binding}}: {{action}})",
      error: "{{message}} (ValidatingAdmissionPolicy {{policy}}, binding {{binding}}, failurePolicy Fail: {{action}})",
      noParams: "no params found for binding {{binding}} of ValidatingAdmissionPolicy {{policy}} (paramRef {{paramRef}}, parameterNotFoundAction Deny): {{action}}",
    },
    source: { file: p.resource.source.file, line: p.resource.locate([]).line },
    matches: (r, inv) => p.bindings.some((b) => boundTo(b, matchInputOf(r, inv))),
    check(ctx: RuleContext) {
      const i = matchInputOf(ctx.resource, ctx.inventory);
      for (const b of p.bindings) {
        if (!boundTo(b, i)) continue;
        const action = b.actions.join(", ");
        const common = { policy: p.name, binding: b.name, action };
        const sev = strongest(b.actions);
        let paramSets: (Resource | undefined)[] = [undefined];
        if (p.paramKind) {
          const found = b.paramRef ? findParams(p.paramKind, b.paramRef, i, ctx.inventory, paramObjects) : [];
          if (found.length === 0) {
            if (b.paramRef?.notFound === "Allow") continue;
            // Kubernetes treats missing params (and a missing paramRef) as a configuration error: failurePolicy decides
            if (p.program.failurePolicy === "Ignore") continue;
            const ref = !b.paramRef ? "missing" : b.paramRef.name ? `${b.paramRef.namespace ? `${b.paramRef.namespace}/` : ""}${b.paramRef.name}` : "by selector";
            ctx.report({ messageId: "noParams", data: { ...common, paramRef: ref }, path: [], severity: sev });
            continue;
          }
          paramSets = found;
        }
        const said = new Set<string>();
        for (const params of paramSets) {
          const violations = evaluateProgram(p.program, admissionActivation(i, ctx.inventory, params));
          for (const v of violations ?? []) {
            // several validations often share one message: say it once per binding and params object
            const key = `${params?.name ?? ""}\u0000${v.message}`;
            if (said.has(key)) continue;
            said.add(key);
            const data: Record<string, string> = { ...common, message: v.message };
            if (v.reason) data.reason = v.reason;
            if (params) data.params = params.name;
            ctx.report({ messageId: v.error ? "error" : "violation", data, path: [], severity: sev });
          }
        }
      }
    },
  };
}

/**
 * The parameter objects a binding selects: by name, or all matching a selector; namespaced params without an
 * explicit namespace are looked up in the admitted object's namespace, as kube-apiserver does.
 */
function findParams(
  kind: { apiVersion: string; kind: string },
  ref: NonNullable<Binding["paramRef"]>,
  input: MatchInput,
  inventory: Inventory,
  paramObjects: readonly Resource[],
): Resource[] {
  const candidates = [...inventory.ofKind(kind.kind), ...paramObjects].filter(
    (r) => r.apiVersion === kind.apiVersion || kind.apiVersion === "",
  );
  const out: Resource[] = [];
  const seen = new Set<string>();
  for (const r of candidates) {
    // the same object twice (a fixture folder, a file given twice): Kubernetes would hold one
    const key = `${r.namespace ?? ""}/${r.name}`;
    if (seen.has(key)) continue;
    // A params object must be in the namespace asked for. One that names none lands in the default namespace when
    // its kind is namespaced (a ConfigMap); when the scan cannot tell (a custom kind without its
    // CustomResourceDefinition) it may be cluster-scoped, and is found from every namespace.
    const paramNs = r.namespace ?? (isNamespacedKind(r, inventory) === true ? inventory.defaultNamespace : undefined);
    if (paramNs !== undefined && isNamespacedKind(r, inventory) !== false) {
      const ns = ref.namespace ?? input.namespace;
      if (ns === undefined || paramNs !== ns) continue;
    }
    if (ref.name !== undefined ? r.name === ref.name : ref.selector !== undefined && matchesSelector(ref.selector, r.labels())) {
      seen.add(key);
      out.push(r);
    }
  }
  return out;
}
