import type { Inventory } from "../../engine/inventory.js";
import { defineRule } from "../../engine/rule-types.js";
import { hasTemplate } from "../../model/image.js";
import type { Resource } from "../../model/resource.js";
import { type JsonObject, type YamlPath, getIn, isObject } from "../../model/types.js";
import { asArray, truthy } from "../../model/values.js";
import { folderOf, related } from "./_scope.js";

// Semantics:
// - References are namespace-local: the workload's namespace is searched.
// - `optional: true` references never block the pod: not reported, neither a missing object nor a missing key.
// - A missing object is reported only when the scan holds ConfigMaps (resp. Secrets) of that namespace from a nearby
//   file (the same folder, a parent or child folder, or a sibling folder): a project that commits none manages them
//   elsewhere (a secret manager, `kubectl create secret`), and a scan of many unrelated projects sharing the default
//   namespace must not make one project's references look missing.
// - Objects other objects create count as present: cert-manager Certificates, External Secrets, Sealed Secrets,
//   Vault Secrets Operator, the Secrets Store CSI driver's synced Secrets, 1Password items, Crossplane connection
//   Secrets, and the `kube-root-ca.crt` ConfigMap Kubernetes puts in every namespace. So do objects that a Role or
//   ClusterRole of the scan names in `resourceNames` for secrets/configmaps: the project expects them to exist at run
//   time (created by a Job, an init container or an operator). Their keys are unknown.
// - A missing key is reported when the referenced object is in the scan and has no such key (data/stringData for
//   Secrets, data/binaryData for ConfigMaps).

type Kind = "ConfigMap" | "Secret";

interface Target {
  /** Keys of the object, or undefined when another object creates it and its keys are unknown. */
  keys: Set<string> | undefined;
}

interface RefIndex {
  targets: Map<string, Target>;
  /** Per kind and namespace ("*" for every namespace): the folders of the files that hold such objects. */
  managed: Map<string, Set<string>>;
}

const key = (kind: Kind, namespace: string, name: string) => `${kind}\u0000${namespace}\u0000${name}`;

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

function group(r: Resource): string {
  const i = r.apiVersion.indexOf("/");
  return i < 0 ? "" : r.apiVersion.slice(0, i);
}

/** Secrets that objects of the scan make controllers create: [name, namespace or "*" for all]. */
function producedSecrets(r: Resource, ns: string | undefined): [string, string][] {
  const o = r.object;
  const spec = isObject(o.spec) ? o.spec : {};
  const here = ns ?? "";
  const out: [string, string][] = [];
  const add = (name: unknown, where = here) => {
    const n = str(name);
    if (n !== undefined) out.push([n, where]);
  };
  const g = group(r);
  if (g === "cert-manager.io" && r.kind === "Certificate") add(spec.secretName);
  if (g === "external-secrets.io" && r.kind === "ExternalSecret") add(getIn(spec, ["target", "name"]) ?? r.name);
  if (g === "external-secrets.io" && r.kind === "ClusterExternalSecret") {
    add(getIn(spec, ["externalSecretSpec", "target", "name"]) ?? spec.externalSecretName ?? r.name, "*");
  }
  if (g === "bitnami.com" && r.kind === "SealedSecret") add(getIn(spec, ["template", "metadata", "name"]) ?? r.name);
  if (g === "secrets.hashicorp.com") add(getIn(spec, ["destination", "name"]));
  if (g === "onepassword.com" && r.kind === "OnePasswordItem") add(r.name);
  if (g === "secrets-store.csi.x-k8s.io" && r.kind === "SecretProviderClass") {
    for (const so of asArray(spec.secretObjects)) if (isObject(so)) add(so.secretName);
  }
  const conn = spec.writeConnectionSecretToRef; // Crossplane managed resources and claims
  if (isObject(conn)) add(conn.name, str(conn.namespace) ?? here);
  return out;
}

function keysOf(r: Resource, fields: string[]): Set<string> {
  const keys = new Set<string>();
  for (const f of fields) {
    const d = r.object[f];
    if (isObject(d)) for (const k of Object.keys(d)) keys.add(k);
  }
  return keys;
}

/** Names of secrets/configmaps a Role or ClusterRole grants access to by name: [kind, name, namespace or "*"]. */
function namedInRoles(r: Resource, ns: string | undefined): [Kind, string, string][] {
  if (group(r) !== "rbac.authorization.k8s.io" || (r.kind !== "Role" && r.kind !== "ClusterRole")) return [];
  const where = r.kind === "ClusterRole" ? "*" : (ns ?? "*");
  const out: [Kind, string, string][] = [];
  for (const rule of asArray(r.object.rules)) {
    if (!isObject(rule)) continue;
    const groups = asArray(rule.apiGroups);
    if (!groups.includes("") && !groups.includes("*")) continue;
    const resources = asArray(rule.resources);
    for (const n of asArray(rule.resourceNames)) {
      if (typeof n !== "string" || n === "") continue;
      if (resources.includes("secrets") || resources.includes("*")) out.push(["Secret", n, where]);
      if (resources.includes("configmaps") || resources.includes("*")) out.push(["ConfigMap", n, where]);
    }
  }
  return out;
}

