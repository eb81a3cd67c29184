// Validation of built-in Kubernetes objects against the OpenAPI schemas of the Kubernetes API, using the
// validators that the `kubernetes-models` package generates from them (ajv standalone code, one module per
// type, loaded lazily on first use and kept for the life of the process).
//
// Unknown fields: the generated validators do not reject properties the schema does not name (Kubernetes'
// schemas leave additionalProperties open). They do read every property they know, so the object is handed
// to them through a Proxy that records which keys each mapping was asked for; a key present in a mapping
// whose validator asked for other keys but never for this one is a field the schema does not have.
// Mappings whose keys the validator enumerates (label maps, resource lists) or never looks at (free-form JSON
// such as a CRD's `default`) are left alone.
import { createRequire } from "node:module";
import path from "node:path";
import { type JsonObject, type YamlPath, isObject } from "../../model/types.js";

/** Built-in group/versions of the package and their top-level kinds, with the prefix of the schema module names. */
const GROUP_VERSIONS: readonly (readonly [string, string, string])[] = [
  ["admissionregistration.k8s.io/v1", "IoK8sApiAdmissionregistrationV1", "MutatingAdmissionPolicy MutatingAdmissionPolicyBinding MutatingWebhookConfiguration ValidatingAdmissionPolicy ValidatingAdmissionPolicyBinding ValidatingWebhookConfiguration"],
  ["admissionregistration.k8s.io/v1beta1", "IoK8sApiAdmissionregistrationV1beta1", "MutatingWebhookConfiguration ValidatingWebhookConfiguration"],
  ["apiextensions.k8s.io/v1", "IoK8sApiextensionsApiserverPkgApisApiextensionsV1", "CustomResourceDefinition"],
  ["apiextensions.k8s.io/v1beta1", "IoK8sApiextensionsApiserverPkgApisApiextensionsV1beta1", "CustomResourceDefinition"],
  ["apiregistration.k8s.io/v1", "IoK8sKubeAggregatorPkgApisApiregistrationV1", "APIService"],
  ["apiregistration.k8s.io/v1beta1", "IoK8sKubeAggregatorPkgApisApiregistrationV1beta1", "APIService"],
  ["apps/v1", "IoK8sApiAppsV1", "ControllerRevision DaemonSet Deployment ReplicaSet StatefulSet"],
  ["apps/v1beta1", "IoK8sApiAppsV1beta1", "ControllerRevision Deployment DeploymentRollback Scale StatefulSet"],
  ["apps/v1beta2", "IoK8sApiAppsV1beta2", "ControllerRevision DaemonSet Deployment ReplicaSet Scale StatefulSet"],
  ["authentication.k8s.io/v1", "IoK8sApiAuthenticationV1", "SelfSubjectReview TokenRequest TokenReview"],
  ["authentication.k8s.io/v1beta1", "IoK8sApiAuthenticationV1beta1", "TokenReview"],
  ["authorization.k8s.io/v1", "IoK8sApiAuthorizationV1", "LocalSubjectAccessReview SelfSubjectAccessReview SelfSubjectRulesReview SubjectAccessReview"],
  ["authorization.k8s.io/v1beta1", "IoK8sApiAuthorizationV1beta1", "LocalSubjectAccessReview SelfSubjectAccessReview SelfSubjectRulesReview SubjectAccessReview"],
  ["autoscaling/v1", "IoK8sApiAutoscalingV1", "HorizontalPodAutoscaler Scale"],
  ["autoscaling/v2", "IoK8sApiAutoscalingV2", "HorizontalPodAutoscaler"],
  ["autoscaling/v2beta1", "IoK8sApiAutoscalingV2beta1", "HorizontalPodAutoscaler"],
  ["autoscaling/v2beta2", "IoK8sApiAutoscalingV2beta2", "HorizontalPodAutoscaler"],
  ["batch/v1", "IoK8sApiBatchV1", "CronJob Job"],
  ["batch/v1beta1", "IoK8sApiBatchV1beta1", "CronJob"],
  ["certificates.k8s.io/v1", "IoK8sApiCertificatesV1", "CertificateSigningRequest"],
  ["certificates.k8s.io/v1beta1", "IoK8sApiCertificatesV1beta1", "CertificateSigningRequest"],
  ["coordination.k8s.io/v1", "IoK8sApiCoordinationV1", "Lease"],
  ["coordination.k8s.io/v1beta1", "IoK8sApiCoordinationV1beta1", "Lease"],
  ["discovery.k8s.io/v1", "IoK8sApiDiscoveryV1", "EndpointSlice"],
  ["discovery.k8s.io/v1beta1", "IoK8sApiDiscoveryV1beta1", "EndpointSlice"],
  ["events.k8s.io/v1", "IoK8sApiEventsV1", "Event"],
  ["events.k8s.io/v1beta1", "IoK8sApiEventsV1beta1", "Event"],
  ["extensions/v1beta1", "IoK8sApiExtensionsV1beta1", "DaemonSet Deployment DeploymentRollback Ingress NetworkPolicy PodSecurityPolicy ReplicaSet Scale"],
  ["flowcontrol.apiserver.k8s.io/v1", "IoK8sApiFlowcontrolV1", "FlowSchema PriorityLevelConfiguration"],
  ["flowcontrol.apiserver.k8s.io/v1beta1", "IoK8sApiFlowcontrolV1beta1", "FlowSchema PriorityLevelConfiguration"],
  ["flowcontrol.apiserver.k8s.io/v1beta2", "IoK8sApiFlowcontrolV1beta2", "FlowSchema PriorityLevelConfiguration"],
  ["flowcontrol.apiserver.k8s.io/v1beta3", "IoK8sApiFlowcontrolV1beta3", "FlowSchema PriorityLevelConfiguration"],
  ["networking.k8s.io/v1", "IoK8sApiNetworkingV1", "IPAddress Ingress IngressClass NetworkPolicy ServiceCIDR"],
  ["networking.k8s.io/v1beta1", "IoK8sApiNetworkingV1beta1", "Ingress IngressClass"],
  ["node.k8s.io/v1", "IoK8sApiNodeV1", "RuntimeClass"],
  ["node.k8s.io/v1beta1", "IoK8sApiNodeV1beta1", "RuntimeClass"],
  ["policy/v1", "IoK8sApiPolicyV1", "Eviction PodDisruptionBudget"],
  ["policy/v1beta1", "IoK8sApiPolicyV1beta1", "Eviction PodDisruptionBudget PodSecurityPolicy"],
  ["rbac.authorization.k8s.io/v1", "IoK8sApiRbacV1", "ClusterRole ClusterRoleBinding Role RoleBinding"],
  ["rbac.authorization.k8s.io/v1beta1", "IoK8sApiRbacV1beta1", "ClusterRole ClusterRoleBinding Role RoleBinding"],
  ["resource.k8s.io/v1", "IoK8sApiResourceV1", "DeviceClass ResourceClaim ResourceClaimTemplate ResourceSlice"],
  ["scheduling.k8s.io/v1", "IoK8sApiSchedulingV1", "PriorityClass"],
  ["scheduling.k8s.io/v1beta1", "IoK8sApiSchedulingV1beta1", "PriorityClass"],
  ["storage.k8s.io/v1", "IoK8sApiStorageV1", "CSIDriver CSINode CSIStorageCapacity StorageClass VolumeAttachment VolumeAttributesClass"],
  ["storage.k8s.io/v1beta1", "IoK8sApiStorageV1beta1", "CSIDriver CSINode CSIStorageCapacity StorageClass VolumeAttachment"],
  ["v1", "IoK8sApiCoreV1", "Binding ComponentStatus ConfigMap Endpoints Event LimitRange Namespace Node PersistentVolume PersistentVolumeClaim Pod PodTemplate ReplicationController ResourceQuota Secret Service ServiceAccount"],
];

