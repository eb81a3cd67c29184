// What each workload of the scan is, as far as an attacker cares: its pods (labels, ports), its identity
// (ServiceAccount and whether the token reaches the pods), its RBAC powers, the Secrets it reads and what it
// can do to its node. Built on the model code: services.ts (pod templates), rbac.ts, workload.ts.
import type { Inventory } from "../engine/inventory.js";
import { isHelmTestHook } from "../model/helm.js";
import { type Grant, type Identity, RbacModel, type ServiceAccountRef, type TokenMount, ruleAllows, serviceAccountIdentity, tokenMount, workloadServiceAccount } from "../model/rbac.js";
import type { Resource } from "../model/resource.js";
import { type PodTemplate, serviceIndex } from "../model/services.js";
import { type YamlPath, formatPath, isObject } from "../model/types.js";
import { asArray, truthy } from "../model/values.js";
import type { Workload } from "../model/workload.js";
import type { SurfaceRef, TargetKind } from "./types.js";

/** One power of an identity or a workload that ends an attack path. */
export interface Power {
  kind: TargetKind;
  /** Namespace for namespaced Secrets; undefined for cluster-wide powers. */
  scope?: string;
  /** Graph node id of the target. */
  node: string;
  /** The object that grants it (binding, or the workload with the setting's path). */
  ref: SurfaceRef;
  fact: string;
  breakWith: string[];
}

export interface WorkloadNode {
  id: string;
  resource: Resource;
  template: PodTemplate;
  workload: Workload;
  namespace: string;
  ref: SurfaceRef;
  serviceAccount: ServiceAccountRef;
  saId: string;
  token: TokenMount;
  /** RBAC powers of the ServiceAccount (whether or not the token is mounted). */
  rbacPowers: Power[];
  /** What the pods can do to their node; `takeover` powers end paths at the node. */
  node: { takeover: Power[]; other: string[] };
  /** Secrets the pods read (volumes, env, envFrom), by name. */
  secrets: string[];
}

export function refOf(r: Resource, path?: YamlPath, defaultNamespace?: string): SurfaceRef {
  const loc = r.locate(path ?? []);
  const out: SurfaceRef = { kind: r.kind, name: r.name };
  const ns = defaultNamespace === undefined ? r.namespace : r.namespaceOr(defaultNamespace);
  if (ns !== undefined) out.namespace = ns;
  out.file = loc.file ?? r.source.file;
  out.line = loc.line;
  if (path && path.length > 0) out.path = formatPath(path);
  return out;
}

export function nodeId(kind: string, namespace: string | undefined, name: string): string {
  return namespace === undefined ? `${kind}/${name}` : `${kind}/${namespace}/${name}`;
}

const TAKEOVER_CAPS = new Set(["SYS_ADMIN", "ALL", "SYS_MODULE", "SYS_PTRACE", "DAC_READ_SEARCH", "SYS_RAWIO"]);
const RUNTIME_SOCKETS = ["/var/run/docker.sock", "/run/docker.sock", "/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock", "/var/run/crio/crio.sock", "/run/crio/crio.sock", "/var/run/cri-dockerd.sock"];
/** Host directories whose write access gives the node: the root, system and kubelet/runtime state. */
const SENSITIVE_DIRS = ["/", "/etc", "/root", "/home", "/usr", "/bin", "/sbin", "/lib", "/boot", "/proc", "/sys", "/dev", "/var", "/var/lib/kubelet", "/var/lib/docker", "/var/lib/containerd", "/var/run", "/run", "/opt/cni", "/etc/kubernetes"];

function normalize(p: string): string {
  const n = p.replace(/\/+/g, "/");
  return n.length > 1 && n.endsWith("/") ? n.slice(0, -1) : n;
}

