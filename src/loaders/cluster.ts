// Live-cluster scan: lists objects from the Kubernetes API (kubeconfig, context, namespaces) and turns them into
// Resources the rules read like manifests. Secrets are read as metadata only: their data never reaches shipshape.
import http from "node:http";
import https from "node:https";
import { KubeConfig } from "@kubernetes/client-node";
import { UsageError } from "../engine/errors.js";
import type { LoadProblem } from "../model/finding.js";
import { type Located, type Locator, Resource, isClusterScoped } from "../model/resource.js";
import { type JsonObject, isObject } from "../model/types.js";
import type { LoadResult } from "./manifest.js";

export interface ClusterOptions {
  /** Kubeconfig file (default: $KUBECONFIG, else ~/.kube/config, else in-cluster). */
  kubeconfig?: string | undefined;
  /** Context to use (default: the kubeconfig's current context). */
  context?: string | undefined;
  /** Only these namespaces (default: all). Cluster-scoped RBAC objects are still read. */
  namespaces?: readonly string[] | undefined;
  /** Objects per list call (default 500). */
  pageSize?: number | undefined;
  /** Timeout of each request in milliseconds (default 30 s). */
  timeoutMs?: number | undefined;
}

export interface ClusterLoadResult extends LoadResult {
  /** The context the scan used. */
  context: string;
  /** List calls made (pages included). */
  requests: number;
}

/** One kind to list: API group path, plural, and whether it is namespaced. */
interface KindSpec {
  apiVersion: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  /** Ask for PartialObjectMetadataList: only metadata arrives (Secrets). */
  metadataOnly?: boolean;
}

export const CLUSTER_KINDS: readonly KindSpec[] = [
  { apiVersion: "v1", kind: "Namespace", plural: "namespaces", namespaced: false },
  { apiVersion: "apps/v1", kind: "Deployment", plural: "deployments", namespaced: true },
  { apiVersion: "apps/v1", kind: "StatefulSet", plural: "statefulsets", namespaced: true },
  { apiVersion: "apps/v1", kind: "DaemonSet", plural: "daemonsets", namespaced: true },
  { apiVersion: "apps/v1", kind: "ReplicaSet", plural: "replicasets", namespaced: true },
  { apiVersion: "batch/v1", kind: "CronJob", plural: "cronjobs", namespaced: true },
  { apiVersion: "batch/v1", kind: "Job", plural: "jobs", namespaced: true },
  { apiVersion: "v1", kind: "Pod", plural: "pods", namespaced: true },
  { apiVersion: "v1", kind: "Service", plural: "services", namespaced: true },
  { apiVersion: "v1", kind: "ServiceAccount", plural: "serviceaccounts", namespaced: true },
  { apiVersion: "v1", kind: "Secret", plural: "secrets", namespaced: true, metadataOnly: true },
  { apiVersion: "networking.k8s.io/v1", kind: "Ingress", plural: "ingresses", namespaced: true },
  { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", plural: "networkpolicies", namespaced: true },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", plural: "roles", namespaced: true },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", plural: "rolebindings", namespaced: true },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", plural: "clusterroles", namespaced: false },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", plural: "clusterrolebindings", namespaced: false },
  { apiVersion: "policy/v1", kind: "PodDisruptionBudget", plural: "poddisruptionbudgets", namespaced: true },
  { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", plural: "horizontalpodautoscalers", namespaced: true },
];

/** Controllers whose Pods, ReplicaSets and Jobs are reported through the controller, not one by one. */
const CONTROLLER_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"]);

export const METADATA_ACCEPT = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";

/** Objects read from the API have no lines: every path resolves to the object itself, at line 1 (reports require lines ≥ 1). */
class ClusterLocator implements Locator {
  locate(): Located {
    return { line: 1, column: 1, exact: false };
  }
}
const LOCATOR = new ClusterLocator();

/** What each object is shown as: `cluster:<context>/<namespace>/<kind>/<name>` (`_` for cluster-scoped). */
export function clusterDisplay(context: string, kind: string, name: string, namespace: string | undefined): string {
  return `cluster:${context}/${namespace ?? "_"}/${kind}/${name}`;
}

class ApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Reads the kubeconfig and the chosen context. Throws UsageError when it cannot. */
export function loadKubeConfig(options: ClusterOptions): KubeConfig {
  const kc = new KubeConfig();
  try {
    if (options.kubeconfig !== undefined) kc.loadFromFile(options.kubeconfig);
    else kc.loadFromDefault();
  } catch (err) {
    throw new UsageError(`cannot read kubeconfig${options.kubeconfig ? ` ${options.kubeconfig}` : ""}: ${(err as Error).message}`);
  }
  if (options.context !== undefined) {
    if (!kc.getContexts().some((c) => c.name === options.context)) {
      throw new UsageError(`--context ${options.context}: no such context in the kubeconfig (${kc.getContexts().map((c) => c.name).join(", ") || "none"})`);
    }
    kc.setCurrentContext(options.context);
  }
  if (!kc.getCurrentCluster()) throw new UsageError("the kubeconfig has no cluster for the current context (pass --kubeconfig or --context)");
  return kc;
}

