import { makeParams } from "../../engine/params.js";
import type { Report, RuleContext, RuleFacts, RuleModule } from "../../engine/rule-types.js";
import { defineRule } from "../../engine/rule-types.js";
import { formatMessage } from "../../engine/run.js";
import { CATALOG } from "../catalog.generated.js";
import { type EnforcePolicy, compareLevels, enforcePolicy } from "./_psa-labels.js";
import { PSS_RULE_MODULES } from "./_pss-rules.js";

// A workload whose namespace has a Namespace object in the scan labelled `pod-security.kubernetes.io/enforce:
// baseline|restricted` is evaluated against that level with the Pod Security Standards rules of the catalogue
// (those with a `pss` field, see _pss-rules.ts), each run with:
// - the policy version of the namespace: `enforce-version` vX.Y, or the target cluster version for `latest`, for no
//   version label, and for versions newer than the cluster (the rules implement the version-dependent controls);
// - the catalogue's default parameters (which are Pod Security Admission's own lists), whatever the user configured
//   for those rules, since the admission controller does not read shipshape's configuration.
// One finding per violated control, at the first offending field, naming the control and the first violation.
// As Pod Security Admission reads them, an invalid level label is enforced as restricted and an invalid version as
// latest (namespace-pss-label-missing reports the invalid label itself). Namespaces without an enforce label, or
// not in the scan, are left alone: the cluster's default and exemptions are not in the manifests.
// Pods are rejected outright. For the built-in controllers (Deployment, Job, CronJob, …) and PodTemplates the API
// server only warns and then rejects every pod the controller creates; custom resources with a pod template are not
// checked by the admission controller at all, but their pods are rejected too. Under restricted, violations of the
// baseline seccomp control are named after seccompProfile_restricted, which replaces it in that level.

const BUILT_IN_CONTROLLERS = new Set([
  "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicationController", "PodTemplate",
]);
const BUILT_IN_GROUPS = new Set(["apps", "batch", "extensions", ""]);

const FACTS = new Map<string, RuleFacts>(CATALOG.map((f) => [f.id, f]));

interface PssRule {
  module: RuleModule;
  level: "baseline" | "restricted";
  control: string;
  params: ReturnType<typeof makeParams>;
}

let pssRules: PssRule[] | undefined;
function rules(): PssRule[] {
  pssRules ??= PSS_RULE_MODULES.map((module) => {
    const facts = FACTS.get(module.id);
    if (!facts?.pss) throw new Error(`${module.id} is not a Pod Security Standards rule of the catalogue`);
    return { module, level: facts.pss.level, control: facts.pss.control, params: makeParams(module.id, facts.params) };
  });
  return pssRules;
}

function policiesByNamespace(ctx: RuleContext): Map<string, EnforcePolicy> {
  return ctx.inventory.memo(`psa-enforce-policies:${ctx.kubeVersion.toString()}`, (inv) => {
    // A scan may hold several Namespace objects of one name (two overlays, two apps): only a policy they all agree
    // on is known; otherwise which one the cluster has depends on the order they are applied in.
    const all = new Map<string, (EnforcePolicy | undefined)[]>();
    for (const ns of inv.ofKind("Namespace")) {
      if (ns.apiVersion !== "v1") continue;
      const list = all.get(ns.name) ?? [];
      list.push(enforcePolicy(ns.labels(), ctx.kubeVersion));
      all.set(ns.name, list);
    }
    const key = (p: EnforcePolicy | undefined): string => (p ? `${p.levelText}\u0000${p.versionText}` : "");
    const out = new Map<string, EnforcePolicy>();
    for (const [name, list] of all) {
      const first = list[0];
      if (first && list.every((p) => key(p) === key(first))) out.set(name, first);
    }
    return out;
  });
}

function isBuiltInController(apiVersion: string, kind: string): boolean {
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  return BUILT_IN_CONTROLLERS.has(kind) && BUILT_IN_GROUPS.has(group);
}

export default defineRule({
  id: "pss-namespace-would-reject",
  title: "Workload violates the Pod Security level its namespace enforces",
  rationale:
    "A namespace labelled `pod-security.kubernetes.io/enforce: baseline` or `restricted` makes the API server refuse pods " +
    "that break that Pod Security Standard. A Deployment that breaks it is still accepted (with a warning that is easy " +
    "to miss in CI logs), but none of its pods can be created: the rollout hangs with zero ready replicas.",
  attack:
    "This is a reliability problem before it is a security one: the admission controller already blocks the dangerous " +
    "setting. The risk is the workaround under time pressure, when someone relabels the namespace as privileged to get " +
    "the release out and opens it to every misconfiguration.",
  remediation:
    "Change the workload so that it meets the namespace's level (the finding names the control and the field), or move " +
    "it to a namespace meant for privileged infrastructure that is reviewed separately. Do not lower the namespace's level " +
    "for one workload.",
  example: {
    insecure: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: baseline
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  hostNetwork: true
  containers:
    - name: web
      image: registry.example/web:1.0
`,
    secure: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: baseline
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
`,
  },
  messages: {
    podRejected: "Namespace '{{namespace}}' enforces Pod Security {{policy}}, so the API server rejects this pod: {{control}} ({{detail}})",
    templateRejected:
      "Namespace '{{namespace}}' enforces Pod Security {{policy}}: the API server accepts this {{kind}} with a warning, then rejects every pod it creates: {{control}} ({{detail}})",
    customRejected:
      "Namespace '{{namespace}}' enforces Pod Security {{policy}}, so every pod this {{kind}} creates is rejected: {{control}} ({{detail}})",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    const namespace = ctx.resource.namespaceOr(ctx.defaultNamespace);
    if (namespace === undefined) return;
    const policy = policiesByNamespace(ctx).get(namespace);
    if (!policy || policy.level === "privileged") return;

    const found = new Map<string, { first: Report<string>; module: RuleModule; count: number }>();
    for (const rule of rules()) {
      if (compareLevels(rule.level, policy.level) > 0) continue;
      const control = policy.level === "restricted" && rule.control === "seccompProfile_baseline" ? "seccompProfile_restricted" : rule.control;
      const sub: RuleContext = {
        resource: ctx.resource,
        workload: w,
        dockerfile: undefined,
        params: rule.params,
        inventory: ctx.inventory,
        kubeVersion: policy.version,
        defaultNamespace: ctx.defaultNamespace,
        report: (r) => {
          const seen = found.get(control);
          if (seen) seen.count++;
          else found.set(control, { first: r, module: rule.module, count: 1 });
        },
      };
      rule.module.check(sub);
    }

    const policyText = `${policy.level}:${policy.versionValid ? policy.versionText : "latest"}` +
      (policy.levelValid ? "" : ` (its enforce label ${JSON.stringify(policy.levelText)} is invalid and read as restricted)`);
    const kind = ctx.resource.kind;
    const messageId = kind === "Pod" && ctx.resource.apiVersion === "v1"
      ? "podRejected"
      : isBuiltInController(ctx.resource.apiVersion, kind) ? "templateRejected" : "customRejected";
    for (const [control, { first, module, count }] of found) {
      const template = module.messages[first.messageId] ?? first.messageId;
      const detail = formatMessage(template, first.data) + (count > 1 ? `; and ${count - 1} more` : "");
      ctx.report({
        messageId,
        data: { namespace, policy: policyText, kind, control, detail },
        path: first.path,
        container: first.container,
      });
    }
  },
});
