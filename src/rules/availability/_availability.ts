// Shared reading of replicas, autoscalers, PodDisruptionBudgets and Helm hooks for the availability and
// probe rules. Cross-object lookups are indexes built once per scan (Inventory.memo).
import type { Inventory } from "../../engine/inventory.js";
import { type LabelSelector, isEmptySelector, matchesSelector, readSelector } from "../../model/selectors.js";
import { type Resource, stringMap } from "../../model/resource.js";
import { isObject } from "../../model/types.js";
import { asArray, asInt } from "../../model/values.js";
import type { Workload } from "../../model/workload.js";

import { helmHooks, isHelmTestHook } from "../../model/helm.js";

export { helmHooks, isHelmTestHook };

/** Pods that run to completion (`restartPolicy` Never or OnFailure): Jobs, one-off tasks, hooks. */
export function runsToCompletion(w: Workload): boolean {
  const p = w.podSpec.restartPolicy;
  return p === "Never" || p === "OnFailure";
}

/** Kinds of the object's owners (ownerReferences), for objects exported from a live cluster. */
export function ownerKinds(resource: Resource): string[] {
  return asArray(resource.metadata.ownerReferences).filter(isObject).map((o) => String(o.kind ?? ""));
}

/**
 * `spec.replicas` of a replicated workload: 1 when unset (the API default), undefined when it is not a
 * number (a template placeholder) so that callers can stay silent.
 */
export function replicasOf(resource: Resource): number | undefined {
  const spec = resource.object.spec;
  const v = isObject(spec) ? spec.replicas : undefined;
  if (v === undefined || v === null) return 1;
  return asInt(v);
}

export interface Autoscaler {
  resource: Resource;
  /** Lowest replica count it scales to (HPA default 1, KEDA ScaledObject default 0); undefined when not readable. */
  min: number | undefined;
  /** Highest replica count (KEDA default 100); undefined when not readable. */
  max: number | undefined;
}

function targetKey(namespace: string | undefined, kind: string, name: string): string {
  return `${namespace ?? ""}\u0000${kind}\u0000${name}`;
}

/**
 * HorizontalPodAutoscalers (autoscaling/*) and KEDA ScaledObjects (keda.sh/*, which create an HPA) by the
 * workload they target: same namespace, `scaleTargetRef` kind and name (KEDA's kind defaults to Deployment).
 */
export function autoscalerIndex(inventory: Inventory): Map<string, Autoscaler[]> {
  return inventory.memo("availability:autoscalers", (inv) => {
    const out = new Map<string, Autoscaler[]>();
    const add = (r: Resource, kind: unknown, name: unknown, min: number | undefined, max: number | undefined): void => {
      if (typeof kind !== "string" || typeof name !== "string" || name === "") return;
      const key = targetKey(inv.namespaceOf(r), kind, name);
      let list = out.get(key);
      if (!list) out.set(key, (list = []));
      list.push({ resource: r, min, max });
    };
    for (const r of inv.ofKind("HorizontalPodAutoscaler")) {
      if (!r.apiVersion.startsWith("autoscaling/")) continue;
      const spec = isObject(r.object.spec) ? r.object.spec : {};
      const ref = isObject(spec.scaleTargetRef) ? spec.scaleTargetRef : {};
      const min = spec.minReplicas === undefined || spec.minReplicas === null ? 1 : asInt(spec.minReplicas);
      add(r, ref.kind, ref.name, min, asInt(spec.maxReplicas));
    }
    for (const r of inv.ofKind("ScaledObject")) {
      if (!r.apiVersion.startsWith("keda.sh/")) continue;
      const spec = isObject(r.object.spec) ? r.object.spec : {};
      const ref = isObject(spec.scaleTargetRef) ? spec.scaleTargetRef : {};
      const min = spec.minReplicaCount === undefined || spec.minReplicaCount === null ? 0 : asInt(spec.minReplicaCount);
      const max = spec.maxReplicaCount === undefined || spec.maxReplicaCount === null ? 100 : asInt(spec.maxReplicaCount);
      add(r, ref.kind ?? "Deployment", ref.name, min, max);
    }
    return out;
  });
}

/** The autoscalers that manage this workload's replica count. */
export function autoscalersOf(inventory: Inventory, resource: Resource): Autoscaler[] {
  return autoscalerIndex(inventory).get(targetKey(inventory.namespaceOf(resource), resource.kind, resource.name)) ?? [];
}

/**
 * The most pods the workload may run: its replicas, or the largest autoscaler maximum. Undefined when not
 * readable (template placeholders).
 */
export function maxPods(inventory: Inventory, resource: Resource): number | undefined {
  const scalers = autoscalersOf(inventory, resource);
  if (scalers.length > 0) {
    const maxes = scalers.map((s) => s.max);
    return maxes.some((m) => m === undefined) ? undefined : Math.max(...(maxes as number[]));
  }
  return replicasOf(resource);
}

