// Which objects an admission policy sees: `matchConstraints` / `matchResources` as kube-apiserver reads them
// (resourceRules, excludeResourceRules, namespaceSelector, objectSelector, matchPolicy), for scanned objects.
import type { Inventory } from "../engine/inventory.js";
import type { Resource } from "../model/resource.js";
import { type LabelSelector, matchesSelector, readSelector } from "../model/selectors.js";
import { isObject } from "../model/types.js";

/** group/version/resource of an object, and its kind. */
export interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
  kind: string;
}

// Plural resource names of the built-in kinds whose plural is not "lowercase kind + s".
const IRREGULAR: Record<string, string> = {
  Endpoints: "endpoints",
  Ingress: "ingresses",
  IngressClass: "ingressclasses",
  NetworkPolicy: "networkpolicies",
  PodSecurityPolicy: "podsecuritypolicies",
  StorageClass: "storageclasses",
  PriorityClass: "priorityclasses",
  RuntimeClass: "runtimeclasses",
  ResourceQuota: "resourcequotas",
  ValidatingAdmissionPolicy: "validatingadmissionpolicies",
  MutatingAdmissionPolicy: "mutatingadmissionpolicies",
  ComponentStatus: "componentstatuses",
  PodDisruptionBudget: "poddisruptionbudgets",
  CSIStorageCapacity: "csistoragecapacities",
  GatewayClass: "gatewayclasses",
  Lease: "leases",
};

/** The resource name of a kind: the scan's CustomResourceDefinitions first, then Kubernetes' plural rules. */
export function resourceOf(resource: Resource, inventory?: Inventory): GroupVersionResource {
  const [group, version] = resource.apiVersion.includes("/") ? (resource.apiVersion.split("/", 2) as [string, string]) : ["", resource.apiVersion];
  const kind = resource.kind;
  let plural = IRREGULAR[kind];
  if (!plural && inventory) plural = crdPlurals(inventory).get(`${group}/${kind}`);
  plural ??= pluralize(kind.toLowerCase());
  return { group, version, resource: plural, kind };
}

