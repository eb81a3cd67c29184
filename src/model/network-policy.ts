// Kubernetes NetworkPolicy semantics over the objects of a scan (networking.k8s.io/v1), built once per scan.
//
// - A policy applies to the pods of its own namespace that its `podSelector` matches; `{}` (and a missing
//   podSelector, which the API server reads as `{}`) selects every pod of the namespace.
// - Effective `policyTypes`: as written when the list is non-empty; otherwise Ingress always, plus Egress when
//   the policy has at least one egress rule (the API server's defaulting).
// - A pod is isolated for a direction when at least one policy of that type selects it; it then accepts
//   (sends) only the traffic that some rule of those policies allows. A policy of a type with no rules for
//   it is a default deny for that direction.
// - Peers: `podSelector` alone = pods of the policy's namespace; `namespaceSelector` alone = every pod of the
//   matching namespaces (namespace labels include `kubernetes.io/metadata.name`); both = pods matching both;
//   `ipBlock` = addresses in the CIDR minus `except` (meant for traffic from outside the cluster). A rule
//   without peers matches every peer; without ports, every port.
//
// CNI-specific policies (Cilium, Calico, Antrea, AdminNetworkPolicy) are recorded but not evaluated: rules use
// `cniPoliciesIn` / `clusterWidePolicies` to stay silent where they may isolate pods.
import type { Inventory } from "../engine/inventory.js";
import type { Resource } from "./resource.js";
import { type LabelSelector, isEmptySelector, matchesSelector, readSelector } from "./selectors.js";
import { type PodTemplate, selectorSelectsTemplate, serviceIndex } from "./services.js";
import { type JsonObject, type YamlPath, isObject } from "./types.js";
import { asArray, asInt } from "./values.js";

export type PolicyType = "Ingress" | "Egress";

export interface IpBlock {
  cidr: string;
  except: string[];
}

/** One entry of `from` / `to`. */
export interface PolicyPeer {
  index: number;
  path: YamlPath;
  /** Undefined when not written (with a namespaceSelector: every pod of those namespaces). */
  podSelector: LabelSelector | undefined;
  namespaceSelector: LabelSelector | undefined;
  ipBlock: IpBlock | undefined;
}

export interface PolicyPort {
  index: number;
  path: YamlPath;
  /** TCP unless written otherwise (upper-cased). */
  protocol: string;
  /** A number, a named container port, or undefined for every port of the protocol. */
  port: number | string | undefined;
  endPort: number | undefined;
}

export interface PolicyRule {
  type: PolicyType;
  index: number;
  path: YamlPath;
  /** Undefined when `from`/`to` is missing or empty: the rule matches every source/destination. */
  peers: PolicyPeer[] | undefined;
  /** Undefined when `ports` is missing or empty: the rule matches every port. */
  ports: PolicyPort[] | undefined;
}

export interface NetworkPolicyInfo {
  resource: Resource;
  name: string;
  namespace: string;
  podSelector: LabelSelector;
  /** False when `spec.podSelector` is missing (read as `{}`, as the API server does). */
  podSelectorWritten: boolean;
  podSelectorPath: YamlPath;
  /** The effective policy types. */
  types: ReadonlySet<PolicyType>;
  /** Was `policyTypes` written (non-empty)? */
  explicitTypes: boolean;
  ingress: PolicyRule[];
  egress: PolicyRule[];
}

/** A pod as a policy sees it: its namespace and labels. */
export interface PodEndpoint {
  namespace: string;
  labels: Record<string, string>;
}

/** Something outside the pod network, known by its address. */
export interface IpEndpoint {
  ip: string;
}

export type Endpoint = PodEndpoint | IpEndpoint;

/** A destination port: the number, and the container port's name when it has one (for named policy ports). */
export interface PortQuery {
  number: number;
  name?: string;
  protocol?: string;
}

const NETPOL_GROUPS = new Set(["networking.k8s.io", "extensions"]);

