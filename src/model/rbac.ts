// An RBAC model of a scan: Roles and ClusterRoles with their rules (including the built-in ClusterRoles that
// bindings name but manifests never contain, and aggregated ClusterRoles), bindings resolved to their role and
// subjects, and queries ("who is bound to this role", "what can this ServiceAccount do", can(...)).
//
// It follows the Kubernetes RBAC authorizer (k8s.io/kubernetes plugin/pkg/auth/authorizer/rbac and
// pkg/apis/rbac/v1/evaluation_helpers.go): rules only ever allow, "*" matches any verb, API group or resource,
// "*/sub" matches a subresource of any resource, resourceNames restrict to named objects (and so never allow
// create or unnamed list), a RoleBinding grants only in its own namespace even when it names a ClusterRole,
// and members of the group system:masters bypass authorization entirely.
//
// Built in once per scan: `RbacModel.of(inventory)`.
import type { Inventory } from "../engine/inventory.js";
import type { Resource } from "./resource.js";
import { type LabelSelector, matchesSelector, readSelector } from "./selectors.js";
import { type YamlPath, isObject } from "./types.js";
import type { Workload } from "./workload.js";

export const RBAC_GROUP = "rbac.authorization.k8s.io";
/** The wildcard of verbs, API groups, resources and non-resource URLs. */
export const ALL = "*";

/** Well-known groups and users of the API server (k8s.io/apiserver/pkg/authentication/user). */
export const SYSTEM_MASTERS = "system:masters";
export const ALL_AUTHENTICATED = "system:authenticated";
export const ALL_UNAUTHENTICATED = "system:unauthenticated";
export const ANONYMOUS_USER = "system:anonymous";
export const ALL_SERVICE_ACCOUNTS = "system:serviceaccounts";
const SA_USER_PREFIX = "system:serviceaccount:";
const SA_GROUP_PREFIX = "system:serviceaccounts:";

/** The verbs of the API besides the special ones (escalate, bind, impersonate, approve, sign, use, proxy). */
export const STANDARD_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"] as const;

// ---------------------------------------------------------------------------------------------------------
// Policy rules

export type RuleField = "verbs" | "apiGroups" | "resources" | "resourceNames" | "nonResourceURLs";
const RULE_FIELDS: readonly RuleField[] = ["verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs"];

/** One entry of a role's `rules`, read leniently (a string where a list belongs counts as a one-item list). */
export class PolicyRule {
  readonly verbs: readonly string[];
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly resourceNames: readonly string[];
  readonly nonResourceURLs: readonly string[];
  private readonly scalar = new Set<RuleField>();

  constructor(
    /** The role whose `rules` list holds this entry (for an aggregated role: the role it was aggregated from). */
    readonly role: RoleInfo,
    readonly index: number,
    /** Path of the entry inside the role's object (["rules", i]); undefined for a built-in role's rule. */
    readonly path: YamlPath | undefined,
    entry: Record<string, unknown>,
  ) {
    const read = (field: RuleField): string[] => {
      const v = entry[field];
      if (Array.isArray(v)) return v.map((x) => (x === null || typeof x === "object" ? "" : String(x)));
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
        this.scalar.add(field);
        return [String(v)];
      }
      return [];
    };
    this.verbs = read("verbs");
    this.apiGroups = read("apiGroups");
    this.resources = read("resources");
    this.resourceNames = read("resourceNames");
    this.nonResourceURLs = read("nonResourceURLs");
  }

  /** Path of the i-th item of a field (the field itself when it was written as a scalar); undefined for built-ins. */
  itemPath(field: RuleField, index: number): YamlPath | undefined {
    if (!this.path) return undefined;
    return this.scalar.has(field) ? [...this.path, field] : [...this.path, field, index];
  }

  /** Path of a field of this entry; undefined for built-ins. */
  fieldPath(field: RuleField): YamlPath | undefined {
    return this.path ? [...this.path, field] : undefined;
  }

  /** Restricted to named objects: such a rule never allows create, deletecollection or an unnamed list/watch. */
  get restricted(): boolean {
    return this.resourceNames.length > 0;
  }

  toString(): string {
    if (this.nonResourceURLs.length > 0 && this.resources.length === 0) return `${this.verbs.join(",")} ${this.nonResourceURLs.join(",")}`;
    const names = this.restricted ? ` (${this.resourceNames.join(",")})` : "";
    return `${this.verbs.join(",")} ${this.apiGroups.map((g) => g || "core").join(",")}/${this.resources.join(",")}${names}`;
  }
}

/** Does a verb item of a rule match this verb? */
export function verbItemMatches(item: string, verb: string): boolean {
  return item === ALL || item === verb;
}

/** Does a resource item of a rule match this resource ("pods" or "pods/exec")? As the authorizer: "*", exact, or "*\/sub". */
export function resourceItemMatches(item: string, resource: string): boolean {
  if (item === ALL || item === resource) return true;
  const slash = resource.indexOf("/");
  return slash > 0 && item === `*/${resource.slice(slash + 1)}`;
}

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => verbItemMatches(v, verb));
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return rule.apiGroups.some((g) => g === ALL || g === group);
}

export function resourceMatches(rule: PolicyRule, resource: string): boolean {
  return rule.resources.some((r) => resourceItemMatches(r, resource));
}

/** An unnamed request (create, list of everything) only matches rules without resourceNames. */
export function resourceNameMatches(rule: PolicyRule, name: string | undefined): boolean {
  if (rule.resourceNames.length === 0) return true;
  return name !== undefined && name !== "" && rule.resourceNames.includes(name);
}

export function nonResourceURLMatches(rule: PolicyRule, url: string): boolean {
  return rule.nonResourceURLs.some((u) => u === ALL || u === url || (u.endsWith("*") && url.startsWith(u.slice(0, -1))));
}

/** A request for a resource: `resource` may name a subresource ("pods/exec"); `name` undefined = no particular object. */
export interface ResourceRequest {
  verb: string;
  apiGroup: string;
  resource: string;
  /** The request's namespace; undefined for cluster-scoped objects and for requests across all namespaces. */
  namespace?: string | undefined;
  name?: string | undefined;
}

export interface NonResourceRequest {
  verb: string;
  nonResourceURL: string;
}

export function ruleAllows(rule: PolicyRule, req: ResourceRequest | NonResourceRequest): boolean {
  if ("nonResourceURL" in req) return verbMatches(rule, req.verb) && nonResourceURLMatches(rule, req.nonResourceURL);
  return verbMatches(rule, req.verb) && apiGroupMatches(rule, req.apiGroup) && resourceMatches(rule, req.resource) && resourceNameMatches(rule, req.name);
}