function pluralize(lower: string): string {
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

function crdPlurals(inventory: Inventory): Map<string, string> {
  return inventory.memo("policy:crd-plurals", (inv) => {
    const out = new Map<string, string>();
    for (const crd of inv.ofKind("CustomResourceDefinition")) {
      const spec = crd.object.spec;
      if (!isObject(spec) || !isObject(spec.names)) continue;
      if (typeof spec.group === "string" && typeof spec.names.kind === "string" && typeof spec.names.plural === "string") {
        out.set(`${spec.group}/${spec.names.kind}`, spec.names.plural);
      }
    }
    return out;
  });
}

/** The scope (Cluster or Namespaced) the CustomResourceDefinitions of the scan give their kinds (group/Kind). */
function crdScopes(inventory: Inventory): Map<string, string> {
  return inventory.memo("policy:crd-scopes", (inv) => {
    const out = new Map<string, string>();
    for (const crd of inv.ofKind("CustomResourceDefinition")) {
      const spec = crd.object.spec;
      if (!isObject(spec) || !isObject(spec.names) || typeof spec.scope !== "string") continue;
      if (typeof spec.group === "string" && typeof spec.names.kind === "string") out.set(`${spec.group}/${spec.names.kind}`, spec.scope);
    }
    return out;
  });
}

/**
 * Is the object's kind namespaced? Known for built-in kinds (groups without a dot, or *.k8s.io) and for custom
 * kinds with a CustomResourceDefinition in the scan; undefined for other custom kinds.
 */
export function isNamespacedKind(resource: Resource, inventory: Inventory): boolean | undefined {
  if (resource.clusterScoped) return false;
  const group = resource.apiVersion.includes("/") ? resource.apiVersion.split("/", 1)[0]! : "";
  const scope = crdScopes(inventory).get(`${group}/${resource.kind}`);
  if (scope !== undefined) return scope !== "Cluster";
  return group === "" || !group.includes(".") || group.endsWith(".k8s.io") ? true : undefined;
}

// Resources served under several groups: with matchPolicy Equivalent a rule for one matches the others.
const EQUIVALENT_GROUPS: Record<string, string[]> = {
  deployments: ["apps", "extensions"],
  daemonsets: ["apps", "extensions"],
  replicasets: ["apps", "extensions"],
  ingresses: ["networking.k8s.io", "extensions"],
  networkpolicies: ["networking.k8s.io", "extensions"],
  podsecuritypolicies: ["policy", "extensions"],
};

export interface RuleWithOperations {
  apiGroups: string[];
  apiVersions: string[];
  resources: string[];
  operations: string[];
  scope: string;
  resourceNames: string[];
}

/** matchConstraints / matchResources, read from a manifest value (absent parts are empty). */
export interface MatchResources {
  resourceRules: RuleWithOperations[];
  excludeResourceRules: RuleWithOperations[];
  namespaceSelector: LabelSelector | undefined;
  objectSelector: LabelSelector | undefined;
  matchPolicy: "Exact" | "Equivalent";
  /** shipshape custom rules only: kinds (`workloads` for every kind with a pod template) and namespaces. */
  kinds?: string[];
  namespaces?: string[];
  excludeNamespaces?: string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

function readRules(v: unknown): RuleWithOperations[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObject).map((r) => ({
    apiGroups: strings(r.apiGroups),
    apiVersions: strings(r.apiVersions),
    resources: strings(r.resources),
    operations: strings(r.operations),
    scope: typeof r.scope === "string" ? r.scope : "*",
    resourceNames: strings(r.resourceNames),
  }));
}

export function readMatchResources(v: unknown): MatchResources {
  const m = isObject(v) ? v : {};
  const out: MatchResources = {
    resourceRules: readRules(m.resourceRules),
    excludeResourceRules: readRules(m.excludeResourceRules),
    namespaceSelector: readSelector(m.namespaceSelector),
    objectSelector: readSelector(m.objectSelector),
    matchPolicy: m.matchPolicy === "Exact" ? "Exact" : "Equivalent",
  };
  if (Array.isArray(m.kinds)) out.kinds = strings(m.kinds);
  if (Array.isArray(m.namespaces)) out.namespaces = strings(m.namespaces);
  if (Array.isArray(m.excludeNamespaces)) out.excludeNamespaces = strings(m.excludeNamespaces);
  return out;
}

/** The operation every scanned object is treated as: a manifest applied to the cluster creates it. */
export const OFFLINE_OPERATION = "CREATE";

/**
 * Kubernetes splits a rule's resource at the first '/': "pods" is the pod itself, "pods/*" the pod and all its
 * subresources, "pods/status" only that subresource, "*\/*" everything. A scanned object is never a subresource.
 */
function resourceMatches(entry: string, resource: string): boolean {
  const slash = entry.indexOf("/");
  const res = slash < 0 ? entry : entry.slice(0, slash);
  const sub = slash < 0 ? "" : entry.slice(slash + 1);
  return (res === "*" || res === resource) && (sub === "*" || sub === "");
}

function ruleMatches(rule: RuleWithOperations, input: MatchInput, equivalent: boolean): boolean {
  const { gvr, resource } = input;
  const clusterScoped = input.namespace === undefined;
  const any = (list: string[], v: string) => list.includes("*") || list.includes(v);
  if (!any(rule.operations, OFFLINE_OPERATION)) return false;
  if (!rule.resources.some((r) => resourceMatches(r, gvr.resource))) return false;
  if (rule.scope === "Cluster" && !clusterScoped) return false;
  if (rule.scope === "Namespaced" && clusterScoped) return false;
  if (rule.resourceNames.length > 0 && !rule.resourceNames.includes(resource.name)) return false;
  const groupOk = any(rule.apiGroups, gvr.group);
  const versionOk = any(rule.apiVersions, gvr.version);
  if (groupOk && versionOk) return true;
  if (!equivalent) return false;
  // Equivalent: the same resource under another version, or under an equivalent group
  const groups = EQUIVALENT_GROUPS[gvr.resource] ?? [gvr.group];
  return groups.includes(gvr.group) && groups.some((g) => any(rule.apiGroups, g));
}

export interface MatchInput {
  resource: Resource;
  gvr: GroupVersionResource;
  /** The namespace the object lands in; undefined for cluster-scoped objects. */
  namespace: string | undefined;
  /** Labels of that Namespace (from the scan; empty when the scan does not hold it). */
  namespaceLabels: Record<string, string>;
  /** Is `kinds: [workloads]` satisfied (the object carries a pod template)? */
  isWorkload: boolean;
}

/**
 * Does `m` select the object? `requireRules`: a policy's matchConstraints must name resources (an empty list
 * matches nothing); a binding's matchResources may leave them out (then every resource the policy matches).
 */
export function matches(m: MatchResources, input: MatchInput, requireRules: boolean): boolean {
  const { resource } = input;
  const equivalent = m.matchPolicy === "Equivalent";
  if (m.kinds && !m.kinds.some((k) => k === "*" || k === resource.kind || (k === "workloads" && input.isWorkload))) return false;
  if (m.resourceRules.length > 0) {
    if (!m.resourceRules.some((r) => ruleMatches(r, input, equivalent))) return false;
  } else if (requireRules && !m.kinds) {
    return false;
  }
  if (m.excludeResourceRules.some((r) => ruleMatches(r, input, equivalent))) return false;
  if (m.namespaces && (input.namespace === undefined || !m.namespaces.includes(input.namespace))) return false;
  if (m.excludeNamespaces && input.namespace !== undefined && m.excludeNamespaces.includes(input.namespace)) return false;
  if (m.objectSelector && !matchesSelector(m.objectSelector, resource.labels())) return false;
  if (m.namespaceSelector) {
    // kube-apiserver: a Namespace is matched on its own labels (defaulting has added its name label); other
    // cluster-scoped objects are never skipped
    if (resource.kind === "Namespace" && input.gvr.group === "") {
      if (!matchesSelector(m.namespaceSelector, { ...resource.labels(), "kubernetes.io/metadata.name": resource.name })) return false;
    } else if (input.namespace !== undefined && !matchesSelector(m.namespaceSelector, input.namespaceLabels)) {
      return false;
    }
  }
  return true;
}

/**
 * The facts matching needs about one object, computed once per object and scan however many policies look at it
 * (every custom rule and ValidatingAdmissionPolicy asks for every object).
 */
export function matchInputOf(resource: Resource, inventory: Inventory): MatchInput {
  const memo = inventory.memo("policy:match-inputs", () => new WeakMap<Resource, MatchInput>());
  let i = memo.get(resource);
  if (!i) memo.set(resource, (i = matchInput(resource, inventory, inventory.workloadOf(resource) !== undefined)));
  return i;
}

/** The facts matching needs about one object (see matchInputOf, which keeps them). */
export function matchInput(resource: Resource, inventory: Inventory, isWorkload: boolean): MatchInput {
  const gvr = resourceOf(resource, inventory);
  // a custom resource whose CustomResourceDefinition in the scan says it is cluster-scoped has no namespace
  const crdCluster = isNamespacedKind(resource, inventory) === false && !resource.clusterScoped;
  const namespace = crdCluster ? undefined : resource.namespaceOr(inventory.defaultNamespace);
  const ns = namespace === undefined ? undefined : inventory.get("Namespace", undefined, namespace);
  // Kubernetes labels every Namespace with its name (kubernetes.io/metadata.name)
  const namespaceLabels = namespace === undefined ? {} : { ...(ns ? ns.labels() : {}), "kubernetes.io/metadata.name": namespace };
  return { resource, gvr, namespace, namespaceLabels, isWorkload };
}