/** Node powers: privileged containers, dangerous capabilities, runtime sockets and writable sensitive hostPaths (takeover); host namespaces and other hostPaths (other). */
function nodeAccess(w: Workload, id: string, ref: (path: YamlPath) => SurfaceRef): WorkloadNode["node"] {
  const takeover: Power[] = [];
  const other: string[] = [];
  const add = (path: YamlPath, fact: string, breakWith: string[]) => takeover.push({ kind: "node", node: "target:node", ref: ref(path), fact, breakWith });
  for (const c of w.containers) {
    if (truthy(c.own("privileged").value)) add(c.own("privileged").path, `container ${c.name} is privileged: it can take over the node`, ["privileged-container"]);
    const caps = c.own("capabilities").value;
    const added = isObject(caps) ? asArray(caps.add).map((x) => String(x).toUpperCase().replace(/^CAP_/, "")) : [];
    const bad = added.filter((x) => TAKEOVER_CAPS.has(x));
    if (bad.length > 0) add([...c.securityContextPath, "capabilities", "add"], `container ${c.name} adds ${bad.join(", ")}: enough to escape to the node`, bad.includes("SYS_ADMIN") ? ["cap-sys-admin", "dangerous-capabilities"] : ["dangerous-capabilities"]);
  }
  const spec = w.podSpec;
  if (truthy(spec.hostPID)) other.push("hostPID");
  if (truthy(spec.hostIPC)) other.push("hostIPC");
  if (truthy(spec.hostNetwork)) other.push("hostNetwork");
  asArray(spec.volumes).forEach((v, i) => {
    if (!isObject(v) || !isObject(v.hostPath) || typeof v.hostPath.path !== "string") return;
    const host = normalize(v.hostPath.path);
    const name = typeof v.name === "string" ? v.name : "";
    const writable = w.containers.some((c) => asArray(c.spec.volumeMounts).some((m) => isObject(m) && m.name === name && m.readOnly !== true));
    const path = w.at("volumes", i, "hostPath", "path");
    if (RUNTIME_SOCKETS.includes(host) || /\/(docker|containerd|crio|cri-dockerd)\.sock$/.test(host)) {
      add(path, `mounts the container runtime socket ${host}: it can start privileged containers on the node`, ["container-runtime-socket-mount"]);
    } else if (writable && SENSITIVE_DIRS.includes(host)) {
      add(path, `mounts host path ${host} writable: it can change the node`, ["writable-host-path", "sensitive-host-path"]);
    } else {
      other.push(`hostPath ${host}${writable ? " (writable)" : ""}`);
    }
  });
  void id;
  return { takeover, other };
}

/** Names of the Secrets the pods read: secret and projected volumes, env secretKeyRef, envFrom secretRef. */
function secretsRead(w: Workload): string[] {
  const out = new Set<string>();
  for (const v of asArray(w.podSpec.volumes)) {
    if (!isObject(v)) continue;
    if (isObject(v.secret) && typeof v.secret.secretName === "string") out.add(v.secret.secretName);
    if (isObject(v.projected)) for (const s of asArray(v.projected.sources)) if (isObject(s) && isObject(s.secret) && typeof s.secret.name === "string") out.add(s.secret.name);
  }
  for (const c of w.containers) {
    for (const e of asArray(c.spec.env)) {
      if (isObject(e) && isObject(e.valueFrom) && isObject(e.valueFrom.secretKeyRef) && typeof e.valueFrom.secretKeyRef.name === "string") out.add(e.valueFrom.secretKeyRef.name);
    }
    for (const e of asArray(c.spec.envFrom)) if (isObject(e) && isObject(e.secretRef) && typeof e.secretRef.name === "string") out.add(e.secretRef.name);
  }
  return [...out].sort();
}

function grantRef(g: Grant): SurfaceRef {
  const r = g.binding.resource;
  if (r) return refOf(r);
  return { kind: g.binding.kind, name: g.binding.name };
}

function via(g: Grant): string {
  const src = g.rule.role !== g.role ? ` (aggregates ${g.rule.role.kind} ${g.rule.role.name})` : "";
  return `${g.binding.kind} ${g.binding.namespace ? `${g.binding.namespace}/` : ""}${g.binding.name} -> ${g.role.kind} ${g.role.name}${src}`;
}

/**
 * The powers of an identity that end attack paths: everything cluster-wide (cluster-admin or a role that allows
 * everything), reading Secrets cluster-wide, reading Secrets in a namespace. Kubernetes' default bindings are left
 * out (they grant none of these to ServiceAccounts). Namespace grants that allow everything count as Secrets;
 * cluster-admin hides the Secrets powers it includes.
 */
