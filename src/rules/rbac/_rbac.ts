// Shared pieces of the RBAC rules: which role or binding object is under review, and where in a role's
// rules a permission is granted (the rule entry, and its verb and resource items, for precise paths).
import type { RuleContext } from "../../engine/rule-types.js";
import {
  type BindingInfo, type PolicyRule, RbacModel, type RoleInfo, isBuiltinRoleObject, resourceItemMatches, verbItemMatches,
} from "../../model/rbac.js";
import type { YamlPath } from "../../model/types.js";

export interface Reviewed {
  role: RoleInfo;
  model: RbacModel;
}

/**
 * The Role or ClusterRole of rbac.authorization.k8s.io that this object defines, when its own rules are worth
 * reviewing. Not reviewed: copies of Kubernetes' default roles (cluster-admin, admin, edit, view, system:…
 * roles of the bootstrap policy: the API server maintains them and restores their rules at every start, so the
 * finding belongs on the bindings that grant them), and aggregated ClusterRoles, whose `rules` the aggregation
 * controller overwrites (their permissions are reviewed on the ClusterRoles they aggregate).
 */
export function reviewedRole(ctx: RuleContext): Reviewed | undefined {
  if (isBuiltinRoleObject(ctx.resource)) return undefined;
  const model = RbacModel.of(ctx.inventory);
  const role = model.roleOf(ctx.resource);
  if (!role || role.aggregated) return undefined;
  return { role, model };
}

export function reviewedBinding(ctx: RuleContext): { binding: BindingInfo; model: RbacModel } | undefined {
  const model = RbacModel.of(ctx.inventory);
  const binding = model.bindingOf(ctx.resource);
  return binding ? { binding, model } : undefined;
}

/** A resource of an API group ("" is the core group; undefined: any group the rule names). */
export interface Target {
  group: string | undefined;
  resource: string;
}

export interface Want {
  verbs: readonly string[];
  targets: readonly Target[];
  /**
   * Rules restricted by resourceNames: "skip" (a deliberate, narrow grant; also never allows create),
   * "include", or a predicate on the names (include when it returns true).
   */
  restricted: "skip" | "include" | ((names: readonly string[]) => boolean);
}

export interface Hit {
  rule: PolicyRule;
  /** The first resource item that grants one of the targets, and every target it grants. */
  resourceIndex: number;
  resourceItem: string;
  targets: Target[];
  /** The first verb item that grants one of the wanted verbs, and every wanted verb the rule grants. */
  verbIndex: number;
  verbItem: string;
  verbs: string[];
}

function groupAllows(rule: PolicyRule, group: string | undefined): boolean {
  return group === undefined ? rule.apiGroups.length > 0 : rule.apiGroups.some((g) => g === "*" || g === group);
}

/** Where a rule entry grants one of the wanted verbs on one of the targets (undefined when it does not). */
export function hitIn(rule: PolicyRule, want: Want): Hit | undefined {
  if (rule.resources.length === 0) return undefined;
  if (rule.restricted) {
    if (want.restricted === "skip") return undefined;
    if (typeof want.restricted === "function" && !want.restricted(rule.resourceNames)) return undefined;
  }
  const verbs = want.verbs.filter((v) => rule.verbs.some((item) => verbItemMatches(item, v)));
  if (verbs.length === 0) return undefined;
  const verbIndex = rule.verbs.findIndex((item) => verbs.some((v) => verbItemMatches(item, v)));
  let resourceIndex = -1;
  const targets: Target[] = [];
  for (const t of want.targets) {
    if (!groupAllows(rule, t.group)) continue;
    const i = rule.resources.findIndex((item) => resourceItemMatches(item, t.resource));
    if (i < 0) continue;
    targets.push(t);
    if (resourceIndex < 0 || i < resourceIndex) resourceIndex = i;
  }
  if (targets.length === 0) return undefined;
  return { rule, resourceIndex, resourceItem: rule.resources[resourceIndex] ?? "", targets, verbIndex, verbItem: rule.verbs[verbIndex] ?? "", verbs };
}

/** Hits in the role's own rules, one per rule entry. */
export function hits(role: RoleInfo, want: Want): Hit[] {
  return role.ownRules.map((r) => hitIn(r, want)).filter((h): h is Hit => h !== undefined);
}

export function resourcePath(h: Hit): YamlPath {
  return h.rule.itemPath("resources", h.resourceIndex) ?? [];
}

export function verbPath(h: Hit): YamlPath {
  return h.rule.itemPath("verbs", h.verbIndex) ?? [];
}

/** "pods/exec, pods/attach" for the targets a hit grants. */
export function targetNames(h: Hit): string {
  return [...new Set(h.targets.map((t) => t.resource))].join(", ");
}

/** ` (through the wildcard "*")` when the grant comes from a wildcard item rather than the resource's name. */
export function through(h: Hit): string {
  const wild = [h.resourceItem, h.verbItem].filter((x) => x === "*" || x.startsWith("*/"));
  if (h.rule.apiGroups.includes("*") && !h.rule.apiGroups.some((g) => h.targets.some((t) => t.group === g))) wild.push("*");
  return wild.length > 0 ? " (through a wildcard)" : "";
}

/** "a, b and 3 more". */
export function list(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/** "the ClusterRole" / "the Role" for messages. */
export function kindOf(role: RoleInfo): string {
  return role.kind === "ClusterRole" ? "ClusterRole" : "Role";
}

/** Workload kinds and the API groups they live in. */
export const WORKLOAD_GROUPS: Readonly<Record<string, readonly string[]>> = {
  pods: [""],
  replicationcontrollers: [""],
  deployments: ["apps", "extensions"],
  replicasets: ["apps", "extensions"],
  daemonsets: ["apps", "extensions"],
  statefulsets: ["apps"],
  jobs: ["batch"],
  cronjobs: ["batch"],
  deploymentconfigs: ["apps.openshift.io"],
};

/** Targets for resource names: known kinds in their groups, unknown names in any group. */
export function targetsFor(resources: readonly string[]): Target[] {
  return resources.flatMap((r): Target[] => {
    const groups = WORKLOAD_GROUPS[r];
    return groups ? groups.map((g) => ({ group: g, resource: r })) : [{ group: undefined, resource: r }];
  });
}

/**
 * Verbs that open an exec, attach or port-forward session. A WebSocket session starts with an HTTP GET, which
 * the API server authorized as `get` until Kubernetes 1.35. From 1.35 the AuthorizePodWebsocketUpgradeCreatePermission
 * feature gate (beta, on by default) also requires `create`, but it can be turned off, and a manifest often outlives
 * the version it was written for: `get` still counts, erring on the side of reporting (as Polaris and kube-linter do).
 */
export function streamVerbs(_ctx?: RuleContext): string[] {
  return ["create", "get"];
}
