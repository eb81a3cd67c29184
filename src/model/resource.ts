import { type JsonObject, type YamlPath, isObject } from "./types.js";

/** 1-based line and column of a place in a source file. */
export interface Position {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** Where a path resolved in the source: `exact` is false when only a parent of the path exists. */
export interface Located extends Position {
  exact: boolean;
  /**
   * For rendered objects: the file a person edits (template, patch, base) when it differs from `source.file`, the
   * path inside an archive, the position in the rendered stream, and the values key the value came from.
   */
  file?: string;
  archivePath?: string;
  rendered?: import("./finding.js").RenderedFrom;
  values?: import("./finding.js").ValuesOrigin;
}

/** Turns a path inside one object into a source position. Implementations compute lazily. */
export interface Locator {
  locate(path: YamlPath): Located;
  /**
   * Where character `offset` of the string value at `path` is in the source (block, quoted and folded scalars
   * included), when the locator knows the text; for positions inside policy expressions.
   */
  locateInString?(path: YamlPath, offset: number): Position | undefined;
}

/** Where an object came from: the file a person edits, and where in it. */
export interface Source {
  /** The file as given on the command line, joined with the path inside a folder. */
  file: string;
  /** 0-based index of the YAML document in the file. */
  document: number;
  /** Path of the object inside its document: [] or ["items", n] for an item of a List. */
  prefix: YamlPath;
  locator: Locator;
}

export interface ObjectRef {
  /** Absent for Dockerfiles. */
  apiVersion?: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** Kinds that are not namespaced; everything else is (custom resources included). */
const CLUSTER_SCOPED = new Set([
  "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "StorageClass",
  "CustomResourceDefinition", "PriorityClass", "RuntimeClass", "CSIDriver", "CSINode", "VolumeAttachment",
  "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding",
  "APIService", "PodSecurityPolicy", "IngressClass", "CertificateSigningRequest", "FlowSchema",
  "PriorityLevelConfiguration", "ClusterIssuer", "SecurityContextConstraints", "GatewayClass",
  "ComponentStatus", "KubeletConfiguration", "KubeProxyConfiguration",
]);

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind) || kind.startsWith("Cluster");
}

/** One Kubernetes object of the scan, with where it came from. */
export class Resource {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** The namespace as written in the manifest (undefined when not set). */
  readonly namespace: string | undefined;
  readonly metadata: JsonObject;

  constructor(
    readonly object: JsonObject,
    readonly source: Source,
  ) {
    this.apiVersion = String(object.apiVersion);
    this.kind = String(object.kind);
    this.metadata = isObject(object.metadata) ? object.metadata : {};
    const name = this.metadata.name ?? this.metadata.generateName;
    // a mapping here is usually an unrendered template (`name: {{ .Release.Name }}`): say so rather than "[object Object]"
    this.name = typeof name === "string" ? name : name === undefined || name === null ? "" : typeof name === "object" ? "(not a string: an unrendered template?)" : String(name);
    const ns = this.metadata.namespace;
    this.namespace = typeof ns === "string" && ns !== "" ? ns : undefined;
  }

  get clusterScoped(): boolean {
    return isClusterScoped(this.kind);
  }

  /** The namespace the object would land in (undefined for cluster-scoped kinds). */
  namespaceOr(defaultNamespace: string): string | undefined {
    return this.clusterScoped ? undefined : (this.namespace ?? defaultNamespace);
  }

  ref(): ObjectRef {
    const r: ObjectRef = { apiVersion: this.apiVersion, kind: this.kind, name: this.name };
    if (this.namespace !== undefined) r.namespace = this.namespace;
    return r;
  }

  labels(): Record<string, string> {
    return stringMap(this.metadata.labels);
  }

  annotations(): Record<string, string> {
    return stringMap(this.metadata.annotations);
  }

  locate(path: YamlPath): Located {
    return this.source.locator.locate(path);
  }
}

export function stringMap(v: unknown): Record<string, string> {
  if (!isObject(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    if (val !== null && val !== undefined) out[k] = String(val);
  }
  return out;
}
