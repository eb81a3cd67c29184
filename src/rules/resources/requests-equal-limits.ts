import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { sameQuantity } from "../../model/quantity.js";
import { isObject } from "../../model/types.js";
import { type EffectiveValue, containerValue, missingPath, namespaceDefaults, podLevelValue, resourceContainers } from "./_resources.js";

// The Guaranteed QoS class needs, for every regular and init container, CPU and memory limits with requests
// equal to them (an unset request defaults to the limit). Values are compared as quantities ("1" = "1000m").
// LimitRange defaults of the namespace count as the values the container gets. From 1.34, a pod that sets
// pod-level resources gets its QoS class from them, so only the pod level is checked then. Values that do not
// parse (templates) are not compared.
const NAMES = ["cpu", "memory"] as const;

export default defineRule({
  id: "requests-equal-limits",
  title: "Requests differ from limits",
  rationale:
    "Kubernetes gives a pod the Guaranteed quality-of-service class only when every container's CPU and memory requests equal " +
    "its limits. Guaranteed pods are the last to be evicted when a node runs short of resources and get predictable CPU. " +
    "This is optional hardening for workloads that must keep running under pressure.",
  attack:
    "When a node is under memory pressure (caused, for example, by a noisy or compromised neighbour) Burstable pods are evicted " +
    "before Guaranteed ones: an attacker who can exhaust a node's memory takes down Burstable workloads first.",
  remediation:
    "Set `resources.requests` equal to `resources.limits` for CPU and memory in every container (or set only limits: the " +
    "requests then default to them).",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
      resources:
        requests:
          cpu: 100m
          memory: 128Mi
        limits:
          cpu: 500m
          memory: 128Mi
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
      resources:
        requests:
          cpu: 500m
          memory: 128Mi
        limits:
          cpu: 500m
          memory: 128Mi
`,
  },
  messages: {
    noLimit: "Container '{{container}}' has no {{resource}} limit, so its pod cannot get the Guaranteed QoS class",
    differ: "Container '{{container}}' requests {{request}} of {{resource}} but is limited to {{limit}}; requests must equal limits for the Guaranteed QoS class",
    podNoLimit: "The pod-level resources set no {{resource}} limit, so the pod cannot get the Guaranteed QoS class",
    podDiffer: "The pod-level resources request {{request}} of {{resource}} but limit it to {{limit}}; requests must equal limits for the Guaranteed QoS class",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    const podRes = w.podSpec.resources;
    const podLevel = ctx.kubeVersion.atLeast(34) && isObject(podRes) &&
      NAMES.some((n) => [podRes.requests, podRes.limits].some((m) => isObject(m) && m[n] !== undefined && m[n] !== null));
    if (podLevel) {
      for (const name of NAMES) {
        const limit = podLevelValue(ctx, w, "limits", name);
        if (!limit) {
          ctx.report({ messageId: "podNoLimit", data: { resource: name }, path: w.at("resources", "limits", name) });
          continue;
        }
        const request = podLevelValue(ctx, w, "requests", name);
        if (request && differs(request, limit)) {
          ctx.report({
            messageId: "podDiffer",
            data: { resource: name, request: String(request.value), limit: String(limit.value) },
            path: request.path ?? w.at("resources", "requests", name),
          });
        }
      }
      return;
    }
    const defaults = namespaceDefaults(ctx);
    for (const c of resourceContainers(w)) {
      for (const name of NAMES) {
        const limit = containerValue(c, "limits", name, defaults);
        if (!limit) {
          ctx.report({ messageId: "noLimit", data: { container: c.name, resource: name }, path: missingPath(c, "limits", name), container: c });
          continue;
        }
        const request = containerValue(c, "requests", name, defaults);
        if (!request || !differs(request, limit)) continue;
        const path = request.origin === "container" && request.path ? request.path : missingPath(c, "requests", name);
        ctx.report({
          messageId: "differ",
          data: { container: c.name, resource: name, request: String(request.value), limit: String(limit.value) },
          path,
          container: c,
          fix: fixes.set(path, limit.value, {
            description: `Set the ${name} request to the limit (${String(limit.value)})`,
            safety: "unsafe",
            note: "The pod then reserves its full limit on the node: it needs more capacity and may no longer fit where it ran before.",
          }),
        });
      }
    }
  },
});

function differs(request: EffectiveValue, limit: EffectiveValue): boolean {
  if (request.origin === "limit") return false;
  return sameQuantity(request.value, limit.value) === false;
}
