// Services, the pods they select, the Ingresses and Gateway API / Istio routes that send traffic to them,
// and how a workload is exposed outside the cluster. Built once per scan (Inventory.memo) and shared by the
// exposure, integrity and network-policy rules.
import type { Inventory } from "../engine/inventory.js";
import { type Resource, stringMap } from "./resource.js";
import { type LabelSelector, matchesSelector } from "./selectors.js";
import { type JsonObject, type YamlPath, isObject } from "./types.js";
import { asArray, asInt, truthy } from "./values.js";
import type { ContainerView, Workload } from "./workload.js";

// ---------------------------------------------------------------------------------------------------------
// Pod templates

/** A port a container declares (`containers[].ports[]`). */
export interface ContainerPort {
  /** The container's name. */
  container: string;
  containerView: ContainerView | undefined;
  index: number;
  /** Path of the port item inside the resource. */
  path: YamlPath;
  name: string | undefined;
  /** `containerPort` as an integer, when it is one. */
  number: number | undefined;
  /** TCP unless written otherwise (upper-cased). */
  protocol: string;
  hostPort: number | undefined;
}

/**
 * The pods an object creates, as far as labels and ports go. Every object with a pod spec (Workload) is one;
 * so is a built-in controller whose template has labels but no spec yet (a half-written Deployment still
 * tells which pods a Service is meant for).
 */
export interface PodTemplate {
  resource: Resource;
  /** The namespace the pods land in. */
  namespace: string;
  labels: Record<string, string>;
  /** Path of the pod labels (where they are, or would be, written). */
  labelsPath: YamlPath;
  workload: Workload | undefined;
  ports: ContainerPort[];
  /** `hostNetwork: true`: the pods use the node's network namespace. */
  hostNetwork: boolean;
  /**
   * Labels that the controller (or operator) adds to each pod with values known only at run time
   * (`statefulset.kubernetes.io/pod-name: web-0`, `pod-template-hash`, `job-name`): could the pods carry this one?
   */
  generated: (key: string, value: string | undefined) => boolean;
}

const NONE = (): boolean => false;
const INDEX = /^\d+$/;

/** The labels that Kubernetes controllers add to the pods they create (see `PodTemplate.generated`). */
function controllerLabels(gk: string, name: string): PodTemplate["generated"] {
  const re = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  switch (gk) {
    case "apps/StatefulSet": {
      const podName = new RegExp(`^${re(name)}-\\d+$`);
      return (k, v) =>
        k === "controller-revision-hash" ||
        (k === "statefulset.kubernetes.io/pod-name" && (v === undefined || podName.test(v))) ||
        (k === "apps.kubernetes.io/pod-index" && (v === undefined || INDEX.test(v)));
    }
    case "apps/Deployment": case "apps/ReplicaSet": case "extensions/Deployment": case "extensions/ReplicaSet":
      return (k) => k === "pod-template-hash";
    case "argoproj.io/Rollout":
      return (k) => k === "rollouts-pod-template-hash";
    case "apps/DaemonSet": case "extensions/DaemonSet":
      return (k) => k === "controller-revision-hash" || k === "pod-template-generation";
    case "batch/Job":
      return (k, v) =>
        ((k === "job-name" || k === "batch.kubernetes.io/job-name") && (v === undefined || v === name)) ||
        k === "controller-uid" || k === "batch.kubernetes.io/controller-uid" ||
        (k === "batch.kubernetes.io/job-completion-index" && (v === undefined || INDEX.test(v)));
    case "batch/CronJob":
      return (k, v) =>
        ((k === "job-name" || k === "batch.kubernetes.io/job-name") && (v === undefined || v.startsWith(`${name}-`))) ||
        k === "controller-uid" || k === "batch.kubernetes.io/controller-uid";
    default:
      return NONE;
  }
}

/** Does a label map selector (a Service's) select the template's pods, generated labels included? */
export function mapSelectsTemplate(selector: Record<string, string>, t: PodTemplate): boolean {
  return Object.entries(selector).every(([k, v]) => t.labels[k] === v || (!Object.hasOwn(t.labels, k) && t.generated(k, v)));
}