const SCHEMA_NAMES = new Map<string, string>();
const KINDS_OF = new Map<string, string[]>();
for (const [apiVersion, prefix, kinds] of GROUP_VERSIONS) {
  const list = kinds.split(" ");
  KINDS_OF.set(apiVersion, list);
  for (const kind of list) SCHEMA_NAMES.set(`${apiVersion} ${kind}`, prefix + kind);
}

/** The built-in kinds of a group/version the schemas know, or undefined for a group/version they do not. */
export function knownKinds(apiVersion: string): readonly string[] | undefined {
  return KINDS_OF.get(apiVersion);
}

/** An error as ajv reports it. */
export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

const require = createRequire(import.meta.url);
let schemasDir: string | null | undefined;
const validators = new Map<string, Validator | null>();

/** Where the generated schema modules are, or null when the package is not installed. */
function schemaDir(): string | null {
  if (schemasDir === undefined) {
    try {
      schemasDir = path.join(path.dirname(require.resolve("kubernetes-models/package.json")), "_schemas");
    } catch {
      schemasDir = null;
    }
  }
  return schemasDir;
}

/** Is the schema package available at all? */
export function schemasAvailable(): boolean {
  return schemaDir() !== null;
}

/** The validator of a built-in apiVersion/kind, loaded on first use; undefined when there is none. */
export function validatorFor(apiVersion: string, kind: string): Validator | undefined {
  const name = SCHEMA_NAMES.get(`${apiVersion} ${kind}`);
  const dir = schemaDir();
  if (!name || !dir) return undefined;
  let v = validators.get(name);
  if (v === undefined) {
    try {
      // The package is ESM; Node ≥ 20.19 loads ES modules through require (synchronously, as rules run).
      const mod = require(path.join(dir, `${name}.js`)) as { validate?: Validator };
      v = typeof mod.validate === "function" ? mod.validate : null;
    } catch {
      v = null;
    }
    validators.set(name, v);
  }
  return v ?? undefined;
}