/** Is this the Kubernetes NetworkPolicy (not Calico's `projectcalico.org` kind of the same name)? */
export function isKubernetesNetworkPolicy(r: Resource): boolean {
  const slash = r.apiVersion.indexOf("/");
  return r.kind === "NetworkPolicy" && slash > 0 && NETPOL_GROUPS.has(r.apiVersion.slice(0, slash));
}

/** Namespaced policy kinds of CNI plugins, which also isolate pods (group/Kind). */
const CNI_NAMESPACED = new Set([
  "cilium.io/CiliumNetworkPolicy", "projectcalico.org/NetworkPolicy", "crd.projectcalico.org/NetworkPolicy",
  "crd.antrea.io/NetworkPolicy", "security.antrea.io/NetworkPolicy",
]);
/** Cluster-wide policy kinds, which may isolate pods of any namespace. */
const CNI_CLUSTER_WIDE = new Set([
  "cilium.io/CiliumClusterwideNetworkPolicy", "projectcalico.org/GlobalNetworkPolicy", "crd.projectcalico.org/GlobalNetworkPolicy",
  "crd.antrea.io/ClusterNetworkPolicy", "security.antrea.io/ClusterNetworkPolicy",
  "policy.networking.k8s.io/AdminNetworkPolicy", "policy.networking.k8s.io/BaselineAdminNetworkPolicy",
  "policy.networking.k8s.io/ClusterNetworkPolicy",
]);

function groupKind(r: Resource): string {
  const slash = r.apiVersion.indexOf("/");
  return `${slash < 0 ? "" : r.apiVersion.slice(0, slash)}/${r.kind}`;
}

function readPeers(v: unknown, path: YamlPath): PolicyPeer[] | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const peers: PolicyPeer[] = [];
  v.forEach((p, index) => {
    if (!isObject(p)) return;
    const ib = p.ipBlock;
    peers.push({
      index,
      path: [...path, index],
      podSelector: readSelector(p.podSelector),
      namespaceSelector: readSelector(p.namespaceSelector),
      ipBlock: isObject(ib) && typeof ib.cidr === "string"
        ? { cidr: ib.cidr, except: asArray(ib.except).filter((x): x is string => typeof x === "string") }
        : undefined,
    });
  });
  return peers;
}

function readPorts(v: unknown, path: YamlPath): PolicyPort[] | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const ports: PolicyPort[] = [];
  v.forEach((p, index) => {
    if (!isObject(p)) return;
    const n = asInt(p.port);
    ports.push({
      index,
      path: [...path, index],
      protocol: typeof p.protocol === "string" && p.protocol !== "" ? p.protocol.toUpperCase() : "TCP",
      port: n ?? (typeof p.port === "string" && p.port !== "" ? p.port : undefined),
      endPort: asInt(p.endPort),
    });
  });
  return ports;
}

function readRules(spec: JsonObject, type: PolicyType): PolicyRule[] {
  const key = type === "Ingress" ? "ingress" : "egress";
  const peerKey = type === "Ingress" ? "from" : "to";
  const rules: PolicyRule[] = [];
  asArray(spec[key]).forEach((r, index) => {
    const path: YamlPath = ["spec", key, index];
    // A rule that is not a map (`- ~`) decodes as an empty rule: it allows everything.
    const rule = isObject(r) ? r : {};
    rules.push({ type, index, path, peers: readPeers(rule[peerKey], [...path, peerKey]), ports: readPorts(rule.ports, [...path, "ports"]) });
  });
  return rules;
}

/** Reads a Kubernetes NetworkPolicy object (see isKubernetesNetworkPolicy). */
export function readNetworkPolicy(r: Resource, namespace: string): NetworkPolicyInfo {
  const spec = isObject(r.object.spec) ? r.object.spec : {};
  const written = readSelector(spec.podSelector);
  const ingress = readRules(spec, "Ingress");
  const egress = readRules(spec, "Egress");
  const listed = asArray(spec.policyTypes).filter((t): t is PolicyType => t === "Ingress" || t === "Egress");
  const explicitTypes = Array.isArray(spec.policyTypes) && spec.policyTypes.length > 0;
  const types = new Set<PolicyType>(explicitTypes ? listed : egress.length > 0 ? ["Ingress", "Egress"] : ["Ingress"]);
  return {
    resource: r,
    name: r.name,
    namespace,
    podSelector: written ?? {},
    podSelectorWritten: written !== undefined,
    podSelectorPath: ["spec", "podSelector"],
    types,
    explicitTypes,
    ingress,
    egress,
  };
}