/**
 * Do these rules allow everything cluster-admin allows on resources: every verb (`*`, or at least the seven
 * read/write verbs) on every resource (`*`) of every API group (`*`)?
 */
export function grantsEverything(rules: readonly PolicyRule[]): boolean {
  return rules.some((r) =>
    r.apiGroups.includes(ALL) && r.resources.includes(ALL) && !r.restricted &&
    (r.verbs.includes(ALL) || ["get", "list", "watch", "create", "update", "patch", "delete"].every((v) => r.verbs.includes(v))));
}

// ---------------------------------------------------------------------------------------------------------
// Roles

export type RoleKind = "Role" | "ClusterRole";

export class RoleInfo {
  /** Its own rules: the manifest's, plus for a built-in role the defaults the API server reconciles back in. */
  readonly ownRules: PolicyRule[] = [];
  /** ClusterRole aggregation (`aggregationRule.clusterRoleSelectors`); undefined when the role is not aggregated. */
  aggregationSelectors: LabelSelector[] | undefined;
  /** ClusterRoles whose rules an aggregated role takes (direct sources only). */
  readonly aggregatedFrom: RoleInfo[] = [];
  /** Effective rules: the own rules, or for an aggregated ClusterRole the union of its sources' effective rules. */
  rules: readonly PolicyRule[] = [];
  labels: Record<string, string>;

  constructor(
    readonly kind: RoleKind,
    readonly name: string,
    /** A Role's namespace; undefined for ClusterRoles. */
    readonly namespace: string | undefined,
    /** The object of the scan, when the role is in it. */
    readonly resource: Resource | undefined,
    /** A default role of Kubernetes (bootstrap policy), whether or not the scan also holds a copy of it. */
    readonly builtin: boolean,
    labels: Record<string, string>,
  ) {
    this.labels = labels;
  }

  /** "ClusterRole/edit" or "Role/ns/name". */
  get id(): string {
    return this.kind === "ClusterRole" ? `ClusterRole/${this.name}` : `Role/${this.namespace ?? ""}/${this.name}`;
  }

  get aggregated(): boolean {
    return this.aggregationSelectors !== undefined;
  }