/** Does a LabelSelector select the template's pods, generated labels included? */
export function selectorSelectsTemplate(selector: LabelSelector, t: PodTemplate): boolean {
  const labels = { ...t.labels };
  const want = (k: string, v: string | undefined): void => {
    if (!Object.hasOwn(labels, k) && t.generated(k, v)) labels[k] = v ?? "";
  };
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) want(k, v);
  for (const e of selector.matchExpressions ?? []) {
    if (e.operator === "Exists") want(e.key, undefined);
    if (e.operator === "In") for (const v of e.values ?? []) if (!Object.hasOwn(labels, e.key)) want(e.key, v);
  }
  return matchesSelector(selector, labels);
}

/** Built-in controllers (group/Kind) whose `spec.template` (or CronJob's job template) is a pod template. */
const CONTROLLER_KINDS = new Set([
  "apps/Deployment", "apps/ReplicaSet", "apps/StatefulSet", "apps/DaemonSet", "/ReplicationController",
  "batch/Job", "extensions/Deployment", "extensions/ReplicaSet", "extensions/DaemonSet",
  "apps.openshift.io/DeploymentConfig", "argoproj.io/Rollout",
]);

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

/** The metadata of a controller's pod template when the object has no pod spec view (no `template.spec`). */
function bareTemplateMetadata(r: Resource): { metadata: JsonObject; path: YamlPath } | undefined {
  const gk = `${groupOf(r.apiVersion)}/${r.kind}`;
  const spec = r.object.spec;
  if (!isObject(spec)) return undefined;
  if (gk === "batch/CronJob") {
    const jt = spec.jobTemplate;
    const t = isObject(jt) && isObject(jt.spec) ? jt.spec.template : undefined;
    if (!isObject(t)) return undefined;
    return { metadata: isObject(t.metadata) ? t.metadata : {}, path: ["spec", "jobTemplate", "spec", "template", "metadata"] };
  }
  if (!CONTROLLER_KINDS.has(gk) || !isObject(spec.template)) return undefined;
  const t = spec.template;
  return { metadata: isObject(t.metadata) ? t.metadata : {}, path: ["spec", "template", "metadata"] };
}

function containerPorts(w: Workload): ContainerPort[] {
  const out: ContainerPort[] = [];
  for (const c of w.containers) {
    // Ports of ephemeral containers are not allowed; init containers' are informative only, but sidecars
    // (restartPolicy: Always) serve traffic: keep every declared port.
    asArray(c.spec.ports).forEach((p, index) => {
      if (!isObject(p)) return;
      out.push({
        container: c.name,
        containerView: c,
        index,
        path: [...c.path, "ports", index],
        name: typeof p.name === "string" && p.name !== "" ? p.name : undefined,
        number: asInt(p.containerPort),
        protocol: typeof p.protocol === "string" && p.protocol !== "" ? p.protocol.toUpperCase() : "TCP",
        hostPort: asInt(p.hostPort),
      });
    });
  }
  return out;
}

function templateOf(inventory: Inventory, r: Resource): PodTemplate | undefined {
  const namespace = inventory.namespaceOf(r);
  if (namespace === undefined) return undefined;
  const w = inventory.workloadOf(r);
  if (w) {
    return {
      resource: r,
      namespace,
      labels: w.podLabels(),
      labelsPath: [...w.podMetadataPath, "labels"],
      workload: w,
      ports: containerPorts(w),
      hostNetwork: truthy(w.podSpec.hostNetwork),
      generated: controllerLabels(`${groupOf(r.apiVersion)}/${r.kind}`, r.name),
    };
  }
  const bare = bareTemplateMetadata(r);
  if (bare) {
    return {
      resource: r, namespace, labels: stringMap(bare.metadata.labels), labelsPath: [...bare.path, "labels"], workload: undefined, ports: [],
      hostNetwork: false, generated: controllerLabels(`${groupOf(r.apiVersion)}/${r.kind}`, r.name),
    };
  }
  return operatorTemplate(r, namespace);
}

/**
 * Pods that the Prometheus Operator creates from its custom resources (monitoring.coreos.com Prometheus,
 * PrometheusAgent, Alertmanager, ThanosRuler), with the labels it gives them (pkg/prometheus/server/statefulset.go
 * and its siblings) plus `spec.podMetadata.labels`. Services and NetworkPolicies commonly select these pods.
 */
