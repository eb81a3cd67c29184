// The data of an attack-surface analysis: plain, JSON-ready values (no classes, no Resource objects), so that
// every output (JSON, text, later HTML, Markdown and threat models) is written from the same thing.

/** An object of the scan (or one Kubernetes provides, such as a built-in ClusterRole), with where it is written. */
export interface SurfaceRef {
  kind: string;
  namespace?: string;
  name: string;
  /** Absent for objects that are not in the scan (built-in roles, ServiceAccounts not in the manifests). */
  file?: string;
  line?: number;
  /** Dotted YAML path of the setting the step is about, when it is one field of the object. */
  path?: string;
}

/** The kinds of node of the attack graph. */
export type NodeType = "internet" | "namespace" | "entry" | "workload" | "identity" | "target";

/** What an attacker gets at the end of a path. */
export type TargetKind = "cluster-admin" | "node" | "secrets";

export interface PathStep {
  /** Stable id of the graph node ("internet", "Service/shop/web", "ServiceAccount/prod/payments", "target:secrets/prod"). */
  node: string;
  type: NodeType;
  /** The object behind the step (for a target: the binding or setting that grants it). */
  ref?: SurfaceRef;
  /** Why the attacker can take this step, in a short sentence. */
  fact: string;
  /** Rule ids whose fix would break this step (empty when no rule covers it). */
  breakWith: string[];
}

export interface AttackPath {
  /** The node ids joined with " -> ": stable across runs and unique in an analysis. */
  id: string;
  /** Where the attacker starts: the internet, or any pod of a namespace. */
  origin: "internet" | "namespace";
  target: { kind: TargetKind; scope?: string };
  /** Ranking score: the target's impact, lowered for in-cluster origins and for longer paths. */
  impact: number;
  steps: PathStep[];
}

export type EntryKind = "LoadBalancer" | "NodePort" | "externalIPs" | "Ingress" | "HTTPRoute" | "GRPCRoute" | "TLSRoute" | "TCPRoute" | "UDPRoute" | "VirtualService" | "hostPort" | "hostNetwork";

export interface EntryPoint {
  /** Graph node id (the exposing object, or `hostPort/<ns>/<workload>:<port>` and `hostNetwork/<ns>/<workload>`). */
  id: string;
  kind: EntryKind;
  ref: SurfaceRef;
  /** A short description ("Service type LoadBalancer", "Ingress shop/web routes to Service shop/web"). */
  fact: string;
  /** The workloads the entry point sends traffic to. */
  workloads: SurfaceRef[];
}

export interface IdentitySummary {
  /** "namespace/name" of the ServiceAccount. */
  serviceAccount: string;
  ref: SurfaceRef;
  /** Workloads running as it, and whether each gets its token. */
  workloads: { ref: SurfaceRef; tokenMounted: boolean }[];
  /** What the account can do that matters to an attacker ("cluster-admin", "read Secrets in prod"). */
  powers: string[];
}

export interface RiskFactor {
  name: "exposure" | "nodePrivileges" | "rbac" | "secrets" | "findings" | "attackPath";
  /** The multiplier (≥ 1). */
  value: number;
  reason: string;
}

export interface RiskEntry {
  ref: SurfaceRef;
  /** Product of the factors' values (1 = nothing raises the risk). */
  score: number;
  factors: RiskFactor[];
}

/** A Secret the scan defines or a workload references. Never its data: only where it is and who gets it. */
export interface SecretAsset {
  /** Kind Secret, its namespace and name; file and line when the scan defines it. */
  ref: SurfaceRef;
  /** Does the scan define the Secret (or is it only referenced)? */
  defined: boolean;
  /** The Secret's `type` when the scan defines it and sets one ("kubernetes.io/tls"). */
  type?: string;
  /** Workloads that read it: env secretKeyRef, envFrom, secret and projected volumes, imagePullSecrets. */
  usedBy: SurfaceRef[];
  /** ServiceAccounts in use ("namespace/name") whose RBAC lets them read Secrets of its namespace. */
  readableBy: string[];
}

/** A hostPath volume of a workload. */
export interface HostPathAsset {
  /** The host path as written. */
  path: string;
  volume: string;
  /** True when every mount of the volume is read-only (or no container mounts it). */
  readOnly: boolean;
  /** The workload, with the volume's YAML path. */
  workload: SurfaceRef;
}

/** A PersistentVolumeClaim a workload mounts. */
export interface ClaimAsset {
  claim: string;
  volume: string;
  /** Kind PersistentVolumeClaim; file and line when the scan defines the claim. */
  ref: SurfaceRef;
  workload: SurfaceRef;
}

export interface Assets {
  /** Every Secret defined or referenced, by namespace then name. */
  secrets: SecretAsset[];
  volumes: { hostPaths: HostPathAsset[]; claims: ClaimAsset[] };
}

/** A namespace as a trust boundary: its workloads, its NetworkPolicies and its Pod Security Admission level. */
export interface Boundary {
  namespace: string;
  workloads: number;
  /** Names of the NetworkPolicies of the namespace. */
  networkPolicies: string[];
  /**
   * Is every workload of the namespace isolated for the direction (selected by a policy of that type)? For a
   * namespace without workloads: does a policy of that type select every pod?
   */
  defaultDeny: { ingress: boolean; egress: boolean };
  /** `pod-security.kubernetes.io/enforce` of the Namespace object, when the scan has one that sets it. */
  podSecurityEnforce?: string;
}

export interface SurfaceAnalysis {
  entryPoints: EntryPoint[];
  identities: IdentitySummary[];
  /** The highest-impact paths (at most `maxPaths`), best first. */
  attackPaths: AttackPath[];
  /** Every path found, before keeping the top ones. */
  totalPaths: number;
  /** Every workload, riskiest first. */
  risk: RiskEntry[];
  /** Secrets and volumes (always set by `analyze`; absent in reports written before they existed). */
  assets?: Assets;
  /** One entry per namespace with workloads or NetworkPolicies, by name (always set by `analyze`). */
  boundaries?: Boundary[];
}

export interface AnalyzeOptions {
  /** Paths kept in the result (default 50). */
  maxPaths?: number;
  /** Longest path, in steps after the origin (default 6). */
  maxSteps?: number;
}
