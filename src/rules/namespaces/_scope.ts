// Is an object of this kind namespaced? The engine knows the cluster-scoped built-in kinds; for the rest this tells
// "surely namespaced" apart from "unknown" (a custom kind that may well be cluster-scoped, such as a Crossplane
// Provider or a Gatekeeper constraint), so that a rule about unset namespaces does not guess.
import type { Inventory } from "../../engine/inventory.js";
import type { Resource } from "../../model/resource.js";
import { isObject } from "../../model/types.js";

/** Namespaced kinds of the built-in API groups ("" is the core group). */
const NAMESPACED_BUILT_IN: Record<string, readonly string[]> = {
  "": [
    "Pod", "Service", "ConfigMap", "Secret", "ServiceAccount", "PersistentVolumeClaim", "ReplicationController",
    "Endpoints", "LimitRange", "ResourceQuota", "PodTemplate", "Event", "Binding",
  ],
  apps: ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision"],
  extensions: ["Deployment", "DaemonSet", "ReplicaSet", "Ingress", "NetworkPolicy"],
  batch: ["Job", "CronJob"],
  autoscaling: ["HorizontalPodAutoscaler"],
  policy: ["PodDisruptionBudget"],
  "networking.k8s.io": ["Ingress", "NetworkPolicy"],
  "rbac.authorization.k8s.io": ["Role", "RoleBinding"],
  "coordination.k8s.io": ["Lease"],
  "discovery.k8s.io": ["EndpointSlice"],
  "events.k8s.io": ["Event"],
  "storage.k8s.io": ["CSIStorageCapacity"],
  "gateway.networking.k8s.io": ["Gateway", "HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute", "UDPRoute", "ReferenceGrant"],
};

/**
 * Well-known custom resource groups whose kinds are all namespaced, except the `Cluster*` ones that the engine
 * already treats as cluster-scoped.
 */
const NAMESPACED_GROUPS = new Set([
  "monitoring.coreos.com", "cert-manager.io", "networking.istio.io", "security.istio.io", "telemetry.istio.io",
  "argoproj.io", "keda.sh", "autoscaling.k8s.io", "external-secrets.io", "traefik.io", "traefik.containo.us",
]);

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

/** Scopes that the CustomResourceDefinitions of the scan declare, by "group/Kind". */
function crdScopes(inventory: Inventory): Map<string, string> {
  return inventory.memo("crd-scopes", (inv) => {
    const out = new Map<string, string>();
    for (const crd of inv.ofKind("CustomResourceDefinition")) {
      const spec = crd.object.spec;
      if (!isObject(spec) || typeof spec.group !== "string" || !isObject(spec.names)) continue;
      const kind = spec.names.kind;
      if (typeof kind === "string" && typeof spec.scope === "string") out.set(`${spec.group}/${kind}`, spec.scope);
    }
    return out;
  });
}

/** True when the object's kind is known to be namespaced (a built-in kind, a pod-carrying kind, a known or declared custom kind). */
export function knownNamespaced(resource: Resource, inventory: Inventory, hasPodTemplate: boolean): boolean {
  if (resource.clusterScoped) return false;
  const group = groupOf(resource.apiVersion);
  const declared = crdScopes(inventory).get(`${group}/${resource.kind}`);
  if (declared !== undefined) return declared === "Namespaced";
  if (hasPodTemplate) return true;
  if (NAMESPACED_BUILT_IN[group]?.includes(resource.kind)) return true;
  return NAMESPACED_GROUPS.has(group);
}