/** One schema problem, at a path inside the object. */
export interface SchemaProblem {
  kind: "type" | "required" | "unknown" | "enum" | "format" | "other";
  path: YamlPath;
  /** The value at the path (undefined for missing and unknown fields' parents). */
  value?: unknown;
  /** type: the expected JSON types; enum: the allowed values. */
  expected?: string[];
  format?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  /** unknown: the fields the schema does know at that place, to suggest a spelling. */
  known?: string[];
}

/** Keys of strategic-merge patches: an object that has them is a patch, not something applied as is. */
const PATCH_DIRECTIVE = /^\$(patch|retainKeys|setElementOrder\/|deleteFromPrimitiveList\/)/;
/** Properties that the schema generator drops from its schemas (so they must never count as unknown). */
const STRIPPED_PROPERTY = /^(description|x-kubernetes-.*)$/;

/** Does any mapping of the object carry a strategic-merge-patch directive? */
export function isPatch(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(isPatch);
  if (!isObject(value)) return false;
  for (const [k, v] of Object.entries(value)) if (PATCH_DIRECTIVE.test(k) || isPatch(v)) return true;
  return false;
}

/**
 * Files that Kustomization (or Component) objects of the scan use as inputs: `patchFiles` are strategic-merge
 * or JSON patches (partial objects by design); `inputs` are resources, bases and components, files or folders,
 * which the overlay may still complete (a `commonLabels` selector, a patched-in container). Paths are
 * normalised and relative to the same root as the objects' `source.file`.
 */
export interface KustomizeInputs {
  patchFiles: Set<string>;
  inputs: Set<string>;
}

export function kustomizeInputs(kustomizations: readonly { object: JsonObject; source: { file: string } }[]): KustomizeInputs {
  const out: KustomizeInputs = { patchFiles: new Set(), inputs: new Set() };
  for (const k of kustomizations) {
    const dir = path.posix.dirname(toPosix(k.source.file));
    const rel = (p: unknown): string | undefined =>
      typeof p === "string" && p.trim() !== "" && !/^[a-z]+:\/\//i.test(p) ? path.posix.normalize(path.posix.join(dir, p.trim())) : undefined;
    const o = k.object;
    for (const p of asList(o.patchesStrategicMerge)) {
      const f = rel(p);
      if (f) out.patchFiles.add(f);
    }
    for (const entry of [...asList(o.patches), ...asList(o.patchesJson6902)]) {
      const f = isObject(entry) ? rel(entry.path) : undefined;
      if (f) out.patchFiles.add(f);
    }
    for (const p of [...asList(o.resources), ...asList(o.bases), ...asList(o.components)]) {
      const f = rel(p);
      if (f) out.inputs.add(f);
    }
  }
  return out;
}