export function identityPowers(model: RbacModel, identity: Identity, who: string): Power[] {
  const grants = model.grantsFor(identity, { includeBuiltinBindings: false });
  const out = new Map<string, Power>();
  const put = (p: Power) => {
    if (!out.has(p.node)) out.set(p.node, p);
  };
  const readsSecrets = (g: Grant) => ["get", "list"].some((verb) => ruleAllows(g.rule, { verb, apiGroup: "", resource: "secrets" }));
  for (const g of grants) {
    if (g.namespace === undefined && g.role.grantsEverything) {
      put({ kind: "cluster-admin", node: "target:cluster-admin", ref: grantRef(g), fact: `${who} can do everything in the cluster via ${via(g)}`, breakWith: ["cluster-admin-binding", "workload-with-privileged-rbac"] });
    }
  }
  for (const g of grants) {
    if (!readsSecrets(g)) continue;
    const scope = g.namespace;
    const node = scope === undefined ? "target:secrets" : `target:secrets/${scope}`;
    put({
      kind: "secrets", ...(scope === undefined ? {} : { scope }), node, ref: grantRef(g),
      fact: `${who} can read Secrets ${scope === undefined ? "in all namespaces" : `in ${scope}`} via ${via(g)}`,
      breakWith: ["rbac-secrets-access", "workload-with-privileged-rbac"],
    });
  }
  // Doing everything includes reading Secrets; Secrets in every namespace make namespaced ones redundant.
  if (out.has("target:cluster-admin")) for (const k of [...out.keys()]) if (k.startsWith("target:secrets")) out.delete(k);
  if (out.has("target:secrets")) for (const k of [...out.keys()]) if (k.startsWith("target:secrets/")) out.delete(k);
  return [...out.values()];
}

/** The workloads of the scan (objects with a pod spec whose pods run: no PodTemplate, no Helm test hook). */
export function workloadNodes(inventory: Inventory): WorkloadNode[] {
  return inventory.memo("analysis/workloads", (inv) => {
    const model = RbacModel.of(inv);
    const services = serviceIndex(inv);
    const powersBySa = new Map<string, Power[]>();
    const out: WorkloadNode[] = [];
    for (const t of services.templates) {
      const w = t.workload;
      if (!w || t.resource.kind === "PodTemplate" || isHelmTestHook(t.resource)) continue;
      const r = t.resource;
      const sa = workloadServiceAccount(w, inv.defaultNamespace);
      const saId = nodeId("ServiceAccount", sa.namespace, sa.name);
      let powers = powersBySa.get(saId);
      if (!powers) powersBySa.set(saId, (powers = identityPowers(model, serviceAccountIdentity(sa.namespace, sa.name), `ServiceAccount ${sa.namespace}/${sa.name}`)));
      const id = nodeId(r.kind, t.namespace, r.name);
      out.push({
        id, resource: r, template: t, workload: w, namespace: t.namespace, ref: refOf(r, undefined, inv.defaultNamespace),
        serviceAccount: sa, saId, token: tokenMount(w, inv), rbacPowers: powers,
        node: nodeAccess(w, id, (path) => refOf(r, path, inv.defaultNamespace)),
        secrets: secretsRead(w),
      });
    }
    disambiguate(out, (n) => n.id, (n, id) => (n.id = id), (n) => n.ref);
    out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return out;
  });
}

/**
 * Several objects of a scan can share kind, namespace and name (variants of one manifest in several files):
 * they stay separate nodes, told apart by `@file:line`.
 */
export function disambiguate<T>(items: T[], get: (x: T) => string, set: (x: T, id: string) => void, ref: (x: T) => SurfaceRef): void {
  const count = new Map<string, number>();
  for (const x of items) count.set(get(x), (count.get(get(x)) ?? 0) + 1);
  for (const x of items) {
    if ((count.get(get(x)) ?? 0) < 2) continue;
    const r = ref(x);
    set(x, `${get(x)}@${r.file ?? ""}:${r.line ?? 0}`);
  }
}
