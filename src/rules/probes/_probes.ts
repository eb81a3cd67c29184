// Shared reading of probes for the probe rules.
import type { RuleContext } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import type { ContainerView, Workload } from "../../model/workload.js";
import { isHelmTestHook, ownerKinds, runsToCompletion } from "../availability/_availability.js";

export const PROBES = ["livenessProbe", "readinessProbe", "startupProbe"] as const;
export type ProbeKey = (typeof PROBES)[number];

/**
 * Do the "probe missing" rules look at this object? Not for kinds in `excludeKinds` (Job and CronJob by
 * default; case-insensitive), Pods owned by such a kind, pod templates that run to completion
 * (`restartPolicy` Never or OnFailure: Jobs under any name, one-off Pods, hooks), nor Helm test hooks.
 */
export function probesExpected(ctx: RuleContext, w: Workload): boolean {
  const excluded = new Set(ctx.params.strings("excludeKinds").map((k) => k.trim().toLowerCase()));
  const r = ctx.resource;
  if (excluded.has(r.kind.toLowerCase())) return false;
  if (ownerKinds(r).some((k) => excluded.has(k.toLowerCase()))) return false;
  if (runsToCompletion(w) || isHelmTestHook(r)) return false;
  return true;
}

/** Long-running containers that probes are expected on: the regular containers (not init or ephemeral ones). */
export function appContainers(w: Workload): ContainerView[] {
  return w.containers.filter((c) => c.type === "containers");
}

/**
 * Containers whose probes Kubernetes runs: regular containers and sidecars (init containers with
 * `restartPolicy: Always`). Other init containers and ephemeral containers may not have probes.
 */
export function probedContainers(w: Workload): ContainerView[] {
  return w.containers.filter((c) => c.type === "containers" || (c.type === "initContainers" && c.spec.restartPolicy === "Always"));
}

/** Is a probe configured (an object)? */
export function hasProbe(c: ContainerView, key: ProbeKey): boolean {
  return isObject(c.spec[key]);
}
