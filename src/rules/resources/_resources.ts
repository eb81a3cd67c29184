// The resources a container ends up with once Kubernetes has admitted its pod, for the resource rules.
//
// Decisions (documented in each rule):
// - Requests default from limits: when a container sets `limits.X` but not `requests.X`, the API server
//   sets `requests.X = limits.X` (SetDefaults_Pod, for containers and init containers). A container with
//   only a CPU limit therefore has a CPU request.
// - A LimitRange of type Container in the same namespace (when the scan holds one) fills what the container
//   leaves unset at admission (LimitRanger plugin): `default` gives limits, `defaultRequest` gives requests,
//   and the API defaults `default` from `max` and `defaultRequest` from `default`, then from `min`
//   (SetDefaults_LimitRangeItem). Such a container is not reported.
// - Pod-level resources (`spec.resources`, PodLevelResources, beta and on by default from 1.34) bound the
//   whole pod; from 1.34 a pod-level value of cpu or memory covers every container.
// - Ephemeral containers cannot set resources (the API rejects them) and use what the pod already has:
//   they are not checked. Init containers are: they run with their own requests and limits.
// - A quantity that parses to zero counts as unset: the kubelet sets no cgroup limit for a zero limit, and a
//   zero request reserves nothing.
import type { Inventory } from "../../engine/inventory.js";
import type { RuleContext } from "../../engine/rule-types.js";
import { isZeroQuantity, parseQuantity } from "../../model/quantity.js";
import type { Resource } from "../../model/resource.js";
import { type JsonObject, type YamlPath, isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";
import type { ContainerView, Workload } from "../../model/workload.js";

export type Side = "requests" | "limits";

/** Where an effective value comes from. */
export type Origin = "container" | "limit" | "limitRange" | "pod";

export interface EffectiveValue {
  value: unknown;
  origin: Origin;
  /** Path of the value in the workload (container or pod level); undefined for LimitRange defaults. */
  path: YamlPath | undefined;
}

/** Defaults a namespace's LimitRanges give containers, by resource name. */
export interface NamespaceDefaults {
  limits: Map<string, unknown>;
  requests: Map<string, unknown>;
}

/** Containers whose resources the rules check: regular and init containers (ephemeral ones cannot set any). */
export function resourceContainers(w: Workload): ContainerView[] {
  return w.containers.filter((c) => c.type !== "ephemeralContainers");
}

function resourceMap(v: unknown, side: Side): JsonObject {
  const r = isObject(v) ? v[side] : undefined;
  return isObject(r) ? r : {};
}

function isPresent(v: unknown): boolean {
  return v !== undefined && v !== null && v !== "";
}

/** Is this manifest value set to something other than zero? (A value that does not parse, e.g. a template, counts as set.) */
export function isSet(v: unknown): boolean {
  if (v === undefined || v === null || v === "") return false;
  const q = parseQuantity(v);
  return q === undefined || !isZeroQuantity(q);
}

/** LimitRange container defaults by namespace, built once per scan. */
export function limitRangeDefaults(inventory: Inventory): Map<string, NamespaceDefaults> {
  return inventory.memo("resources:limitRangeDefaults", (inv) => {
    const out = new Map<string, NamespaceDefaults>();
    for (const lr of inv.ofKind("LimitRange")) {
      if (lr.apiVersion !== "v1") continue;
      const ns = inv.namespaceOf(lr);
      if (ns === undefined) continue;
      const spec = lr.object.spec;
      for (const item of asArray(isObject(spec) ? spec.limits : undefined)) {
        if (!isObject(item) || item.type !== "Container") continue;
        let d = out.get(ns);
        if (!d) out.set(ns, (d = { limits: new Map(), requests: new Map() }));
        // SetDefaults_LimitRangeItem: default ← max; defaultRequest ← default, then min.
        const def = new Map<string, unknown>(Object.entries(isObject(item.default) ? item.default : {}));
        for (const [k, v] of Object.entries(isObject(item.max) ? item.max : {})) if (!def.has(k)) def.set(k, v);
        const req = new Map<string, unknown>(Object.entries(isObject(item.defaultRequest) ? item.defaultRequest : {}));
        for (const [k, v] of def) if (!req.has(k)) req.set(k, v);
        for (const [k, v] of Object.entries(isObject(item.min) ? item.min : {})) if (!req.has(k)) req.set(k, v);
        for (const [k, v] of def) if (isSet(v) && !d.limits.has(k)) d.limits.set(k, v);
        for (const [k, v] of req) if (isSet(v) && !d.requests.has(k)) d.requests.set(k, v);
      }
    }
    return out;
  });
}

export function namespaceDefaults(ctx: RuleContext, resource: Resource = ctx.resource): NamespaceDefaults | undefined {
  const ns = ctx.inventory.namespaceOf(resource);
  return ns === undefined ? undefined : limitRangeDefaults(ctx.inventory).get(ns);
}

/** Pod-level resources apply from Kubernetes 1.34 (PodLevelResources beta, on by default), for cpu and memory. */
export function podLevelValue(ctx: RuleContext, w: Workload, side: Side, name: string): EffectiveValue | undefined {
  if (!ctx.kubeVersion.atLeast(34) || (name !== "cpu" && name !== "memory")) return undefined;
  const own = resourceMap(w.podSpec.resources, side)[name];
  if (isPresent(own)) return isSet(own) ? { value: own, origin: "pod", path: w.at("resources", side, name) } : undefined;
  if (side === "requests") {
    const lim = resourceMap(w.podSpec.resources, "limits")[name];
    if (isSet(lim)) return { value: lim, origin: "pod", path: w.at("resources", "limits", name) };
  }
  return undefined;
}

/**
 * The request or limit a container runs with: its own, a request defaulted from its own limit, or a
 * LimitRange default of its namespace. Pod-level values are not included (see podLevelValue).
 */
export function containerValue(c: ContainerView, side: Side, name: string, defaults: NamespaceDefaults | undefined): EffectiveValue | undefined {
  const own = resourceMap(c.spec.resources, side)[name];
  // A value that is written (zero included) is kept as is: nothing is defaulted over it.
  if (isPresent(own)) return isSet(own) ? { value: own, origin: "container", path: [...c.path, "resources", side, name] } : undefined;
  if (side === "requests") {
    const lim = resourceMap(c.spec.resources, "limits")[name];
    if (isPresent(lim)) return isSet(lim) ? { value: lim, origin: "limit", path: [...c.path, "resources", "limits", name] } : undefined;
  }
  // LimitRanger fills a missing limit from `default`; a missing request (after defaulting) from `defaultRequest`.
  const d = (side === "limits" ? defaults?.limits : defaults?.requests)?.get(name);
  if (d !== undefined) return { value: d, origin: "limitRange", path: undefined };
  return undefined;
}

/** Where a missing value would be written in a container. */
export function missingPath(c: ContainerView, side: Side, name: string): YamlPath {
  return [...c.path, "resources", side, name];
}

/** Is the value explicitly zero (as opposed to absent)? */
export function isExplicitZero(c: ContainerView, side: Side, name: string): boolean {
  const res = c.spec.resources;
  const v = resourceMap(res, side)[name] ?? (side === "requests" ? resourceMap(res, "limits")[name] : undefined);
  const q = parseQuantity(v);
  return q !== undefined && isZeroQuantity(q);
}

/**
 * Shared check of the four "X missing" rules: for each regular and init container without an effective
 * value, report at the path where it would be set.
 */
export function checkMissing(
  ctx: RuleContext<"missing" | "zero">,
  side: Side,
  name: string,
): void {
  const w = ctx.workload;
  if (!w) return;
  if (podLevelValue(ctx, w, side, name)) return;
  const defaults = namespaceDefaults(ctx);
  for (const c of resourceContainers(w)) {
    if (containerValue(c, side, name, defaults)) continue;
    const zero = isExplicitZero(c, side, name);
    ctx.report({ messageId: zero ? "zero" : "missing", data: { container: c.name }, path: missingPath(c, side, name), container: c });
  }
}
