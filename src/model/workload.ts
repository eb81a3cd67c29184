import { type Resource, stringMap } from "./resource.js";
import { type JsonObject, type YamlPath, isObject } from "./types.js";

/** Security settings that a container inherits from the pod and may override. */
export const INHERITED_KEYS = [
  "runAsUser", "runAsGroup", "runAsNonRoot", "seLinuxOptions", "seccompProfile", "appArmorProfile", "windowsOptions",
] as const;
export type InheritedKey = (typeof INHERITED_KEYS)[number];

/** Settings that exist only on the container's securityContext. */
export type ContainerOnlyKey = "privileged" | "allowPrivilegeEscalation" | "capabilities" | "procMount" | "readOnlyRootFilesystem";

export type ContainerType = "containers" | "initContainers" | "ephemeralContainers";

/** A setting as it applies to a container: its value and where it is (or would be) written. */
export interface Setting {
  value: unknown;
  /** Where the value is written; for an unset value, where the container-level key would go. */
  path: YamlPath;
  from: "container" | "pod" | "unset";
}

export class ContainerView {
  readonly name: string;
  readonly securityContext: JsonObject;
  readonly securityContextPath: YamlPath;

  constructor(
    readonly workload: Workload,
    readonly type: ContainerType,
    readonly index: number,
    /** Path of the container object inside the resource. */
    readonly path: YamlPath,
    readonly spec: JsonObject,
  ) {
    this.name = typeof spec.name === "string" ? spec.name : `${type}[${index}]`;
    this.securityContext = isObject(spec.securityContext) ? spec.securityContext : {};
    this.securityContextPath = [...path, "securityContext"];
  }

  /** The effective value of a setting the pod-level securityContext provides and the container overrides. */
  effective(key: InheritedKey): Setting {
    if (this.securityContext[key] !== undefined && this.securityContext[key] !== null) {
      return { value: this.securityContext[key], path: [...this.securityContextPath, key], from: "container" };
    }
    const pod = this.workload.podSecurityContext;
    if (pod[key] !== undefined && pod[key] !== null) {
      return { value: pod[key], path: [...this.workload.podSecurityContextPath, key], from: "pod" };
    }
    return { value: undefined, path: [...this.securityContextPath, key], from: "unset" };
  }

  /** A container-level setting only (privileged, capabilities, …). */
  own(key: ContainerOnlyKey): Setting {
    const value = this.securityContext[key];
    const set = value !== undefined && value !== null;
    return { value: set ? value : undefined, path: [...this.securityContextPath, key], from: set ? "container" : "unset" };
  }
}

/** The pod spec of any object that carries one (Pod, Deployment, CronJob, Argo Rollout, …). */
export class Workload {
  readonly podSpec: JsonObject;
  readonly podMetadata: JsonObject;
  readonly podSecurityContext: JsonObject;
  readonly podSecurityContextPath: YamlPath;
  readonly containers: readonly ContainerView[];

  constructor(
    readonly resource: Resource,
    /** Path of the pod spec inside the resource. */
    readonly podSpecPath: YamlPath,
    /** Path of the pod metadata inside the resource (the template's, or the Pod's own). */
    readonly podMetadataPath: YamlPath,
    podSpec: JsonObject,
    podMetadata: JsonObject,
  ) {
    this.podSpec = podSpec;
    this.podMetadata = podMetadata;
    this.podSecurityContext = isObject(podSpec.securityContext) ? podSpec.securityContext : {};
    this.podSecurityContextPath = [...podSpecPath, "securityContext"];
    const containers: ContainerView[] = [];
    for (const type of ["initContainers", "containers", "ephemeralContainers"] as const) {
      const list = podSpec[type];
      if (!Array.isArray(list)) continue;
      list.forEach((c, i) => {
        if (isObject(c)) containers.push(new ContainerView(this, type, i, [...podSpecPath, type, i], c));
      });
    }
    this.containers = containers;
  }

  /** Path of a pod-spec field inside the resource. */
  at(...rest: YamlPath): YamlPath {
    return [...this.podSpecPath, ...rest];
  }

  /** `spec.os.name: windows`: Pod Security Admission skips some Linux-only restricted checks for these. */
  get isWindows(): boolean {
    const os = this.podSpec.os;
    return isObject(os) && os.name === "windows";
  }

  /** `hostUsers: false`: the pod runs in its own user namespace. */
  get userNamespaced(): boolean {
    return this.podSpec.hostUsers === false;
  }

  podAnnotations(): Record<string, string> {
    return stringMap(this.podMetadata.annotations);
  }

  /** Labels of the pods this object creates (the template's, or the Pod's own). */
  podLabels(): Record<string, string> {
    return stringMap(this.podMetadata.labels);
  }

  /** The ServiceAccount the pods run as ("default" when unset). */
  get serviceAccountName(): string {
    const name = this.podSpec.serviceAccountName ?? this.podSpec.serviceAccount;
    return typeof name === "string" && name !== "" ? name : "default";
  }
}

/** Where a pod template may sit in an object, most specific first. */
const TEMPLATE_PATHS: readonly YamlPath[] = [
  ["spec", "jobTemplate", "spec", "template"], // CronJob
  ["spec", "template"], // Deployment, StatefulSet, DaemonSet, Job, ReplicaSet, Argo Rollout, DeploymentConfig …
  ["spec", "jobTargetRef", "template"], // KEDA ScaledJob
  ["template"], // PodTemplate
];

/**
 * Kinds whose template is a pod template by definition, even when it lists no containers yet
 * (`group/Kind`, with "" for the core group). Other kinds qualify when their template has a containers list.
 */
const KNOWN_TEMPLATE_KINDS = new Set([
  "apps/Deployment", "apps/ReplicaSet", "apps/StatefulSet", "apps/DaemonSet", "/ReplicationController", "/PodTemplate",
  "batch/Job", "batch/CronJob", "extensions/Deployment", "extensions/ReplicaSet", "extensions/DaemonSet",
  "apps.openshift.io/DeploymentConfig", "argoproj.io/Rollout",
]);

function groupKind(resource: Resource): string {
  const slash = resource.apiVersion.indexOf("/");
  return `${slash < 0 ? "" : resource.apiVersion.slice(0, slash)}/${resource.kind}`;
}

/** The pod spec view of an object, or undefined when it carries no pod template. Computed once per object. */
export function findWorkload(resource: Resource): Workload | undefined {
  const obj = resource.object;
  if (resource.kind === "Pod" && resource.apiVersion === "v1") {
    const spec = obj.spec;
    if (!isObject(spec)) return undefined;
    return new Workload(resource, ["spec"], ["metadata"], spec, resource.metadata);
  }
  const known = KNOWN_TEMPLATE_KINDS.has(groupKind(resource));
  for (const path of TEMPLATE_PATHS) {
    let cur: unknown = obj;
    for (const seg of path) cur = isObject(cur) ? cur[seg] : undefined;
    if (!isObject(cur)) continue;
    const spec = cur.spec;
    // A pod template is a `template` whose `spec.containers` is a list (an Argo CD ApplicationSet's is not).
    if (isObject(spec) && (known || Array.isArray(spec.containers))) {
      return new Workload(resource, [...path, "spec"], [...path, "metadata"], spec, isObject(cur.metadata) ? cur.metadata : {});
    }
  }
  return undefined;
}
