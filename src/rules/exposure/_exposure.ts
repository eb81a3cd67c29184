import { parseImage } from "../../model/image.js";
// Shared wording of exposure paths for the exposure rules.
import type { Exposure } from "../../model/services.js";

/** "Service 'web' (NodePort)", "Ingress 'shop' → Service 'web'", "hostPort 80 of container 'app'", … */
export function describeExposure(e: Exposure): string {
  switch (e.via) {
    case "NodePort":
    case "LoadBalancer":
    case "externalIPs":
      return `Service '${e.service.name}' (${e.via})`;
    case "route": {
      const r = e.backend.route;
      const ns = r.namespace !== undefined && r.namespace !== e.service.namespace ? `${r.namespace}/` : "";
      return `${r.kind} '${ns}${r.name}' → Service '${e.service.name}'`;
    }
    case "hostPort":
      return `hostPort ${e.port.hostPort} of container '${e.port.container}'`;
    case "hostNetwork":
      return "the node's network (hostNetwork)";
  }
}

/** A list for a message: unique entries, at most `max`, then "and N more". */
export function listForMessage(items: string[], max = 4): string {
  const unique = [...new Set(items)];
  return unique.length > max ? `${unique.slice(0, max).join(", ")} and ${unique.length - max} more` : unique.join(", ");
}

/** Label keys that name the application a pod or Service belongs to. */
const IDENTITY_LABELS = ["app", "app.kubernetes.io/name", "app.kubernetes.io/component", "k8s-app", "name", "component"];

/**
 * An image reference without registry, tag or digest: `quay.io/jupyter/base-notebook:x` → `jupyter/base-notebook`,
 * `nginx` → `nginx`.
 */
export function imageRepository(image: string): string {
  const ref = parseImage(image);
  return ref.explicitRegistry ? ref.repository : ref.repository.replace(/^library\//, "");
}

/** The names an object is known by: its name, its identity labels' values and (for pods) its images' repositories. */
export function identityNames(name: string, labels: Record<string, string>, images: readonly string[] = []): string[] {
  const out = [name];
  for (const k of IDENTITY_LABELS) if (labels[k]) out.push(labels[k]);
  for (const i of images) out.push(imageRepository(i));
  return out.filter((s) => s !== "");
}

/** The first pattern (a case-insensitive substring) that one of the names contains. */
export function matchPattern(names: readonly string[], patterns: readonly string[]): string | undefined {
  const lower = names.map((n) => n.toLowerCase());
  return patterns.find((p) => p.trim() !== "" && lower.some((n) => n.includes(p.trim().toLowerCase())));
}