/**
 * The fewest pods the workload runs while it runs at all: the autoscaler minimum (at least 1), or its
 * replicas. Undefined when unknown (DaemonSets, Jobs, template placeholders).
 */
export function minRunningPods(inventory: Inventory, resource: Resource): number | undefined {
  const scalers = autoscalersOf(inventory, resource);
  if (scalers.length > 0) {
    const mins = scalers.map((s) => s.min);
    return mins.some((m) => m === undefined) ? undefined : Math.max(1, Math.min(...(mins as number[])));
  }
  if (resource.kind === "Pod") return 1;
  if (!REPLICATED_KINDS.has(resource.kind)) return undefined;
  return replicasOf(resource);
}

/** Kinds whose pod count is `spec.replicas`. */
const REPLICATED_KINDS = new Set(["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController", "DeploymentConfig", "Rollout"]);

/**
 * A PodDisruptionBudget's selector as Kubernetes applies it: in policy/v1 a missing selector selects no
 * pods and an empty one selects every pod of the namespace; in policy/v1beta1 an empty one selects none.
 */
export function pdbSelector(pdb: Resource): LabelSelector | undefined {
  const spec = pdb.object.spec;
  const sel = readSelector(isObject(spec) ? spec.selector : undefined);
  if (!sel) return undefined;
  if (pdb.apiVersion === "policy/v1beta1" && isEmptySelector(sel)) return undefined;
  return sel;
}

/** PodDisruptionBudgets by namespace. */
export function pdbsByNamespace(inventory: Inventory): Map<string, Resource[]> {
  return inventory.memo("availability:pdbsByNamespace", (inv) => {
    const out = new Map<string, Resource[]>();
    for (const r of inv.ofKind("PodDisruptionBudget")) {
      const ns = inv.namespaceOf(r) ?? "";
      let list = out.get(ns);
      if (!list) out.set(ns, (list = []));
      list.push(r);
    }
    return out;
  });
}

/** An object that creates pods, with the labels its pods get. */
export interface PodOwner {
  resource: Resource;
  labels: Record<string, string>;
}

/** Controller kinds whose pod template labels are read even when the template has no pod spec yet. */
const CONTROLLER_KINDS = new Set([...REPLICATED_KINDS, "DaemonSet", "Job", "CronJob"]);

/**
 * The labels of the pods an object creates: those of its pod template (or a Pod's own), also for a
 * controller whose template carries labels but no spec yet; undefined for objects that create no pods.
 */
export function podLabelsOf(inventory: Inventory, resource: Resource): Record<string, string> | undefined {
  const w = inventory.workloadOf(resource);
  if (w) return w.podLabels();
  if (!CONTROLLER_KINDS.has(resource.kind)) return undefined;
  const spec = resource.object.spec;
  let template = isObject(spec) ? spec.template : undefined;
  if (resource.kind === "CronJob" && isObject(spec) && isObject(spec.jobTemplate) && isObject(spec.jobTemplate.spec)) template = spec.jobTemplate.spec.template;
  if (!isObject(template)) return undefined;
  return stringMap(isObject(template.metadata) ? template.metadata.labels : undefined);
}

/** Objects that create pods (Helm test hooks left out) by namespace. */
export function podOwnersByNamespace(inventory: Inventory): Map<string, PodOwner[]> {
  return inventory.memo("availability:podOwnersByNamespace", (inv) => {
    const out = new Map<string, PodOwner[]>();
    for (const r of inv.resources) {
      const labels = podLabelsOf(inv, r);
      if (labels === undefined || isHelmTestHook(r)) continue;
      const ns = inv.namespaceOf(r) ?? "";
      let list = out.get(ns);
      if (!list) out.set(ns, (list = []));
      list.push({ resource: r, labels });
    }
    return out;
  });
}

/** Does some PodDisruptionBudget of the workload's namespace select its pods? */
export function isCoveredByPdb(inventory: Inventory, w: Workload): boolean {
  const labels = w.podLabels();
  const pdbs = pdbsByNamespace(inventory).get(inventory.namespaceOf(w.resource) ?? "") ?? [];
  return pdbs.some((pdb) => {
    const sel = pdbSelector(pdb);
    return sel !== undefined && matchesSelector(sel, labels);
  });
}

/** An IntOrString such as `minAvailable`: a count, or a percentage ("50%"). */
export type IntOrPercent = { kind: "int"; value: number } | { kind: "percent"; value: number };

export function readIntOrPercent(v: unknown): IntOrPercent | undefined {
  if (typeof v === "string") {
    const m = /^\s*(\d+)%\s*$/.exec(v);
    if (m) return { kind: "percent", value: Number(m[1]) };
  }
  const n = asInt(v);
  return n === undefined ? undefined : { kind: "int", value: n };
}

/** The pod count a value means for `total` pods, rounding percentages up as the disruption controller does. */
export function scaled(v: IntOrPercent, total: number): number {
  return v.kind === "int" ? v.value : Math.ceil((v.value * total) / 100);
}