/** Does the policy apply to a pod (same namespace, podSelector matches)? */
export function policySelects(policy: NetworkPolicyInfo, pod: PodEndpoint): boolean {
  return policy.namespace === pod.namespace && matchesSelector(policy.podSelector, pod.labels);
}

/** The rules of a policy for a direction, or undefined when the policy does not have that type. */
export function rulesFor(policy: NetworkPolicyInfo, type: PolicyType): PolicyRule[] | undefined {
  if (!policy.types.has(type)) return undefined;
  return type === "Ingress" ? policy.ingress : policy.egress;
}

/** A policy type with no rules: selected pods get nothing in that direction (default deny). */
export function deniesAll(policy: NetworkPolicyInfo, type: PolicyType): boolean {
  const rules = rulesFor(policy, type);
  return rules !== undefined && rules.length === 0;
}

export class NetworkPolicyIndex {
  readonly policies: readonly NetworkPolicyInfo[];
  private readonly byNamespace = new Map<string, NetworkPolicyInfo[]>();
  private readonly byResource = new Map<Resource, NetworkPolicyInfo>();
  private readonly cniByNamespace = new Map<string, Resource[]>();
  /** Cluster-wide policies of CNI plugins and AdminNetworkPolicies (not evaluated). */
  readonly clusterWidePolicies: readonly Resource[];

  constructor(private readonly inventory: Inventory) {
    const policies: NetworkPolicyInfo[] = [];
    const clusterWide: Resource[] = [];
    for (const r of inventory.resources) {
      const gk = groupKind(r);
      if (CNI_CLUSTER_WIDE.has(gk)) {
        clusterWide.push(r);
        continue;
      }
      const ns = inventory.namespaceOf(r);
      if (ns === undefined) continue;
      if (isKubernetesNetworkPolicy(r)) {
        const p = readNetworkPolicy(r, ns);
        policies.push(p);
        this.byResource.set(r, p);
        let list = this.byNamespace.get(ns);
        if (!list) this.byNamespace.set(ns, (list = []));
        list.push(p);
      } else if (CNI_NAMESPACED.has(gk)) {
        let list = this.cniByNamespace.get(ns);
        if (!list) this.cniByNamespace.set(ns, (list = []));
        list.push(r);
      }
    }
    this.policies = policies;
    this.clusterWidePolicies = clusterWide;
  }

  /** The policy view of a NetworkPolicy object. */
  policy(resource: Resource): NetworkPolicyInfo | undefined {
    return this.byResource.get(resource);
  }

  /** Kubernetes NetworkPolicies of a namespace. */
  inNamespace(namespace: string): readonly NetworkPolicyInfo[] {
    return this.byNamespace.get(namespace) ?? [];
  }

  /** CNI-specific namespaced policies of a namespace (Cilium, Calico, Antrea), which this model does not evaluate. */
  cniPoliciesIn(namespace: string): readonly Resource[] {
    return this.cniByNamespace.get(namespace) ?? [];
  }

  /** Could policies that this model does not evaluate isolate pods of this namespace? */
  hasUnevaluatedPolicies(namespace: string): boolean {
    return this.clusterWidePolicies.length > 0 || this.cniPoliciesIn(namespace).length > 0;
  }

  /** The policies that apply to a pod. */
  selecting(pod: PodEndpoint): NetworkPolicyInfo[] {
    return this.inNamespace(pod.namespace).filter((p) => matchesSelector(p.podSelector, pod.labels));
  }