function buildIndex(inv: Inventory): RefIndex {
  const targets = new Map<string, Target>();
  const managed = new Map<string, Set<string>>();
  const manage = (kind: Kind, ns: string, r: Resource) => {
    const k = `${kind}\u0000${ns}`;
    const set = managed.get(k) ?? new Set<string>();
    set.add(folderOf(r));
    managed.set(k, set);
  };
  for (const r of inv.resources) {
    const ns = inv.namespaceOf(r);
    if (r.apiVersion === "v1" && (r.kind === "ConfigMap" || r.kind === "Secret") && ns !== undefined) {
      const kind = r.kind;
      const fields = kind === "Secret" ? ["data", "stringData"] : ["data", "binaryData"];
      const k = key(kind, ns, r.name);
      const prev = targets.get(k);
      const keys = keysOf(r, fields);
      // The same object twice (overlays, several files): a key in any copy counts.
      if (prev?.keys) for (const x of prev.keys) keys.add(x);
      targets.set(k, { keys: prev && !prev.keys ? undefined : keys });
      manage(kind, ns, r);
      continue;
    }
    for (const [name, where] of producedSecrets(r, ns)) {
      targets.set(key("Secret", where, name), { keys: undefined });
      manage("Secret", where, r);
    }
    for (const [kind, name, where] of namedInRoles(r, ns)) {
      if (!targets.has(key(kind, where, name))) targets.set(key(kind, where, name), { keys: undefined });
    }
  }
  return { targets, managed };
}

function find(index: RefIndex, kind: Kind, ns: string, name: string): Target | undefined {
  if (kind === "ConfigMap" && (name === "kube-root-ca.crt" || name === "openshift-service-ca.crt")) return { keys: undefined };
  return index.targets.get(key(kind, ns, name)) ?? index.targets.get(key(kind, "*", name));
}

function manages(index: RefIndex, kind: Kind, ns: string, folder: string): boolean {
  for (const where of [ns, "*"]) {
    for (const f of index.managed.get(`${kind}\u0000${where}`) ?? []) if (related(folder, f)) return true;
  }
  return false;
}

export default defineRule({
  id: "env-ref-missing",
  title: "Referenced Secret or ConfigMap missing",
  rationale:
    "A container whose environment reads a ConfigMap or Secret that does not exist, or a key the object does not " +
    "have, does not start: the kubelet reports CreateContainerConfigError and the rollout stalls. When the object is " +
    "created later outside the reviewed manifests, the pod silently picks up values that nobody reviewed.",
  attack:
    "An attacker who can create ConfigMaps or Secrets in the namespace (a common grant for CI and developer roles) " +
    "creates the missing object with values of their choice, such as a proxy URL, a debug flag or a database host they " +
    "control, and the workload starts with them.",
  remediation:
    "Add the ConfigMap or Secret (or the object that generates it) to the manifests, fix the name or key if it is a " +
    "typo, or mark the reference `optional: true` when the workload is meant to run without it.",
  example: {
    insecure: `apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
data:
  log_level: info
---
apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: registry.example/api:1.0
      env:
        - name: LOG_LEVEL
          valueFrom:
            configMapKeyRef:
              name: api-settings
              key: log_level
`,
    secure: `apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
data:
  log_level: info
---
apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: registry.example/api:1.0
      env:
        - name: LOG_LEVEL
          valueFrom:
            configMapKeyRef:
              name: api-config
              key: log_level
`,
  },
  messages: {
    missingObject: "Container '{{container}}' reads {{kind}} '{{name}}', which is not in namespace '{{namespace}}' of the scan",
    missingKey: "Container '{{container}}' reads key '{{key}}' of {{kind}} '{{name}}', which has no such key",
  },
  check(ctx) {
    const w = ctx.workload;
    const ns = ctx.inventory.namespaceOf(ctx.resource);
    if (!w || ns === undefined) return;
    const index = ctx.inventory.memo("secrets/env-ref-targets", buildIndex);

    const examine = (c: (typeof w.containers)[number], kind: Kind, ref: JsonObject, refPath: YamlPath, wantKey: boolean) => {
      if (truthy(ref.optional)) return;
      const name = str(ref.name);
      if (name === undefined || hasTemplate(name)) return;
      const target = find(index, kind, ns, name);
      if (!target) {
        if (!manages(index, kind, ns, folderOf(ctx.resource))) return;
        ctx.report({ messageId: "missingObject", data: { container: c.name, kind, name, namespace: ns }, path: [...refPath, "name"], container: c });
        return;
      }
      const k = str(ref.key);
      if (!wantKey || !target.keys || k === undefined || hasTemplate(k) || target.keys.has(k)) return;
      ctx.report({ messageId: "missingKey", data: { container: c.name, kind, name, key: k }, path: [...refPath, "key"], container: c });
    };

    for (const c of w.containers) {
      asArray(c.spec.env).forEach((e, i) => {
        if (!isObject(e) || !isObject(e.valueFrom)) return;
        const vf = e.valueFrom;
        const base = [...c.path, "env", i, "valueFrom"];
        if (isObject(vf.configMapKeyRef)) examine(c, "ConfigMap", vf.configMapKeyRef, [...base, "configMapKeyRef"], true);
        if (isObject(vf.secretKeyRef)) examine(c, "Secret", vf.secretKeyRef, [...base, "secretKeyRef"], true);
      });
      asArray(c.spec.envFrom).forEach((e, i) => {
        if (!isObject(e)) return;
        const base = [...c.path, "envFrom", i];
        if (isObject(e.configMapRef)) examine(c, "ConfigMap", e.configMapRef, [...base, "configMapRef"], false);
        if (isObject(e.secretRef)) examine(c, "Secret", e.secretRef, [...base, "secretRef"], false);
      });
    }
  },
});