/** Is the file a Kustomize patch, or an input (or inside an input folder) of a Kustomization? */
export function kustomizeRole(inputs: KustomizeInputs, file: string): "patch" | "input" | undefined {
  const f = path.posix.normalize(toPosix(file));
  if (inputs.patchFiles.has(f)) return "patch";
  // The file itself or one of its folders is an input: a lookup per folder level, not a scan of every input.
  for (let d = f; d !== "." && d !== "/" && d !== ""; d = path.posix.dirname(d)) {
    if (inputs.inputs.has(d)) return "input";
    if (path.posix.dirname(d) === d) break;
  }
  return undefined;
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Validates one object; returns its problems in document order (not capped). */
export function validateObject(validate: Validator, object: JsonObject): SchemaProblem[] {
  const reads = new Map<object, Set<string>>();
  const enumerated = new WeakSet<object>();
  const proxies = new WeakMap<object, object>();
  const wrap = (v: unknown): unknown => {
    if (typeof v === "bigint") return Number(v);
    if (v === null || typeof v !== "object") return v;
    const known = proxies.get(v);
    if (known) return known;
    const set = new Set<string>();
    reads.set(v, set);
    const p = new Proxy(v, {
      get(target, key, receiver) {
        if (typeof key === "string") set.add(key);
        return wrap(Reflect.get(target, key, receiver));
      },
      ownKeys(target) {
        enumerated.add(target);
        return Reflect.ownKeys(target);
      },
    });
    proxies.set(v, p);
    return p;
  };

  let errors: AjvError[];
  try {
    validate(wrap(object));
    errors = validate.errors ?? [];
  } catch {
    return [];
  }

  const problems: SchemaProblem[] = [];
  // Errors of one place together: a oneOf (int-or-string, quantity) fails with one error per branch.
  const byPath = new Map<string, AjvError[]>();
  for (const e of errors) {
    const key = e.keyword === "required" ? `${e.instancePath}/${escape(String(e.params.missingProperty))}` : e.instancePath;
    let list = byPath.get(key);
    if (!list) byPath.set(key, (list = []));
    list.push(e);
  }
  for (const list of byPath.values()) {
    const problem = summarize(object, list);
    if (problem) problems.push(problem);
  }

  // Unknown fields
  const walk = (v: unknown, at: YamlPath): void => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...at, i]));
      return;
    }
    if (!isObject(v)) return;
    const asked = reads.get(v);
    if (asked && asked.size > 0 && !enumerated.has(v)) {
      for (const k of Object.keys(v)) {
        if (asked.has(k) || STRIPPED_PROPERTY.test(k)) continue;
        problems.push({ kind: "unknown", path: [...at, k], known: [...asked].filter((x) => x !== "length" && !(x in Object.prototype)) });
      }
    }
    for (const k of Object.keys(v)) walk(v[k], [...at, k]);
  };
  walk(object, []);

  return sortByDocumentOrder(object, problems);
}

function escape(seg: string): string {
  return seg.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** "/spec/containers/0/image" → ["spec", "containers", 0, "image"], reading array indexes as numbers. */
function toPath(root: unknown, pointer: string): { path: YamlPath; value: unknown } {
  const path: (string | number)[] = [];
  let cur: unknown = root;
  if (pointer === "") return { path, value: cur };
  for (const raw of pointer.slice(1).split("/")) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(cur) && /^\d+$/.test(seg)) {
      path.push(Number(seg));
      cur = cur[Number(seg)];
    } else {
      path.push(seg);
      cur = isObject(cur) ? cur[seg] : undefined;
    }
  }
  return { path, value: cur };
}

const NUMERIC_FORMATS = new Set(["int32", "int64", "double", "float"]);

function summarize(root: JsonObject, list: AjvError[]): SchemaProblem | undefined {
  const first = list[0]!;
  if (first.keyword === "required") {
    const { path } = toPath(root, first.instancePath);
    return { kind: "required", path: [...path, String(first.params.missingProperty)] };
  }
  const { path, value } = toPath(root, first.instancePath);
  // Kubernetes reads null as "not set" for every field.
  if (value === null || value === undefined) return undefined;
  const types = list.filter((e) => e.keyword === "type").map((e) => String(e.params.type));
  const others = list.filter(
    (e) => e.keyword !== "type" && e.keyword !== "oneOf" && e.keyword !== "anyOf" && !(types.length > 0 && e.keyword === "format" && NUMERIC_FORMATS.has(String(e.params.format))),
  );
  const other = others[0];
  if (other) {
    if (other.keyword === "enum") return { kind: "enum", path, value, expected: (other.params.allowedValues as unknown[] | undefined)?.map(String) ?? [] };
    if (other.keyword === "format") return { kind: "format", path, value, format: String(other.params.format) };
    return { kind: "other", path, value, keyword: other.keyword, params: other.params };
  }
  if (types.length > 0) return { kind: "type", path, value, expected: [...new Set(types)] };
  return { kind: "other", path, value, keyword: first.keyword, params: first.params };
}

/** Orders problems as their places appear in the object (missing fields right after their parent's keys). */
function sortByDocumentOrder(root: JsonObject, problems: SchemaProblem[]): SchemaProblem[] {
  const rank = (path: YamlPath): number[] => {
    const out: number[] = [];
    let cur: unknown = root;
    for (const seg of path) {
      if (typeof seg === "number") {
        out.push(seg);
        cur = Array.isArray(cur) ? cur[seg] : undefined;
      } else if (isObject(cur)) {
        const i = Object.keys(cur).indexOf(seg);
        out.push(i < 0 ? Number.MAX_SAFE_INTEGER : i);
        cur = cur[seg];
      } else {
        out.push(Number.MAX_SAFE_INTEGER);
        cur = undefined;
      }
    }
    return out;
  };
  const keyed = problems.map((p) => ({ p, r: rank(p.path) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < Math.min(a.r.length, b.r.length); i++) if (a.r[i] !== b.r[i]) return a.r[i]! - b.r[i]!;
    return a.r.length - b.r.length;
  });
  return keyed.map((k) => k.p);
}