  /**
   * The policies that apply to the pods of a template; selectors may also use the labels the controller adds
   * at run time (`statefulset.kubernetes.io/pod-name`, …), which then cover some of its pods.
   */
  selectingTemplate(t: PodTemplate): NetworkPolicyInfo[] {
    return this.inNamespace(t.namespace).filter((p) => selectorSelectsTemplate(p.podSelector, t));
  }

  /** The policies that isolate a pod for a direction (those of that type that select it). */
  isolating(pod: PodEndpoint, type: PolicyType): NetworkPolicyInfo[] {
    return this.selecting(pod).filter((p) => p.types.has(type));
  }

  isIsolated(pod: PodEndpoint, type: PolicyType): boolean {
    return this.isolating(pod, type).length > 0;
  }

  /** The labels of a namespace (Namespace object labels plus `kubernetes.io/metadata.name`). */
  namespaceLabels(namespace: string): Record<string, string> {
    return this.inventory.namespaceLabels(namespace);
  }

  /** Does a peer of a policy match an endpoint? */
  peerMatches(policy: NetworkPolicyInfo, peer: PolicyPeer, endpoint: Endpoint): boolean {
    if ("ip" in endpoint) {
      return peer.ipBlock !== undefined && cidrContains(peer.ipBlock.cidr, endpoint.ip) && !peer.ipBlock.except.some((e) => cidrContains(e, endpoint.ip));
    }
    if (peer.ipBlock) return false; // pod addresses are not known from manifests
    if (peer.namespaceSelector) {
      if (!matchesSelector(peer.namespaceSelector, this.namespaceLabels(endpoint.namespace))) return false;
    } else if (endpoint.namespace !== policy.namespace) {
      return false;
    }
    if (peer.podSelector) return matchesSelector(peer.podSelector, endpoint.labels);
    // A peer with neither selector nor ipBlock is invalid; the API server rejects it.
    return peer.namespaceSelector !== undefined;
  }

  /** Does a rule allow traffic with this peer on this port? */
  ruleAllows(policy: NetworkPolicyInfo, rule: PolicyRule, peer: Endpoint, port?: PortQuery): boolean {
    if (rule.peers && !rule.peers.some((p) => this.peerMatches(policy, p, peer))) return false;
    if (rule.ports && port && !rule.ports.some((p) => portMatches(p, port))) return false;
    return true;
  }

  /**
   * May `dst` receive traffic from `src` on `port` (any port when omitted)? True when no policy isolates `dst`
   * for ingress, or a rule of one of its ingress policies allows it.
   */
  ingressAllowed(src: Endpoint, dst: PodEndpoint, port?: PortQuery): boolean {
    const policies = this.isolating(dst, "Ingress");
    if (policies.length === 0) return true;
    return policies.some((p) => p.ingress.some((r) => this.ruleAllows(p, r, src, port)));
  }

  /** May `src` send traffic to `dst` on `port` (any port when omitted)? */
  egressAllowed(src: PodEndpoint, dst: Endpoint, port?: PortQuery): boolean {
    const policies = this.isolating(src, "Egress");
    if (policies.length === 0) return true;
    return policies.some((p) => p.egress.some((r) => this.ruleAllows(p, r, dst, port)));
  }

  /** Can a pod open a connection to another pod (both directions' policies allow it)? */
  connectionAllowed(src: PodEndpoint, dst: PodEndpoint, port?: PortQuery): boolean {
    return this.egressAllowed(src, dst, port) && this.ingressAllowed(src, dst, port);
  }

  /** The pod templates of the scan that a selector matches in a namespace. */
  templatesMatching(namespace: string, selector: LabelSelector): PodTemplate[] {
    return serviceIndex(this.inventory).templatesIn(namespace).filter((t) => selectorSelectsTemplate(selector, t));
  }

  /** The pod templates of the scan a policy applies to. */
  selectedTemplates(policy: NetworkPolicyInfo): PodTemplate[] {
    return this.templatesMatching(policy.namespace, policy.podSelector);
  }