  /** Does the role allow everything on every resource (cluster-admin or an equivalent)? */
  get grantsEverything(): boolean {
    return grantsEverything(this.rules);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Subjects and identities

export type SubjectKind = "User" | "Group" | "ServiceAccount";

export interface Subject {
  kind: SubjectKind;
  name: string;
  /** ServiceAccount subjects only: the account's namespace (defaults to the RoleBinding's namespace). */
  namespace?: string;
}

export interface BoundSubject extends Subject {
  /** Index in the binding's `subjects`; path undefined for built-in bindings. */
  index: number;
  path: YamlPath | undefined;
}

/** Who makes a request: a user name and the groups it belongs to. */
export interface Identity {
  user: string;
  groups: readonly string[];
}

/** The identity of a ServiceAccount: user system:serviceaccount:<ns>:<name> in the ServiceAccount groups. */
export function serviceAccountIdentity(namespace: string, name: string): Identity {
  return { user: `${SA_USER_PREFIX}${namespace}:${name}`, groups: [ALL_SERVICE_ACCOUNTS, `${SA_GROUP_PREFIX}${namespace}`, ALL_AUTHENTICATED] };
}

/** An authenticated user (system:authenticated is added). */
export function userIdentity(name: string, groups: readonly string[] = []): Identity {
  return { user: name, groups: [...new Set([...groups, ALL_AUTHENTICATED])] };
}

export const ANONYMOUS: Identity = { user: ANONYMOUS_USER, groups: [ALL_UNAUTHENTICATED] };

/** The ServiceAccount a user name stands for ("system:serviceaccount:ns:name"), if it is one. */
export function parseServiceAccountUser(user: string): { namespace: string; name: string } | undefined {
  if (!user.startsWith(SA_USER_PREFIX)) return undefined;
  const rest = user.slice(SA_USER_PREFIX.length);
  const colon = rest.indexOf(":");
  if (colon <= 0 || colon === rest.length - 1) return undefined;
  return { namespace: rest.slice(0, colon), name: rest.slice(colon + 1) };
}

/** The user or group key under which a subject is matched: ServiceAccounts are the user system:serviceaccount:ns:name. */
function subjectKey(subject: Subject): string {
  switch (subject.kind) {
    case "User":
      return `u:${subject.name}`;
    case "Group":
      return `g:${subject.name}`;
    case "ServiceAccount":
      return `u:${SA_USER_PREFIX}${subject.namespace ?? ""}:${subject.name}`;
  }
}

/** Does a binding's subject apply to this identity? */
export function subjectMatches(subject: Subject, identity: Identity): boolean {
  const key = subjectKey(subject);
  return key === `u:${identity.user}` || identity.groups.some((g) => key === `g:${g}`);
}

export function describeSubject(s: Subject): string {
  return s.kind === "ServiceAccount" ? `ServiceAccount ${s.namespace ?? ""}/${s.name}` : `${s.kind} ${s.name}`;
}

// ---------------------------------------------------------------------------------------------------------
// Bindings

export type BindingKind = "RoleBinding" | "ClusterRoleBinding";

export interface RoleRef {
  kind: string;
  name: string;
  apiGroup: string | undefined;
}

export class BindingInfo {
  /** The role the binding grants, when the scan or the built-in policy has it. */
  role: RoleInfo | undefined;

  constructor(
    readonly kind: BindingKind,
    readonly name: string,
    /** A RoleBinding's namespace; undefined for ClusterRoleBindings. */
    readonly namespace: string | undefined,
    readonly resource: Resource | undefined,
    readonly builtin: boolean,
    readonly roleRef: RoleRef | undefined,
    readonly subjects: readonly BoundSubject[],
  ) {}

  /** Where the grant applies: a namespace, or undefined for everywhere (ClusterRoleBinding). */
  get scope(): string | undefined {
    return this.namespace;
  }

  get id(): string {
    return this.kind === "ClusterRoleBinding" ? `ClusterRoleBinding/${this.name}` : `RoleBinding/${this.namespace ?? ""}/${this.name}`;
  }

  /** Is this subject one that Kubernetes' own default binding of this name already grants (e.g. system:masters → cluster-admin)? */
  isDefaultGrant(subject: Subject): boolean {
    if (this.kind !== "ClusterRoleBinding") return false;
    const def = DEFAULT_BINDINGS.get(this.name);
    if (!def || this.roleRef?.kind !== "ClusterRole" || this.roleRef.name !== def.role) return false;
    return def.subjects.some((d) => d.kind === subject.kind && d.name === subject.name && (d.kind !== "ServiceAccount" || d.namespace === subject.namespace));
  }
}

/** One rule an identity holds, through which binding, and where it applies. */
export interface Grant {
  rule: PolicyRule;
  binding: BindingInfo;
  /** The role the binding names (the rule may come from a role aggregated into it: rule.role). */
  role: RoleInfo;
  /** Namespace the rule applies in; undefined = every namespace and cluster-scoped objects. */
  namespace: string | undefined;
}

// ---------------------------------------------------------------------------------------------------------
// The model

function isRbacObject(r: Resource): boolean {
  return r.apiVersion.startsWith(`${RBAC_GROUP}/`);
}

export class RbacModel {
  private readonly clusterRoles = new Map<string, RoleInfo>();
  private readonly roles = new Map<string, RoleInfo>();
  private readonly byResource = new Map<Resource, RoleInfo | BindingInfo>();
  private readonly allBindings: BindingInfo[] = [];
  private readonly bySubjectKey = new Map<string, BindingInfo[]>();
  private readonly byRole = new Map<RoleInfo, BindingInfo[]>();
  private readonly aggregators = new Map<RoleInfo, RoleInfo[]>();
  /** The default roles as Kubernetes defines them, before any copy of the scan merges in. */
  private readonly defaults = new Map<string, RoleInfo>();

  /** The model of a scan, built once and shared by every rule. */
  static of(inventory: Inventory): RbacModel {
    return inventory.memo("rbac-model", (inv) => new RbacModel(inv.resources, inv.defaultNamespace));
  }

  constructor(resources: readonly Resource[], readonly defaultNamespace: string) {
    // Built-in ClusterRoles first; a copy in the scan merges into them.
    for (const spec of BUILTIN_ROLES) {
      const role = new RoleInfo(spec.kind ?? "ClusterRole", spec.name, spec.namespace, undefined, true, { ...BOOTSTRAP_LABEL, ...spec.labels });
      if (spec.aggregate) role.aggregationSelectors = [{ matchLabels: { [spec.aggregate]: "true" } }];
      role.ownRules.push(...spec.rules.map((r, i) => new PolicyRule(role, i, undefined, expandSpec(r))));
      this.defaults.set(`${role.kind}/${role.namespace ?? ""}/${role.name}`, role);
      this.putRole(role);
    }
    for (const r of resources) {
      if (!isRbacObject(r)) continue;
      if (r.kind === "ClusterRole" || r.kind === "Role") this.addRole(r);
    }
    this.aggregate();
    for (const spec of BUILTIN_BINDING_SPECS) {
      const subjects = spec.subjects.map((s, index) => ({ ...s, index, path: undefined }));
      this.addBinding(new BindingInfo("ClusterRoleBinding", spec.name, undefined, undefined, true, { kind: "ClusterRole", name: spec.role, apiGroup: RBAC_GROUP }, subjects));
    }
    for (const r of resources) {
      if (!isRbacObject(r)) continue;
      if (r.kind === "ClusterRoleBinding" || r.kind === "RoleBinding") this.addBindingObject(r);
    }
  }

  // --- lookups -------------------------------------------------------------------------------------------

  /** A ClusterRole by name: the scan's (merged with the built-in one of that name) or a built-in one. */
  clusterRole(name: string): RoleInfo | undefined {
    return this.clusterRoles.get(name);
  }

  /** A Role by namespace and name (the scan's, or one of the few built-in Roles of kube-system). */
  role(namespace: string, name: string): RoleInfo | undefined {
    return this.roles.get(`${namespace}/${name}`);
  }

  /** The role an object of the scan defines (undefined when it is not a Role/ClusterRole of rbac.authorization.k8s.io). */
  roleOf(resource: Resource): RoleInfo | undefined {
    const r = this.byResource.get(resource);
    return r instanceof RoleInfo ? r : undefined;
  }

  /** The binding an object of the scan defines. */
  bindingOf(resource: Resource): BindingInfo | undefined {
    const b = this.byResource.get(resource);
    return b instanceof BindingInfo ? b : undefined;
  }

  /** Every role known: built-in ones and the scan's. */
  allRoles(): RoleInfo[] {
    return [...this.clusterRoles.values(), ...this.roles.values()];
  }

  /** Every binding: the scan's and Kubernetes' default ClusterRoleBindings (builtin: true). */
  bindings(): readonly BindingInfo[] {
    return this.allBindings;
  }

  /** The role a roleRef names, seen from a binding in `namespace` (undefined for a ClusterRoleBinding). */
  resolveRoleRef(ref: RoleRef | undefined, namespace: string | undefined): RoleInfo | undefined {
    if (!ref) return undefined;
    if (ref.kind === "ClusterRole") return this.clusterRole(ref.name);
    if (ref.kind === "Role" && namespace !== undefined) return this.role(namespace, ref.name);
    return undefined;
  }

  /** ClusterRoles that aggregate this one, directly or through other aggregated roles (edit → admin). */
  aggregatorsOf(role: RoleInfo): RoleInfo[] {
    const out: RoleInfo[] = [];
    const queue = [...(this.aggregators.get(role) ?? [])];
    while (queue.length > 0) {
      const r = queue.shift()!;
      if (out.includes(r) || r === role) continue;
      out.push(r);
      queue.push(...(this.aggregators.get(r) ?? []));
    }
    return out;
  }

  /** Bindings that name this role directly. */
  bindingsOf(role: RoleInfo): readonly BindingInfo[] {
    return this.byRole.get(role) ?? [];
  }

  /** Bindings through which this role's rules are granted: to the role itself or to a ClusterRole aggregating it. */
  bindingsGranting(role: RoleInfo): BindingInfo[] {
    return [role, ...this.aggregatorsOf(role)].flatMap((r) => [...this.bindingsOf(r)]);
  }

  /** Who holds this role's rules, through which binding, and where. */
  subjectsOf(role: RoleInfo): { subject: BoundSubject; binding: BindingInfo; namespace: string | undefined }[] {
    return this.bindingsGranting(role).flatMap((b) => b.subjects.map((subject) => ({ subject, binding: b, namespace: b.scope })));
  }

  /** Bindings that apply to an identity (by user name, ServiceAccount, or any of its groups). */
  bindingsFor(identity: Identity): BindingInfo[] {
    const keys = [`u:${identity.user}`, ...identity.groups.map((g) => `g:${g}`)];
    const out = new Set<BindingInfo>();
    for (const k of keys) for (const b of this.bySubjectKey.get(k) ?? []) out.add(b);
    return [...out];
  }

  /** Every rule an identity holds, with the binding it comes through and the namespace it applies in. */
  grantsFor(identity: Identity, options: { includeBuiltinBindings?: boolean } = {}): Grant[] {
    const out: Grant[] = [];
    for (const b of this.bindingsFor(identity)) {
      if (b.builtin && options.includeBuiltinBindings === false) continue;
      if (!b.role) continue;
      for (const rule of b.role.rules) out.push({ rule, binding: b, role: b.role, namespace: b.scope });
    }
    return out;
  }

  /**
   * What a workload's pods can do through their ServiceAccount: the account, its identity, and every rule its
   * bindings grant (with the namespace each applies in). Whether the token reaches the pods is `tokenMount`'s answer.
   */
  workloadGrants(workload: Workload, options: { includeBuiltinBindings?: boolean } = {}): { serviceAccount: ServiceAccountRef; identity: Identity; grants: Grant[] } {
    const serviceAccount = workloadServiceAccount(workload, this.defaultNamespace);
    const identity = serviceAccountIdentity(serviceAccount.namespace, serviceAccount.name);
    return { serviceAccount, identity, grants: this.grantsFor(identity, options) };
  }

  /** Is the identity allowed this request? system:masters is allowed everything. */
  can(identity: Identity, req: ResourceRequest | NonResourceRequest): boolean {
    if (identity.groups.includes(SYSTEM_MASTERS)) return true;
    return this.grantsFor(identity).some((g) => {
      if ("nonResourceURL" in req) return g.namespace === undefined && ruleAllows(g.rule, req);
      return (g.namespace === undefined || g.namespace === req.namespace) && ruleAllows(g.rule, req);
    });
  }

  /** The grants behind an allowed request (empty when not allowed; system:masters has no grants to show). */
  explain(identity: Identity, req: ResourceRequest): Grant[] {
    return this.grantsFor(identity).filter((g) => (g.namespace === undefined || g.namespace === req.namespace) && ruleAllows(g.rule, req));
  }

  // --- construction --------------------------------------------------------------------------------------

  private putRole(role: RoleInfo): void {
    if (role.kind === "ClusterRole") this.clusterRoles.set(role.name, role);
    else this.roles.set(`${role.namespace ?? ""}/${role.name}`, role);
  }

  private addRole(r: Resource): void {
    const kind = r.kind as RoleKind;
    const namespace = kind === "Role" ? (r.namespace ?? this.defaultNamespace) : undefined;
    const base = this.defaults.get(`${kind}/${namespace ?? ""}/${r.name}`);
    // A copy of a default role: the API server adds its missing default rules back at every start, unless
    // the copy opts out with rbac.authorization.kubernetes.io/autoupdate: "false".
    const keepDefaults = base !== undefined && r.annotations()["rbac.authorization.kubernetes.io/autoupdate"] !== "false";
    const role = new RoleInfo(kind, r.name, namespace, r, base !== undefined, { ...(keepDefaults ? base.labels : {}), ...r.labels() });
    const rules = r.object.rules;
    if (Array.isArray(rules)) {
      rules.forEach((e, i) => {
        if (isObject(e)) role.ownRules.push(new PolicyRule(role, i, ["rules", i], e));
      });
    }
    if (keepDefaults) role.ownRules.push(...base.ownRules);
    const agg = r.object.aggregationRule;
    if (kind === "ClusterRole" && isObject(agg)) {
      const sels = Array.isArray(agg.clusterRoleSelectors) ? agg.clusterRoleSelectors.map(readSelector).filter((s): s is LabelSelector => s !== undefined) : [];
      role.aggregationSelectors = sels;
    }
    if (keepDefaults && base.aggregationSelectors) role.aggregationSelectors = [...(role.aggregationSelectors ?? []), ...base.aggregationSelectors];
    this.byResource.set(r, role);
    this.putRole(role);
  }

  /** Resolves aggregated ClusterRoles: rules = union of the matching ClusterRoles' effective rules (transitively). */
  private aggregate(): void {
    const all = [...this.clusterRoles.values()];
    // Roles of the scan that were replaced by a later copy of the same name still exist as objects; they are
    // not ClusterRoles of the cluster, so only the current ones take part.
    for (const role of all) {
      if (!role.aggregationSelectors) continue;
      for (const other of all) {
        if (other === role) continue;
        if (role.aggregationSelectors.some((s) => matchesSelector(s, other.labels))) {
          role.aggregatedFrom.push(other);
          const list = this.aggregators.get(other) ?? [];
          list.push(role);
          this.aggregators.set(other, list);
        }
      }
    }
    const done = new Map<RoleInfo, readonly PolicyRule[]>();
    const visiting = new Set<RoleInfo>();
    const effective = (role: RoleInfo): readonly PolicyRule[] => {
      const known = done.get(role);
      if (known) return known;
      if (!role.aggregationSelectors) return role.ownRules;
      if (visiting.has(role)) return [];
      visiting.add(role);
      const set = new Set<PolicyRule>();
      for (const src of role.aggregatedFrom) for (const rule of effective(src)) set.add(rule);
      visiting.delete(role);
      const rules = [...set];
      done.set(role, rules);
      return rules;
    };
    for (const role of [...this.clusterRoles.values(), ...this.roles.values()]) role.rules = effective(role);
    // Superseded objects (a second ClusterRole of the same name in the scan) keep their own rules.
    for (const info of this.byResource.values()) if (info instanceof RoleInfo && info.rules.length === 0 && !info.aggregated) info.rules = info.ownRules;
  }

  private addBindingObject(r: Resource): void {
    const kind = r.kind as BindingKind;
    const namespace = kind === "RoleBinding" ? (r.namespace ?? this.defaultNamespace) : undefined;
    const ref = r.object.roleRef;
    const roleRef: RoleRef | undefined = isObject(ref) && typeof ref.name === "string"
      ? { kind: typeof ref.kind === "string" ? ref.kind : "", name: ref.name, apiGroup: typeof ref.apiGroup === "string" ? ref.apiGroup : undefined }
      : undefined;
    const subjects: BoundSubject[] = [];
    const list = r.object.subjects;
    if (Array.isArray(list)) {
      list.forEach((s, index) => {
        if (!isObject(s) || typeof s.name !== "string") return;
        const k = s.kind;
        if (k !== "User" && k !== "Group" && k !== "ServiceAccount") return;
        const subject: BoundSubject = { kind: k, name: s.name, index, path: ["subjects", index] };
        if (k === "ServiceAccount") {
          // The authorizer uses the RoleBinding's namespace when the subject has none; a ClusterRoleBinding
          // must name one (the API rejects it otherwise): assume the default namespace, erring on reporting.
          subject.namespace = typeof s.namespace === "string" && s.namespace !== "" ? s.namespace : (namespace ?? this.defaultNamespace);
        }
        subjects.push(subject);
      });
    }
    const b = new BindingInfo(kind, r.name, namespace, r, false, roleRef, subjects);
    this.byResource.set(r, b);
    this.addBinding(b);
  }

  private addBinding(b: BindingInfo): void {
    // A RoleBinding may name a ClusterRole (granted in its namespace) or a Role of its own namespace;
    // a ClusterRoleBinding only a ClusterRole.
    b.role = b.kind === "ClusterRoleBinding" && b.roleRef?.kind !== "ClusterRole" ? undefined : this.resolveRoleRef(b.roleRef, b.namespace);
    this.allBindings.push(b);
    if (b.role) {
      const list = this.byRole.get(b.role) ?? [];
      list.push(b);
      this.byRole.set(b.role, list);
    }
    for (const s of b.subjects) {
      const key = subjectKey(s);
      const list = this.bySubjectKey.get(key) ?? [];
      if (!list.includes(b)) list.push(b);
      this.bySubjectKey.set(key, list);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// ServiceAccounts of workloads

export interface ServiceAccountRef {
  namespace: string;
  name: string;
  /** Where the name is written, or where serviceAccountName would go when unset. */
  path: YamlPath;
  /** Which field names it: the current one, the deprecated alias, or neither (the namespace's "default"). */
  from: "serviceAccountName" | "serviceAccount" | "unset";
}

/**
 * The ServiceAccount a workload's pods run as. As the API's conversion does: serviceAccountName wins, the
 * deprecated serviceAccount is used only when serviceAccountName is empty, and "default" when both are.
 */
export function workloadServiceAccount(workload: Workload, defaultNamespace: string): ServiceAccountRef {
  const namespace = workload.resource.namespaceOr(defaultNamespace) ?? defaultNamespace;
  const spec = workload.podSpec;
  if (typeof spec.serviceAccountName === "string" && spec.serviceAccountName !== "") {
    return { namespace, name: spec.serviceAccountName, path: workload.at("serviceAccountName"), from: "serviceAccountName" };
  }
  if (typeof spec.serviceAccount === "string" && spec.serviceAccount !== "") {
    return { namespace, name: spec.serviceAccount, path: workload.at("serviceAccount"), from: "serviceAccount" };
  }
  return { namespace, name: "default", path: workload.at("serviceAccountName"), from: "unset" };
}

export interface TokenMount {
  /** Is an API token of the ServiceAccount available to the pod's containers? */
  mounted: boolean;
  /** What decides it: the pod's field, the ServiceAccount's field, the default (true), or a projected token volume. */
  decidedBy: "pod" | "serviceAccount" | "default" | "projectedVolume";
  /** Where the deciding value is written (or where the pod-level field would go). */
  path: YamlPath;
  /** The ServiceAccount object of the scan, when there is one. */
  serviceAccount: Resource | undefined;
}

/**
 * Whether the pods get the ServiceAccount's token: the pod's automountServiceAccountToken when set, else the
 * ServiceAccount's (when the scan has it), else true. A projected serviceAccountToken volume mounts a token
 * whatever the setting. Only the boolean false switches automounting off (a quoted "false" is rejected by the API).
 */
export function tokenMount(workload: Workload, inventory: Inventory): TokenMount {
  const sa = workloadServiceAccount(workload, inventory.defaultNamespace);
  const saObj = inventory.get("ServiceAccount", sa.namespace, sa.name);
  const podPath = workload.at("automountServiceAccountToken");
  const projected = projectedTokenVolume(workload);
  const pod = workload.podSpec.automountServiceAccountToken;
  let result: TokenMount;
  if (pod !== undefined && pod !== null) {
    result = { mounted: pod !== false, decidedBy: "pod", path: podPath, serviceAccount: saObj };
  } else if (saObj && saObj.object.automountServiceAccountToken !== undefined && saObj.object.automountServiceAccountToken !== null) {
    result = { mounted: saObj.object.automountServiceAccountToken !== false, decidedBy: "serviceAccount", path: ["automountServiceAccountToken"], serviceAccount: saObj };
  } else {
    result = { mounted: true, decidedBy: "default", path: podPath, serviceAccount: saObj };
  }
  if (!result.mounted && projected) return { mounted: true, decidedBy: "projectedVolume", path: projected, serviceAccount: saObj };
  return result;
}

/** Path of a projected volume source that mounts a ServiceAccount token, if the pod has one. */
export function projectedTokenVolume(workload: Workload): YamlPath | undefined {
  const volumes = workload.podSpec.volumes;
  if (!Array.isArray(volumes)) return undefined;
  for (let i = 0; i < volumes.length; i++) {
    const v = volumes[i];
    if (!isObject(v) || !isObject(v.projected) || !Array.isArray(v.projected.sources)) continue;
    const j = v.projected.sources.findIndex((s) => isObject(s) && isObject(s.serviceAccountToken));
    if (j >= 0) return workload.at("volumes", i, "projected", "sources", j, "serviceAccountToken");
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Kubernetes' default roles and bindings (bootstrap policy)
//
// From plugin/pkg/auth/authorizer/rbac/bootstrappolicy (policy.go, controller_policy.go, namespace_policy.go)
// as of Kubernetes 1.33, abridged: the user-facing roles (cluster-admin, admin/edit/view through their
// system:aggregate-to-* sources), the node, control-plane, discovery and certificate roles in full, and the
// controller roles (system:controller:*) with the rules that matter for security reviews only (marked
// `approximate`). Minor rules changed between versions; none of the omissions grants secrets, pods, RBAC or
// node powers the listed rules do not already show.

const BOOTSTRAP_LABEL = { "kubernetes.io/bootstrapping": "rbac-defaults" };

/** [verbs, apiGroups, resources, resourceNames?], each space-separated; "core" is the "" group; "url" as the group makes nonResourceURLs. */
type RuleSpec = readonly [string, string, string, string?];

interface BuiltinRoleSpec {
  name: string;
  kind?: RoleKind;
  namespace?: string;
  labels?: Record<string, string>;
  /** The label an aggregated role selects with the value "true". */
  aggregate?: string;
  rules: readonly RuleSpec[];
  /** Only the security-relevant rules are listed. */
  approximate?: boolean;
}

function expandSpec([verbs, groups, what, names]: RuleSpec): Record<string, unknown> {
  const split = (s: string): string[] => s.split(" ").filter((x) => x !== "");
  const out: Record<string, unknown> = { verbs: split(verbs) };
  if (groups === "url") out.nonResourceURLs = split(what);
  else {
    out.apiGroups = split(groups).map((g) => (g === "core" ? "" : g));
    out.resources = split(what);
  }
  if (names) out.resourceNames = split(names);
  return out;
}

const R = "get list watch";
const W = "create update patch delete deletecollection";
const RW = `${R} ${W}`;
const EVENTS: RuleSpec = ["create update patch", "core events.k8s.io", "events"];
const AGG_ADMIN = "rbac.authorization.k8s.io/aggregate-to-admin";
const AGG_EDIT = "rbac.authorization.k8s.io/aggregate-to-edit";
const AGG_VIEW = "rbac.authorization.k8s.io/aggregate-to-view";

export const BUILTIN_ROLES: readonly BuiltinRoleSpec[] = [
  { name: "cluster-admin", rules: [["*", "*", "*"], ["*", "url", "*"]] },
  { name: "admin", aggregate: AGG_ADMIN, rules: [] },
  { name: "edit", labels: { [AGG_ADMIN]: "true" }, aggregate: AGG_EDIT, rules: [] },
  { name: "view", labels: { [AGG_EDIT]: "true" }, aggregate: AGG_VIEW, rules: [] },
  {
    name: "system:aggregate-to-admin",
    labels: { [AGG_ADMIN]: "true" },
    rules: [["create", "authorization.k8s.io", "localsubjectaccessreviews"], [RW, "rbac.authorization.k8s.io", "rolebindings roles"]],
  },
  {
    name: "system:aggregate-to-edit",
    labels: { [AGG_EDIT]: "true" },
    rules: [
      [R, "core", "pods/attach pods/exec pods/portforward pods/proxy secrets services/proxy"],
      ["impersonate", "core", "serviceaccounts"],
      [W, "core", "pods pods/attach pods/exec pods/portforward pods/proxy"],
      ["create", "core", "pods/eviction"],
      [W, "core", "configmaps persistentvolumeclaims replicationcontrollers replicationcontrollers/scale secrets serviceaccounts services services/proxy"],
      ["create", "core", "serviceaccounts/token"],
      [W, "core events.k8s.io", "events"],
      [W, "apps", "daemonsets deployments deployments/rollback deployments/scale replicasets replicasets/scale statefulsets statefulsets/scale"],
      [W, "autoscaling", "horizontalpodautoscalers"],
      [W, "batch", "cronjobs jobs"],
      [W, "extensions", "daemonsets deployments deployments/rollback deployments/scale ingresses networkpolicies replicasets replicasets/scale replicationcontrollers/scale"],
      [W, "policy", "poddisruptionbudgets"],
      [W, "networking.k8s.io", "ingresses networkpolicies"],
      [RW, "coordination.k8s.io", "leases"],
    ],
  },
  {
    name: "system:aggregate-to-view",
    labels: { [AGG_VIEW]: "true" },
    rules: [
      [R, "core", "configmaps endpoints persistentvolumeclaims persistentvolumeclaims/status pods replicationcontrollers replicationcontrollers/scale serviceaccounts services services/status"],
      [R, "core", "bindings limitranges namespaces/status pods/log pods/status replicationcontrollers/status resourcequotas resourcequotas/status"],
      [R, "core", "namespaces"],
      [R, "core events.k8s.io", "events"],
      [R, "discovery.k8s.io", "endpointslices"],
      [R, "apps", "controllerrevisions daemonsets daemonsets/status deployments deployments/scale deployments/status replicasets replicasets/scale replicasets/status statefulsets statefulsets/scale statefulsets/status"],
      [R, "autoscaling", "horizontalpodautoscalers horizontalpodautoscalers/status"],
      [R, "batch", "cronjobs cronjobs/status jobs jobs/status"],
      [R, "extensions", "daemonsets daemonsets/status deployments deployments/scale deployments/status ingresses ingresses/status networkpolicies replicasets replicasets/scale replicasets/status replicationcontrollers/scale"],
      [R, "policy", "poddisruptionbudgets poddisruptionbudgets/status"],
      [R, "networking.k8s.io", "ingresses ingresses/status networkpolicies"],
    ],
  },
  { name: "system:auth-delegator", rules: [["create", "authentication.k8s.io", "tokenreviews"], ["create", "authorization.k8s.io", "subjectaccessreviews"]] },
  { name: "system:basic-user", rules: [["create", "authorization.k8s.io", "selfsubjectaccessreviews selfsubjectrulesreviews"], ["create", "authentication.k8s.io", "selfsubjectreviews"]] },
  { name: "system:discovery", rules: [["get", "url", "/api /api/* /apis /apis/* /healthz /livez /openapi /openapi/* /readyz /version /version/"]] },
  { name: "system:public-info-viewer", rules: [["get", "url", "/healthz /livez /readyz /version /version/"]] },
  { name: "system:monitoring", rules: [["get", "url", "/healthz /healthz/* /livez /livez/* /metrics /metrics/slis /readyz /readyz/*"], ["get", "core", "nodes/metrics"]] },
  { name: "system:service-account-issuer-discovery", rules: [["get", "url", "/.well-known/openid-configuration /.well-known/openid-configuration/ /openid/v1/jwks /openid/v1/jwks/"]] },
  { name: "system:certificates.k8s.io:certificatesigningrequests:nodeclient", rules: [["create", "certificates.k8s.io", "certificatesigningrequests/nodeclient"]] },
  { name: "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient", rules: [["create", "certificates.k8s.io", "certificatesigningrequests/selfnodeclient"]] },
  { name: "system:certificates.k8s.io:kube-apiserver-client-approver", rules: [["approve", "certificates.k8s.io", "signers", "kubernetes.io/kube-apiserver-client"]] },
  { name: "system:certificates.k8s.io:kube-apiserver-client-kubelet-approver", rules: [["approve", "certificates.k8s.io", "signers", "kubernetes.io/kube-apiserver-client-kubelet"]] },
  { name: "system:certificates.k8s.io:kubelet-serving-approver", rules: [["approve", "certificates.k8s.io", "signers", "kubernetes.io/kubelet-serving"]] },
  { name: "system:certificates.k8s.io:legacy-unknown-approver", rules: [["approve", "certificates.k8s.io", "signers", "kubernetes.io/legacy-unknown"]] },
  { name: "system:heapster", rules: [[R, "core", "events namespaces nodes pods"], [R, "extensions", "deployments"]] },
  { name: "system:kube-aggregator", rules: [[R, "core", "endpoints services"]] },
  {
    name: "system:kube-controller-manager",
    rules: [
      EVENTS,
      ["create", "coordination.k8s.io", "leases"],
      ["get update", "coordination.k8s.io", "leases", "kube-controller-manager"],
      ["create", "core", "secrets serviceaccounts"],
      ["delete", "core", "secrets"],
      ["get", "core", "configmaps namespaces secrets serviceaccounts"],
      ["update", "core", "secrets serviceaccounts"],
      ["create", "authentication.k8s.io", "tokenreviews"],
      ["create", "authorization.k8s.io", "subjectaccessreviews"],
      ["list watch", "*", "*"],
      ["create", "core", "serviceaccounts/token"],
    ],
  },
  { name: "system:kube-dns", rules: [["list watch", "core", "endpoints services"]] },
  {
    name: "system:kube-scheduler",
    rules: [
      EVENTS,
      ["create", "coordination.k8s.io", "leases"],
      ["get list update watch", "coordination.k8s.io", "leases", "kube-scheduler"],
      [R, "core", "nodes namespaces"],
      ["get list watch delete", "core", "pods"],
      ["create", "core", "bindings pods/binding"],
      ["patch update", "core", "pods/status"],
      [R, "core", "replicationcontrollers services persistentvolumeclaims persistentvolumes"],
      [R, "apps extensions", "replicasets"],
      [R, "apps", "statefulsets"],
      [R, "policy", "poddisruptionbudgets"],
      ["create", "authentication.k8s.io", "tokenreviews"],
      ["create", "authorization.k8s.io", "subjectaccessreviews"],
      [R, "storage.k8s.io", "csinodes csidrivers csistoragecapacities volumeattachments"],
    ],
  },
  {
    name: "system:kubelet-api-admin",
    rules: [[R, "core", "nodes"], ["proxy", "core", "nodes"], ["*", "core", "nodes/log nodes/metrics nodes/proxy nodes/stats nodes/configz nodes/healthz nodes/pods"]],
  },
  {
    name: "system:node",
    rules: [
      ["create", "authentication.k8s.io", "tokenreviews"],
      ["create", "authorization.k8s.io", "localsubjectaccessreviews subjectaccessreviews"],
      [R, "core", "services"],
      ["create get list watch", "core", "nodes"],
      ["patch update", "core", "nodes/status nodes"],
      EVENTS,
      [R, "core", "pods"],
      ["create delete", "core", "pods"],
      ["patch update", "core", "pods/status"],
      ["create", "core", "pods/eviction"],
      [R, "core", "configmaps secrets"],
      ["get", "core", "persistentvolumeclaims persistentvolumes endpoints serviceaccounts"],
      ["create get list watch", "certificates.k8s.io", "certificatesigningrequests"],
      ["create delete get patch update", "coordination.k8s.io", "leases"],
      ["get", "storage.k8s.io", "volumeattachments"],
      ["create", "core", "serviceaccounts/token"],
      ["get patch update", "core", "persistentvolumeclaims/status"],
      [R, "storage.k8s.io", "csidrivers"],
      ["create delete get patch update", "storage.k8s.io", "csinodes"],
      [R, "node.k8s.io", "runtimeclasses"],
    ],
  },
  { name: "system:node-bootstrapper", rules: [["create get list watch", "certificates.k8s.io", "certificatesigningrequests"]] },
  { name: "system:node-problem-detector", rules: [["get", "core", "nodes"], ["patch", "core", "nodes/status"], EVENTS] },
  {
    name: "system:node-proxier",
    rules: [["list watch", "core", "endpoints services"], [R, "core", "nodes"], EVENTS, ["list watch", "networking.k8s.io", "servicecidrs"], ["list watch", "discovery.k8s.io", "endpointslices"]],
  },
  {
    name: "system:persistent-volume-provisioner",
    rules: [["create delete get list watch", "core", "persistentvolumes"], ["get list update watch", "core", "persistentvolumeclaims"], [R, "storage.k8s.io", "storageclasses"], ["watch", "core", "events"], EVENTS],
  },
  {
    name: "system:volume-scheduler",
    rules: [["get list patch update watch", "core", "persistentvolumes persistentvolumeclaims"], [R, "storage.k8s.io", "storageclasses"]],
  },
  // Controller roles (kube-controller-manager with --use-service-account-credentials), abridged.
  { name: "system:controller:clusterrole-aggregation-controller", approximate: true, rules: [["escalate get list patch update watch", "rbac.authorization.k8s.io", "clusterroles"]] },
  { name: "system:controller:generic-garbage-collector", approximate: true, rules: [["delete get list patch update watch", "*", "*"]] },
  { name: "system:controller:namespace-controller", approximate: true, rules: [["delete get list watch", "core", "namespaces"], ["update", "core", "namespaces/finalize namespaces/status"], ["delete deletecollection get list", "*", "*"]] },
  { name: "system:controller:resourcequota-controller", approximate: true, rules: [["list watch", "*", "*"], ["update", "core", "resourcequotas/status"], EVENTS] },
  { name: "system:controller:daemon-set-controller", approximate: true, rules: [[R, "apps extensions", "daemonsets"], ["create delete list patch watch", "core", "pods"], ["create", "core", "pods/binding"], EVENTS] },
  { name: "system:controller:deployment-controller", approximate: true, rules: [["get list update watch", "apps extensions", "deployments"], [RW, "apps extensions", "replicasets"], ["get list update watch", "core", "pods"], EVENTS] },
  { name: "system:controller:replicaset-controller", approximate: true, rules: [["get list update watch", "apps extensions", "replicasets"], ["create delete list patch watch", "core", "pods"], EVENTS] },
  { name: "system:controller:replication-controller", approximate: true, rules: [["get list update watch", "core", "replicationcontrollers"], ["create delete list patch watch", "core", "pods"], EVENTS] },
  { name: "system:controller:statefulset-controller", approximate: true, rules: [[R, "apps", "statefulsets"], ["create delete get patch update", "core", "pods"], ["create get", "core", "persistentvolumeclaims"], EVENTS] },
  { name: "system:controller:job-controller", approximate: true, rules: [["get list update patch watch", "batch", "jobs"], ["create delete list patch watch", "core", "pods"], EVENTS] },
  { name: "system:controller:cronjob-controller", approximate: true, rules: [["get list update watch", "batch", "cronjobs"], ["create delete get list patch update watch", "batch", "jobs"], ["delete list", "core", "pods"], EVENTS] },
  { name: "system:controller:node-controller", approximate: true, rules: [["delete get list patch update", "core", "nodes"], ["delete list", "core", "pods"], ["patch update", "core", "pods/status"], EVENTS] },
  { name: "system:controller:persistent-volume-binder", approximate: true, rules: [["create delete get list update watch", "core", "persistentvolumes"], ["get list update watch", "core", "persistentvolumeclaims"], ["create delete get list watch", "core", "pods"], ["get", "core", "secrets"], EVENTS] },
  { name: "system:controller:service-account-controller", approximate: true, rules: [["create", "core", "serviceaccounts"], EVENTS] },
  { name: "system:controller:root-ca-cert-publisher", approximate: true, rules: [["create update", "core", "configmaps"], EVENTS] },
  { name: "system:controller:certificate-controller", approximate: true, rules: [["delete get list watch", "certificates.k8s.io", "certificatesigningrequests"], ["update", "certificates.k8s.io", "certificatesigningrequests/approval certificatesigningrequests/status"], ["approve", "certificates.k8s.io", "signers", "kubernetes.io/kube-apiserver-client-kubelet"], ["sign", "certificates.k8s.io", "signers", "kubernetes.io/kube-apiserver-client kubernetes.io/kube-apiserver-client-kubelet kubernetes.io/kubelet-serving kubernetes.io/legacy-unknown"], ["create", "authorization.k8s.io", "subjectaccessreviews"], EVENTS] },
  { name: "system:controller:endpoint-controller", approximate: true, rules: [[R, "core", "pods services"], ["create delete get list update", "core", "endpoints"], ["create", "core", "endpoints/restricted"], EVENTS] },
  { name: "system:controller:endpointslice-controller", approximate: true, rules: [[R, "core", "nodes pods services"], ["create delete get list update", "discovery.k8s.io", "endpointslices"], EVENTS] },
  { name: "system:controller:legacy-service-account-token-cleaner", approximate: true, rules: [["delete", "core", "secrets"], [R, "core", "configmaps"], ["patch", "core", "secrets"]] },
  // Roles of kube-system that add-ons bind to (namespace_policy.go).
  { name: "extension-apiserver-authentication-reader", kind: "Role", namespace: "kube-system", rules: [[R, "core", "configmaps", "extension-apiserver-authentication"]] },
  { name: "system::leader-locking-kube-controller-manager", kind: "Role", namespace: "kube-system", rules: [["watch", "core", "configmaps"], ["get update", "core", "configmaps", "kube-controller-manager"]] },
  { name: "system::leader-locking-kube-scheduler", kind: "Role", namespace: "kube-system", rules: [["watch", "core", "configmaps"], ["get update", "core", "configmaps", "kube-scheduler"]] },
  { name: "system:controller:bootstrap-signer", kind: "Role", namespace: "kube-system", approximate: true, rules: [[R, "core", "secrets"]] },
  { name: "system:controller:token-cleaner", kind: "Role", namespace: "kube-system", approximate: true, rules: [["delete get list watch", "core", "secrets"], EVENTS] },
];

/** Is this the name of a default ClusterRole of Kubernetes (the table above, or any system:controller: role)? */
export function isBuiltinClusterRoleName(name: string): boolean {
  return BUILTIN_CLUSTER_ROLE_NAMES.has(name) || name.startsWith("system:controller:");
}

const BUILTIN_CLUSTER_ROLE_NAMES = new Set(BUILTIN_ROLES.filter((r) => (r.kind ?? "ClusterRole") === "ClusterRole").map((r) => r.name));

/** Is this object a copy of one of Kubernetes' default roles (which the API server maintains itself)? */
export function isBuiltinRoleObject(resource: Resource): boolean {
  if (!isRbacObject(resource)) return false;
  if (resource.annotations()["rbac.authorization.kubernetes.io/autoupdate"] === "false") return false;
  if (resource.kind === "ClusterRole") return isBuiltinClusterRoleName(resource.name);
  if (resource.kind === "Role") return resource.namespace === "kube-system" && BUILTIN_ROLES.some((r) => r.kind === "Role" && r.name === resource.name);
  return false;
}

const G = (name: string): Subject => ({ kind: "Group", name });
const U = (name: string): Subject => ({ kind: "User", name });
const SA = (namespace: string, name: string): Subject => ({ kind: "ServiceAccount", namespace, name });

const CONTROLLER_BINDINGS = BUILTIN_ROLES.filter((r) => r.name.startsWith("system:controller:") && (r.kind ?? "ClusterRole") === "ClusterRole")
  .map((r) => ({ name: r.name, role: r.name, subjects: [SA("kube-system", r.name.slice("system:controller:".length))] }));

/** Kubernetes' default ClusterRoleBindings (policy.go clusterRoleBindings()). */
export const BUILTIN_BINDING_SPECS: readonly { name: string; role: string; subjects: Subject[] }[] = [
  { name: "cluster-admin", role: "cluster-admin", subjects: [G(SYSTEM_MASTERS)] },
  { name: "system:basic-user", role: "system:basic-user", subjects: [G(ALL_AUTHENTICATED)] },
  { name: "system:discovery", role: "system:discovery", subjects: [G(ALL_AUTHENTICATED)] },
  { name: "system:public-info-viewer", role: "system:public-info-viewer", subjects: [G(ALL_AUTHENTICATED), G(ALL_UNAUTHENTICATED)] },
  { name: "system:monitoring", role: "system:monitoring", subjects: [G("system:monitoring")] },
  { name: "system:node-proxier", role: "system:node-proxier", subjects: [U("system:kube-proxy")] },
  { name: "system:kube-controller-manager", role: "system:kube-controller-manager", subjects: [U("system:kube-controller-manager")] },
  { name: "system:kube-dns", role: "system:kube-dns", subjects: [SA("kube-system", "kube-dns")] },
  { name: "system:kube-scheduler", role: "system:kube-scheduler", subjects: [U("system:kube-scheduler")] },
  { name: "system:volume-scheduler", role: "system:volume-scheduler", subjects: [U("system:kube-scheduler")] },
  { name: "system:node", role: "system:node", subjects: [] },
  { name: "system:service-account-issuer-discovery", role: "system:service-account-issuer-discovery", subjects: [G(ALL_SERVICE_ACCOUNTS)] },
  ...CONTROLLER_BINDINGS,
];

const DEFAULT_BINDINGS = new Map(BUILTIN_BINDING_SPECS.map((b) => [b.name, b]));