function operatorTemplate(r: Resource, namespace: string): PodTemplate | undefined {
  if (groupOf(r.apiVersion) !== "monitoring.coreos.com" || r.name === "") return undefined;
  const spec = isObject(r.object.spec) ? r.object.spec : {};
  const name = r.name;
  const common = { "app.kubernetes.io/managed-by": "prometheus-operator", "app.kubernetes.io/instance": name };
  let labels: Record<string, string>;
  let sts: string;
  let ports: [string, number][];
  switch (r.kind) {
    case "Prometheus":
      labels = { ...common, "app.kubernetes.io/name": "prometheus", prometheus: name, "operator.prometheus.io/name": name };
      sts = `prometheus-${name}`;
      ports = [[typeof spec.portName === "string" && spec.portName !== "" ? spec.portName : "web", 9090]];
      if (isObject(spec.thanos)) ports.push(["grpc", 10901], ["http", 10902]);
      break;
    case "PrometheusAgent":
      labels = { ...common, "app.kubernetes.io/name": "prometheus-agent", prometheus: name, "operator.prometheus.io/name": name };
      sts = `prom-agent-${name}`;
      ports = [[typeof spec.portName === "string" && spec.portName !== "" ? spec.portName : "web", 9090]];
      break;
    case "Alertmanager":
      labels = { ...common, "app.kubernetes.io/name": "alertmanager", alertmanager: name };
      sts = `alertmanager-${name}`;
      ports = [[typeof spec.portName === "string" && spec.portName !== "" ? spec.portName : "web", 9093]];
      break;
    case "ThanosRuler":
      labels = { ...common, "app.kubernetes.io/name": "thanos-ruler", "thanos-ruler": name };
      sts = `thanos-ruler-${name}`;
      ports = [["grpc", 10901], ["web", 10902]];
      break;
    default:
      return undefined;
  }
  const pm = isObject(spec.podMetadata) ? spec.podMetadata : {};
  const podName = new RegExp(`^${sts.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(-shard-\\d+)?-\\d+$`);
  return {
    resource: r,
    namespace,
    labels: { ...stringMap(pm.labels), ...labels },
    labelsPath: ["spec", "podMetadata", "labels"],
    workload: undefined,
    ports: ports.map(([n, number], index) => ({
      container: r.kind === "ThanosRuler" ? "thanos-ruler" : r.kind === "Alertmanager" ? "alertmanager" : "prometheus",
      containerView: undefined, index, path: ["spec"], name: n, number, protocol: "TCP", hostPort: undefined,
    })),
    hostNetwork: truthy(spec.hostNetwork),
    generated: (k, v) =>
      k === "controller-revision-hash" ||
      (k === "operator.prometheus.io/shard" && (v === undefined || INDEX.test(v))) ||
      (k === "statefulset.kubernetes.io/pod-name" && (v === undefined || podName.test(v))) ||
      (k === "apps.kubernetes.io/pod-index" && (v === undefined || INDEX.test(v))),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Services

export interface ServicePort {
  index: number;
  path: YamlPath;
  name: string | undefined;
  port: number | undefined;
  /** As written: an integer, a name, or undefined (then it equals `port`). */
  targetPort: number | string | undefined;
  nodePort: number | undefined;
  protocol: string;
}

export interface ServiceInfo {
  resource: Resource;
  name: string;
  namespace: string;
  /** `spec.type`, ClusterIP when unset. */
  type: string;
  /**
   * The label map the Service selects pods with; undefined when it selects none (no or empty selector, or an
   * ExternalName Service): its endpoints are then managed by someone else.
   */
  selector: Record<string, string> | undefined;
  ports: ServicePort[];
  externalIPs: string[];
  /** `clusterIP: None`. */
  headless: boolean;
}

function readService(inventory: Inventory, r: Resource): ServiceInfo | undefined {
  if (r.kind !== "Service" || r.apiVersion !== "v1") return undefined;
  const namespace = inventory.namespaceOf(r);
  if (namespace === undefined) return undefined;
  const spec = isObject(r.object.spec) ? r.object.spec : {};
  const type = typeof spec.type === "string" && spec.type !== "" ? spec.type : "ClusterIP";
  const sel = stringMap(spec.selector);
  const ports: ServicePort[] = [];
  asArray(spec.ports).forEach((p, index) => {
    if (!isObject(p)) return;
    const tp = p.targetPort;
    ports.push({
      index,
      path: ["spec", "ports", index],
      name: typeof p.name === "string" && p.name !== "" ? p.name : undefined,
      port: asInt(p.port),
      targetPort: asInt(tp) ?? (typeof tp === "string" && tp !== "" ? tp : undefined),
      nodePort: asInt(p.nodePort),
      protocol: typeof p.protocol === "string" && p.protocol !== "" ? p.protocol.toUpperCase() : "TCP",
    });
  });
  return {
    resource: r,
    name: r.name,
    namespace,
    type,
    selector: type === "ExternalName" || Object.keys(sel).length === 0 ? undefined : sel,
    ports,
    externalIPs: asArray(spec.externalIPs).filter((x): x is string => typeof x === "string" && x !== ""),
    headless: spec.clusterIP === "None",
  };
}

/** Annotations (`key=value`, or `key` for any value) that make a cloud load balancer internal: the catalogue's default. */
export const INTERNAL_LB_ANNOTATIONS: readonly string[] = [
  "service.beta.kubernetes.io/aws-load-balancer-internal=true",
  "service.beta.kubernetes.io/aws-load-balancer-scheme=internal",
  "service.beta.kubernetes.io/azure-load-balancer-internal=true",
  "networking.gke.io/load-balancer-type=Internal",
  "cloud.google.com/load-balancer-type=Internal",
  "service.beta.kubernetes.io/oci-load-balancer-internal=true",
];

/**
 * Does one of these `key=value` patterns match the annotations? Keys compare exactly, values without regard
 * to case ("Internal" and "internal" both work for the cloud controllers); a pattern without `=` needs only the key.
 */
export function hasInternalAnnotation(annotations: Record<string, string>, patterns: readonly string[]): boolean {
  return patterns.some((p) => {
    const eq = p.indexOf("=");
    const key = (eq < 0 ? p : p.slice(0, eq)).trim();
    const v = annotations[key];
    if (v === undefined) return false;
    return eq < 0 || v.trim().toLowerCase() === p.slice(eq + 1).trim().toLowerCase();
  });
}

// ---------------------------------------------------------------------------------------------------------
// Routes: Ingress, Gateway API routes, Istio VirtualServices

export type RouteKind = "Ingress" | "HTTPRoute" | "GRPCRoute" | "TLSRoute" | "TCPRoute" | "UDPRoute" | "VirtualService";
const GATEWAY_ROUTE_KINDS = new Set(["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"]);

/** One reference from a route to a Service. */
export interface ServiceBackend {
  route: Resource;
  routeKind: RouteKind;
  /** Name and namespace of the Service referred to. */
  name: string;
  namespace: string;
  /** Path of the backend reference inside the route (the object that holds name and port). */
  path: YamlPath;
  /** Path of the Service name. */
  namePath: YamlPath;
  /** The port asked for, by number or name; undefined when none is given. */
  port: { number?: number; name?: string; path: YamlPath } | undefined;
  /** Does the route take traffic from outside the cluster (Ingress, a route attached to a Gateway)? */
  external: boolean;
}

function ingressBackends(r: Resource, namespace: string): ServiceBackend[] {
  const spec = isObject(r.object.spec) ? r.object.spec : {};
  const out: ServiceBackend[] = [];
  const add = (backend: unknown, path: YamlPath): void => {
    if (!isObject(backend)) return;
    // networking.k8s.io/v1: backend.service {name, port {number | name}}
    if (isObject(backend.service)) {
      const s = backend.service;
      if (typeof s.name !== "string" || s.name === "") return;
      const p = s.port;
      let port: ServiceBackend["port"];
      if (isObject(p)) {
        const n = asInt(p.number);
        if (n !== undefined) port = { number: n, path: [...path, "service", "port", "number"] };
        else if (typeof p.name === "string" && p.name !== "") port = { name: p.name, path: [...path, "service", "port", "name"] };
      }
      out.push({ route: r, routeKind: "Ingress", name: s.name, namespace, path: [...path, "service"], namePath: [...path, "service", "name"], port, external: true });
      return;
    }
    // extensions/v1beta1 and networking.k8s.io/v1beta1: backend {serviceName, servicePort}
    if (typeof backend.serviceName === "string" && backend.serviceName !== "") {
      const sp = backend.servicePort;
      const n = asInt(sp);
      const port: ServiceBackend["port"] =
        n !== undefined ? { number: n, path: [...path, "servicePort"] }
        : typeof sp === "string" && sp !== "" ? { name: sp, path: [...path, "servicePort"] }
        : undefined;
      out.push({ route: r, routeKind: "Ingress", name: backend.serviceName, namespace, path, namePath: [...path, "serviceName"], port, external: true });
    }
  };
  add(spec.defaultBackend, ["spec", "defaultBackend"]);
  add(spec.backend, ["spec", "backend"]);
  asArray(spec.rules).forEach((rule, i) => {
    if (!isObject(rule) || !isObject(rule.http)) return;
    asArray(rule.http.paths).forEach((p, j) => {
      if (isObject(p)) add(p.backend, ["spec", "rules", i, "http", "paths", j, "backend"]);
    });
  });
  return out;
}

/** Is a Gateway API route attached to a Gateway (the default parent kind), rather than only to Services (mesh)? */
function attachedToGateway(spec: JsonObject): boolean {
  const parents = asArray(spec.parentRefs).filter(isObject);
  if (parents.length === 0) return false;
  return parents.some((p) => (p.kind === undefined || p.kind === "Gateway") && (p.group === undefined || p.group === "gateway.networking.k8s.io"));
}

function gatewayRouteBackends(r: Resource, namespace: string): ServiceBackend[] {
  const spec = isObject(r.object.spec) ? r.object.spec : {};
  const external = attachedToGateway(spec);
  const out: ServiceBackend[] = [];
  const add = (ref: unknown, path: YamlPath): void => {
    if (!isObject(ref) || typeof ref.name !== "string" || ref.name === "") return;
    // Only core Services: group "" (or unset) and kind Service (or unset).
    if (ref.group !== undefined && ref.group !== "" && ref.group !== null) return;
    if (ref.kind !== undefined && ref.kind !== "Service" && ref.kind !== null) return;
    const ns = typeof ref.namespace === "string" && ref.namespace !== "" ? ref.namespace : namespace;
    const n = asInt(ref.port);
    out.push({
      route: r, routeKind: r.kind as RouteKind, name: ref.name, namespace: ns, path, namePath: [...path, "name"],
      port: n === undefined ? undefined : { number: n, path: [...path, "port"] }, external,
    });
  };
  asArray(spec.rules).forEach((rule, i) => {
    if (!isObject(rule)) return;
    asArray(rule.backendRefs).forEach((ref, j) => {
      add(ref, ["spec", "rules", i, "backendRefs", j]);
      if (isObject(ref)) mirrorRefs(ref.filters, ["spec", "rules", i, "backendRefs", j, "filters"], add);
    });
    mirrorRefs(rule.filters, ["spec", "rules", i, "filters"], add);
  });
  return out;
}

function mirrorRefs(filters: unknown, path: YamlPath, add: (ref: unknown, path: YamlPath) => void): void {
  asArray(filters).forEach((f, k) => {
    if (isObject(f) && isObject(f.requestMirror)) add(f.requestMirror.backendRef, [...path, k, "requestMirror", "backendRef"]);
  });
}

/**
 * A destination host of an Istio VirtualService as a Service: `name` (the VirtualService's namespace),
 * `name.ns`, `name.ns.svc` or `name.ns.svc.<cluster domain>`. Other hosts (ServiceEntries, outside names) give undefined.
 */
export function istioHostService(host: string, namespace: string): { name: string; namespace: string } | undefined {
  const parts = host.split(".");
  if (parts.some((p) => p === "" || p.includes("*"))) return undefined;
  if (parts.length === 1) return { name: parts[0]!, namespace };
  if (parts.length === 2 || parts[2] === "svc") return { name: parts[0]!, namespace: parts[1]! };
  return undefined;
}

function virtualServiceBackends(r: Resource, namespace: string): ServiceBackend[] {
  const spec = isObject(r.object.spec) ? r.object.spec : {};
  // Without `gateways` a VirtualService applies to sidecars only ("mesh"): traffic from inside the cluster.
  const gateways = asArray(spec.gateways).filter((g): g is string => typeof g === "string");
  const external = gateways.some((g) => g !== "mesh");
  const out: ServiceBackend[] = [];
  for (const section of ["http", "tcp", "tls"] as const) {
    asArray(spec[section]).forEach((route, i) => {
      if (!isObject(route)) return;
      asArray(route.route).forEach((dest, j) => {
        if (!isObject(dest) || !isObject(dest.destination)) return;
        const d = dest.destination;
        if (typeof d.host !== "string") return;
        const svc = istioHostService(d.host, namespace);
        if (!svc) return;
        const path: YamlPath = ["spec", section, i, "route", j, "destination"];
        const n = isObject(d.port) ? asInt(d.port.number) : undefined;
        out.push({
          route: r, routeKind: "VirtualService", name: svc.name, namespace: svc.namespace, path, namePath: [...path, "host"],
          port: n === undefined ? undefined : { number: n, path: [...path, "port", "number"] }, external,
        });
      });
    });
  }
  return out;
}

/** The Service references of a route object (Ingress, Gateway API route, Istio VirtualService); [] for anything else. */
export function routeBackends(inventory: Inventory, r: Resource): ServiceBackend[] {
  const namespace = inventory.namespaceOf(r);
  if (namespace === undefined) return [];
  const group = groupOf(r.apiVersion);
  if (r.kind === "Ingress" && (group === "networking.k8s.io" || group === "extensions")) return ingressBackends(r, namespace);
  if (GATEWAY_ROUTE_KINDS.has(r.kind) && group === "gateway.networking.k8s.io") return gatewayRouteBackends(r, namespace);
  if (r.kind === "VirtualService" && group === "networking.istio.io") return virtualServiceBackends(r, namespace);
  return [];
}

// ---------------------------------------------------------------------------------------------------------
// Exposure

/** One way pods can be reached from outside the cluster. */
export type Exposure =
  | { via: "NodePort" | "LoadBalancer" | "externalIPs"; service: ServiceInfo; internal: boolean }
  | { via: "route"; service: ServiceInfo; backend: ServiceBackend }
  | { via: "hostPort"; port: ContainerPort }
  | { via: "hostNetwork" };

/** How a Service is itself reachable from outside the cluster (type NodePort/LoadBalancer, externalIPs). */
export function serviceExposures(s: ServiceInfo, internalPatterns: readonly string[] = INTERNAL_LB_ANNOTATIONS): Exposure[] {
  const out: Exposure[] = [];
  if (s.type === "NodePort") out.push({ via: "NodePort", service: s, internal: false });
  if (s.type === "LoadBalancer") out.push({ via: "LoadBalancer", service: s, internal: hasInternalAnnotation(s.resource.annotations(), internalPatterns) });
  if (s.externalIPs.length > 0) out.push({ via: "externalIPs", service: s, internal: false });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The index

function nsKey(namespace: string, name: string): string {
  return `${namespace}\u0000${name}`;
}

export class ServiceIndex {
  readonly templates: readonly PodTemplate[];
  readonly services: readonly ServiceInfo[];
  private readonly templateByResource = new Map<Resource, PodTemplate>();
  private readonly templatesByNs = new Map<string, PodTemplate[]>();
  private readonly serviceByResource = new Map<Resource, ServiceInfo>();
  private readonly serviceByName = new Map<string, ServiceInfo>();
  private readonly selected = new Map<ServiceInfo, PodTemplate[]>();
  private readonly servicesOfTemplate = new Map<PodTemplate, ServiceInfo[]>();
  private readonly backendsByRoute = new Map<Resource, ServiceBackend[]>();
  private readonly backendsByService = new Map<string, ServiceBackend[]>();

  constructor(private readonly inventory: Inventory) {
    const templates: PodTemplate[] = [];
    const services: ServiceInfo[] = [];
    for (const r of inventory.resources) {
      const t = templateOf(inventory, r);
      if (t) {
        templates.push(t);
        this.templateByResource.set(r, t);
        let list = this.templatesByNs.get(t.namespace);
        if (!list) this.templatesByNs.set(t.namespace, (list = []));
        list.push(t);
      }
      const s = readService(inventory, r);
      if (s) {
        services.push(s);
        this.serviceByResource.set(r, s);
        this.serviceByName.set(nsKey(s.namespace, s.name), s);
      }
      const backends = routeBackends(inventory, r);
      if (backends.length > 0) {
        this.backendsByRoute.set(r, backends);
        for (const b of backends) {
          const k = nsKey(b.namespace, b.name);
          let list = this.backendsByService.get(k);
          if (!list) this.backendsByService.set(k, (list = []));
          list.push(b);
        }
      }
    }
    this.templates = templates;
    this.services = services;
    for (const s of services) {
      const sel = s.selector;
      const picked = sel ? (this.templatesByNs.get(s.namespace) ?? []).filter((t) => mapSelectsTemplate(sel, t)) : [];
      this.selected.set(s, picked);
      for (const t of picked) {
        let list = this.servicesOfTemplate.get(t);
        if (!list) this.servicesOfTemplate.set(t, (list = []));
        list.push(s);
      }
    }
  }

  /** The pod template of an object, when it has one. */
  template(resource: Resource): PodTemplate | undefined {
    return this.templateByResource.get(resource);
  }

  /** Pod templates whose pods land in a namespace. */
  templatesIn(namespace: string): readonly PodTemplate[] {
    return this.templatesByNs.get(namespace) ?? [];
  }

  /** The Service view of a `v1` Service object. */
  service(resource: Resource): ServiceInfo | undefined {
    return this.serviceByResource.get(resource);
  }

  serviceNamed(namespace: string, name: string): ServiceInfo | undefined {
    return this.serviceByName.get(nsKey(namespace, name));
  }

  /** The pod templates a Service selects (same namespace, every selector pair present in the pod labels). */
  selectedBy(service: ServiceInfo): readonly PodTemplate[] {
    return this.selected.get(service) ?? [];
  }

  /** The Services that select a pod template. */
  servicesSelecting(template: PodTemplate): readonly ServiceInfo[] {
    return this.servicesOfTemplate.get(template) ?? [];
  }

  /** The Service references of a route object. */
  backendsOf(route: Resource): readonly ServiceBackend[] {
    return this.backendsByRoute.get(route) ?? [];
  }

  /** The route references that point at a Service. */
  routesTo(service: ServiceInfo): readonly ServiceBackend[] {
    return this.backendsByService.get(nsKey(service.namespace, service.name)) ?? [];
  }

  /**
   * How a Service is reachable from outside the cluster: its own type or externalIPs, and the external routes
   * (Ingress, Gateway-attached routes, gateway-bound VirtualServices) that point at it.
   */
  serviceExposures(service: ServiceInfo, internalPatterns: readonly string[] = INTERNAL_LB_ANNOTATIONS): Exposure[] {
    const out = serviceExposures(service, internalPatterns);
    for (const b of this.routesTo(service)) if (b.external) out.push({ via: "route", service, backend: b });
    return out;
  }

  /** How the pods of a template are reachable from outside the cluster, through Services, routes or the node. */
  exposures(template: PodTemplate, internalPatterns: readonly string[] = INTERNAL_LB_ANNOTATIONS): Exposure[] {
    const out: Exposure[] = [];
    for (const s of this.servicesSelecting(template)) out.push(...this.serviceExposures(s, internalPatterns));
    if (template.hostNetwork) out.push({ via: "hostNetwork" });
    for (const p of template.ports) if (p.hostPort !== undefined && p.hostPort !== 0) out.push({ via: "hostPort", port: p });
    return out;
  }
}

/** The Service index of a scan (built once). */
export function serviceIndex(inventory: Inventory): ServiceIndex {
  return inventory.memo("model/services", (inv) => new ServiceIndex(inv));
}