/** Lists the objects of the cluster; a list that fails becomes a `render-error` diagnostic and the scan goes on. */
export async function loadCluster(options: ClusterOptions): Promise<ClusterLoadResult> {
  const kc = loadKubeConfig(options);
  const context = kc.getCurrentContext() || "default";
  const cluster = kc.getCurrentCluster()!;
  const base = new URL(cluster.server.endsWith("/") ? cluster.server : `${cluster.server}/`);
  const pageSize = options.pageSize ?? 500;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const namespaces = options.namespaces && options.namespaces.length > 0 ? [...new Set(options.namespaces)] : undefined;
  const problems: LoadProblem[] = [];
  const objects: JsonObject[] = [];
  let requests = 0;

  try {
    // Credentials that cannot be applied (a failing exec plugin, HTTP without insecure-skip-tls-verify) stop the scan.
    await kc.applyToHTTPSOptions({ headers: {} });
  } catch (err) {
    throw new UsageError(`context ${context}: cannot use the kubeconfig's credentials for ${cluster.server}: ${(err as Error).message}`);
  }

  const get = async (path: string, accept: string): Promise<JsonObject> => {
    requests++;
    const url = new URL(path.replace(/^\//, ""), base);
    const opts: https.RequestOptions = { method: "GET", headers: { Accept: accept } };
    await kc.applyToHTTPSOptions(opts);
    // The library builds an HTTPS agent (CA, client certificate); a plain-HTTP server (a local proxy) takes none.
    if (url.protocol === "http:") delete opts.agent;
    return request(url, opts, timeoutMs);
  };

  for (const spec of CLUSTER_KINDS) {
    const scopes: (string | undefined)[] = spec.namespaced && namespaces ? namespaces : [undefined];
    for (const ns of scopes) {
      const prefix = spec.apiVersion.includes("/") ? `apis/${spec.apiVersion}` : `api/${spec.apiVersion}`;
      const path = `${prefix}/${ns !== undefined ? `namespaces/${encodeURIComponent(ns)}/` : ""}${spec.plural}`;
      try {
        let token: string | undefined;
        do {
          const query = new URLSearchParams({ limit: String(pageSize) });
          if (token) query.set("continue", token);
          const list = await get(`${path}?${query}`, spec.metadataOnly ? METADATA_ACCEPT : "application/json");
          const items = Array.isArray(list.items) ? list.items : [];
          for (const item of items) if (isObject(item)) objects.push(toObject(item, spec));
          const meta = isObject(list.metadata) ? list.metadata : {};
          token = typeof meta.continue === "string" && meta.continue !== "" ? meta.continue : undefined;
        } while (token);
      } catch (err) {
        const status = err instanceof ApiError && err.status !== undefined ? ` (HTTP ${err.status})` : "";
        problems.push({
          ruleId: "render-error",
          severity: "high",
          messageId: "clusterList",
          message: `cannot list ${spec.plural}${ns !== undefined ? ` in namespace ${ns}` : ""}${status}: ${(err as Error).message}`,
          file: `cluster:${context}/${ns ?? "_"}/${spec.kind}`,
          line: 1,
          column: 1,
        });
      }
    }
  }

  const wanted = namespaces ? new Set(namespaces) : undefined;
  const present = new Set(objects.map((o) => keyOf(o.kind as string, meta(o).namespace as string | undefined, meta(o).name as string)));
  const resources: Resource[] = [];
  for (const o of objects) {
    const m = meta(o);
    const kind = String(o.kind);
    const ns = typeof m.namespace === "string" && m.namespace !== "" ? m.namespace : undefined;
    if (wanted && kind === "Namespace" && !wanted.has(String(m.name))) continue;
    if (ownedByController(m, ns, present)) continue;
    const file = clusterDisplay(context, kind, String(m.name ?? ""), isClusterScoped(kind) ? undefined : ns);
    resources.push(new Resource(o, { file, document: 0, prefix: [], locator: LOCATOR }));
  }
  return { resources, problems, documents: resources.length, skipped: 0, context, requests };
}

function meta(o: JsonObject): JsonObject {
  return isObject(o.metadata) ? o.metadata : {};
}

function keyOf(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ""}/${name}`;
}

/** A Pod, ReplicaSet or Job whose controlling owner is a controller shipshape also read: reported through it. */
function ownedByController(m: JsonObject, ns: string | undefined, present: Set<string>): boolean {
  const owners = Array.isArray(m.ownerReferences) ? m.ownerReferences : [];
  return owners.some((r) => isObject(r) && r.controller === true && CONTROLLER_KINDS.has(String(r.kind)) && present.has(keyOf(String(r.kind), ns, String(r.name))));
}

/** A list item as a standalone object: apiVersion and kind set, managedFields dropped, Secrets as metadata only. */
function toObject(item: JsonObject, spec: KindSpec): JsonObject {
  const m = { ...meta(item) };
  delete m.managedFields;
  if (spec.metadataOnly) return { apiVersion: spec.apiVersion, kind: spec.kind, metadata: m };
  const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = item;
  return { apiVersion: spec.apiVersion, kind: spec.kind, metadata: m, ...rest };
}

function request(url: URL, opts: https.RequestOptions, timeoutMs: number): Promise<JsonObject> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === "http:" ? http : https;
    const req = lib.request(url, { ...opts, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        let parsed: unknown;
        try {
          parsed = JSON.parse(body);
        } catch {
          parsed = undefined;
        }
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          const reason = isObject(parsed) && typeof parsed.message === "string" ? parsed.message : body.slice(0, 200) || (res.statusMessage ?? "");
          reject(new ApiError(reason, status));
          return;
        }
        if (!isObject(parsed)) {
          reject(new ApiError("the API server answered with something that is not a JSON object"));
          return;
        }
        resolve(parsed);
      });
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", (err) => reject(new ApiError(`cannot reach the API server at ${url.origin}: ${err.message}`)));
    req.end();
  });
}