  /** The pod templates of the scan a peer matches (ipBlock peers match none). */
  peerTemplates(policy: NetworkPolicyInfo, peer: PolicyPeer): PodTemplate[] {
    if (peer.ipBlock) return [];
    return serviceIndex(this.inventory).templates.filter((t) => {
      if (peer.namespaceSelector) {
        if (!matchesSelector(peer.namespaceSelector, this.namespaceLabels(t.namespace))) return false;
      } else if (t.namespace !== policy.namespace) {
        return false;
      }
      return peer.podSelector ? selectorSelectsTemplate(peer.podSelector, t) : peer.namespaceSelector !== undefined;
    });
  }
}

/** Does a policy port match a destination port? Named policy ports match the container port's name. */
export function portMatches(p: PolicyPort, q: PortQuery): boolean {
  if (p.protocol !== (q.protocol ?? "TCP").toUpperCase()) return false;
  if (p.port === undefined) return true;
  if (typeof p.port === "string") return q.name !== undefined && q.name === p.port;
  if (p.endPort !== undefined) return q.number >= p.port && q.number <= p.endPort;
  return q.number === p.port;
}

/** Is the selector `{}` (matches everything)? */
export function selectsAll(selector: LabelSelector | undefined): boolean {
  return selector !== undefined && isEmptySelector(selector);
}

// ---------------------------------------------------------------------------------------------------------
// CIDRs

/** An address as a bigint with its width (32 or 128 bits), or undefined when it does not parse. */
export function parseIp(s: string): { value: bigint; bits: 32 | 128 } | undefined {
  const t = s.trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(t)) {
    const parts = t.split(".").map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { value: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n), bits: 32 };
  }
  if (!t.includes(":") || !/^[0-9a-fA-F:.]+$/.test(t)) return undefined;
  let head = t;
  let tailV4: number[] = [];
  const lastColon = t.lastIndexOf(":");
  if (t.slice(lastColon + 1).includes(".")) {
    const v4 = parseIp(t.slice(lastColon + 1));
    if (!v4 || v4.bits !== 32) return undefined;
    tailV4 = [Number(v4.value >> 16n), Number(v4.value & 0xffffn)];
    head = t.slice(0, lastColon + 1) + "0";
  }
  const halves = head.split("::");
  if (halves.length > 2) return undefined;
  const parse = (x: string): number[] | undefined => {
    if (x === "") return [];
    const groups = x.split(":");
    if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    return groups.map((g) => parseInt(g, 16));
  };
  const left = parse(halves[0]!);
  const right = halves.length === 2 ? parse(halves[1]!) : [];
  if (!left || !right) return undefined;
  let groups: number[];
  if (tailV4.length) {
    // replace the trailing placeholder group with the two IPv4 groups
    if (halves.length === 2) right.pop();
    else left.pop();
  }
  if (halves.length === 2) {
    const fill = 8 - left.length - right.length - tailV4.length;
    if (fill < 1) return undefined;
    groups = [...left, ...new Array<number>(fill).fill(0), ...right, ...tailV4];
  } else {
    groups = [...left, ...tailV4];
  }
  if (groups.length !== 8) return undefined;
  return { value: groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n), bits: 128 };
}

/** Does a CIDR (`10.0.0.0/8`, `::/0`, or a bare address) contain an address? False when either does not parse. */
export function cidrContains(cidr: string, ip: string): boolean {
  const [base, len] = cidr.trim().split("/");
  const net = parseIp(base ?? "");
  const addr = parseIp(ip);
  if (!net || !addr || net.bits !== addr.bits) return false;
  const prefix = len === undefined ? net.bits : Number(len);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > net.bits) return false;
  const shift = BigInt(net.bits - prefix);
  return net.value >> shift === addr.value >> shift;
}

/** The NetworkPolicy index of a scan (built once). */
export function networkPolicyIndex(inventory: Inventory): NetworkPolicyIndex {
  return inventory.memo("model/network-policy", (inv) => new NetworkPolicyIndex(inv));
}
