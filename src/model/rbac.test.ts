import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { Inventory } from "../engine/inventory.js";
import { loadManifestText } from "../loaders/manifest.js";
import {
  ANONYMOUS, RbacModel, grantsEverything, isBuiltinRoleObject, parseServiceAccountUser, serviceAccountIdentity, tokenMount,
  userIdentity, workloadServiceAccount,
} from "./rbac.js";

function inventory(...objects: object[]): Inventory {
  const loaded = loadManifestText(objects.map((o) => stringify(o)).join("---\n"), "test.yaml");
  if (loaded.problems.length > 0) throw new Error(loaded.problems.map((p) => p.message).join("; "));
  return new Inventory(loaded.resources, "default");
}

function model(...objects: object[]): RbacModel {
  return RbacModel.of(inventory(...objects));
}

const rbac = "rbac.authorization.k8s.io/v1";
const clusterRole = (name: string, rules: unknown, extra: Record<string, unknown> = {}) => ({ apiVersion: rbac, kind: "ClusterRole", metadata: { name, ...extra }, rules });
const role = (namespace: string, name: string, rules: object[]) => ({ apiVersion: rbac, kind: "Role", metadata: { name, namespace }, rules });
const crb = (name: string, roleName: string, subjects: unknown[]) => ({
  apiVersion: rbac, kind: "ClusterRoleBinding", metadata: { name }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName }, subjects,
});
const rb = (namespace: string, name: string, kind: string, roleName: string, subjects: object[]) => ({
  apiVersion: rbac, kind: "RoleBinding", metadata: { name, namespace }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind, name: roleName }, subjects,
});
const sa = (namespace: string, name: string) => ({ kind: "ServiceAccount", name, namespace });

describe("RBAC model", () => {
  it("matches wildcards in verbs, groups and resources, and */subresource", () => {
    const m = model(
      clusterRole("all", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]),
      clusterRole("scale", [{ apiGroups: ["apps"], resources: ["*/scale"], verbs: ["update"] }]),
      crb("a", "all", [{ kind: "User", name: "alice" }]),
      crb("b", "scale", [{ kind: "User", name: "bob" }]),
    );
    const alice = userIdentity("alice");
    const bob = userIdentity("bob");
    expect(m.can(alice, { verb: "create", apiGroup: "", resource: "pods/exec", namespace: "x" })).toBe(true);
    expect(m.can(alice, { verb: "escalate", apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles" })).toBe(true);
    // "*" in resources does not cover non-resource URLs.
    expect(m.can(alice, { verb: "get", nonResourceURL: "/metrics" })).toBe(false);
    expect(m.can(bob, { verb: "update", apiGroup: "apps", resource: "deployments/scale", namespace: "x" })).toBe(true);
    expect(m.can(bob, { verb: "update", apiGroup: "apps", resource: "deployments", namespace: "x" })).toBe(false);
    expect(m.can(bob, { verb: "update", apiGroup: "", resource: "replicationcontrollers/scale", namespace: "x" })).toBe(false);
    expect(m.clusterRole("all")!.grantsEverything).toBe(true);
  });

  it("resourceNames restrict to named objects and never allow create or an unnamed list", () => {
    const m = model(
      role("app", "one-secret", [{ apiGroups: [""], resources: ["secrets"], resourceNames: ["tls"], verbs: ["get", "list", "create"] }]),
      rb("app", "b", "Role", "one-secret", [sa("app", "web")]),
    );
    const web = serviceAccountIdentity("app", "web");
    expect(m.can(web, { verb: "get", apiGroup: "", resource: "secrets", namespace: "app", name: "tls" })).toBe(true);
    expect(m.can(web, { verb: "get", apiGroup: "", resource: "secrets", namespace: "app", name: "db" })).toBe(false);
    expect(m.can(web, { verb: "list", apiGroup: "", resource: "secrets", namespace: "app" })).toBe(false);
    expect(m.can(web, { verb: "create", apiGroup: "", resource: "secrets", namespace: "app" })).toBe(false);
  });

  it("a RoleBinding to a ClusterRole grants it only in the RoleBinding's namespace", () => {
    const m = model(
      clusterRole("secret-reader", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }]),
      rb("team-a", "read", "ClusterRole", "secret-reader", [sa("team-a", "app")]),
    );
    const app = serviceAccountIdentity("team-a", "app");
    expect(m.can(app, { verb: "get", apiGroup: "", resource: "secrets", namespace: "team-a", name: "x" })).toBe(true);
    expect(m.can(app, { verb: "get", apiGroup: "", resource: "secrets", namespace: "team-b", name: "x" })).toBe(false);
    expect(m.can(app, { verb: "get", apiGroup: "", resource: "secrets", name: "x" })).toBe(false);
    const grants = m.grantsFor(app, { includeBuiltinBindings: false });
    expect(grants.map((g) => [g.binding.id, g.namespace, g.role.id])).toEqual([["RoleBinding/team-a/read", "team-a", "ClusterRole/secret-reader"]]);
  });

  it("a ServiceAccount subject may live in another namespace than the binding; without one it is the RoleBinding's", () => {
    const m = model(
      role("data", "reader", [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get"] }]),
      rb("data", "cross", "Role", "reader", [sa("web", "frontend"), { kind: "ServiceAccount", name: "local" }]),
    );
    expect(m.can(serviceAccountIdentity("web", "frontend"), { verb: "get", apiGroup: "", resource: "configmaps", namespace: "data" })).toBe(true);
    expect(m.can(serviceAccountIdentity("data", "frontend"), { verb: "get", apiGroup: "", resource: "configmaps", namespace: "data" })).toBe(false);
    expect(m.can(serviceAccountIdentity("data", "local"), { verb: "get", apiGroup: "", resource: "configmaps", namespace: "data" })).toBe(true);
    expect(m.can(serviceAccountIdentity("web", "frontend"), { verb: "get", apiGroup: "", resource: "configmaps", namespace: "web" })).toBe(false);
  });

  it("matches ServiceAccounts through User names and the ServiceAccount groups", () => {
    const m = model(
      clusterRole("r", [{ apiGroups: [""], resources: ["pods"], verbs: ["list"] }]),
      rb("ns1", "by-user", "ClusterRole", "r", [{ kind: "User", name: "system:serviceaccount:ns1:a" }]),
      rb("ns2", "by-ns-group", "ClusterRole", "r", [{ kind: "Group", name: "system:serviceaccounts:ns1" }]),
      rb("ns3", "by-all", "ClusterRole", "r", [{ kind: "Group", name: "system:authenticated" }]),
    );
    const a = serviceAccountIdentity("ns1", "a");
    expect(m.bindingsFor(a).map((b) => b.name).sort()).toEqual(["by-all", "by-ns-group", "by-user", "system:basic-user", "system:discovery", "system:public-info-viewer", "system:service-account-issuer-discovery"]);
    expect(m.can(a, { verb: "list", apiGroup: "", resource: "pods", namespace: "ns3" })).toBe(true);
    expect(m.can(ANONYMOUS, { verb: "list", apiGroup: "", resource: "pods", namespace: "ns3" })).toBe(false);
    expect(m.can(ANONYMOUS, { verb: "get", nonResourceURL: "/version" })).toBe(true);
    expect(parseServiceAccountUser("system:serviceaccount:ns1:a")).toEqual({ namespace: "ns1", name: "a" });
    expect(parseServiceAccountUser("alice")).toBeUndefined();
  });

  it("knows the built-in ClusterRoles that bindings name but manifests never contain", () => {
    const m = model(
      rb("team", "devs", "ClusterRole", "edit", [{ kind: "Group", name: "devs" }]),
      crb("ops", "cluster-admin", [{ kind: "User", name: "ops" }]),
      rb("team", "viewers", "ClusterRole", "view", [{ kind: "User", name: "viewer" }]),
    );
    const dev = userIdentity("dev", ["devs"]);
    expect(m.can(dev, { verb: "create", apiGroup: "", resource: "pods/exec", namespace: "team" })).toBe(true);
    expect(m.can(dev, { verb: "get", apiGroup: "", resource: "secrets", namespace: "team", name: "s" })).toBe(true);
    // edit does not manage RBAC; admin does (through system:aggregate-to-admin).
    expect(m.can(dev, { verb: "create", apiGroup: "rbac.authorization.k8s.io", resource: "rolebindings", namespace: "team" })).toBe(false);
    expect(m.clusterRole("admin")!.rules.some((r) => r.resources.includes("rolebindings"))).toBe(true);
    // view reads neither secrets nor pods/exec.
    const viewer = userIdentity("viewer");
    expect(m.can(viewer, { verb: "list", apiGroup: "", resource: "pods", namespace: "team" })).toBe(true);
    expect(m.can(viewer, { verb: "get", apiGroup: "", resource: "secrets", namespace: "team", name: "s" })).toBe(false);
    expect(m.can(userIdentity("ops"), { verb: "delete", apiGroup: "apps", resource: "deployments", namespace: "any" })).toBe(true);
    expect(m.clusterRole("cluster-admin")!.builtin).toBe(true);
    expect(m.clusterRole("system:node")!.rules.length).toBeGreaterThan(5);
    // system:masters bypasses RBAC; the default binding is in the model.
    expect(m.can(userIdentity("root", ["system:masters"]), { verb: "impersonate", apiGroup: "", resource: "users" })).toBe(true);
    expect(m.subjectsOf(m.clusterRole("cluster-admin")!).map((s) => `${s.subject.kind}:${s.subject.name}`).sort()).toEqual(["Group:system:masters", "User:ops"]);
  });

  it("aggregates ClusterRoles by label, also a scanned role labelled aggregate-to-edit into edit and admin", () => {
    const m = model(
      clusterRole("crontab-edit", [{ apiGroups: ["stable.example.com"], resources: ["crontabs"], verbs: ["create", "delete"] }], {
        labels: { "rbac.authorization.k8s.io/aggregate-to-edit": "true" },
      }),
      { apiVersion: rbac, kind: "ClusterRole", metadata: { name: "monitoring" }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { "example.com/aggregate-to-monitoring": "true" } }] }, rules: [] },
      clusterRole("monitoring-endpoints", [{ apiGroups: [""], resources: ["endpoints"], verbs: ["list"] }], { labels: { "example.com/aggregate-to-monitoring": "true" } }),
      crb("mon", "monitoring", [{ kind: "User", name: "prom" }]),
      rb("team", "admins", "ClusterRole", "admin", [{ kind: "User", name: "lead" }]),
    );
    const crontab = { verb: "create", apiGroup: "stable.example.com", resource: "crontabs", namespace: "team" };
    expect(m.clusterRole("edit")!.rules.some((r) => r.role.name === "crontab-edit")).toBe(true);
    expect(m.clusterRole("admin")!.rules.some((r) => r.role.name === "crontab-edit")).toBe(true);
    expect(m.clusterRole("view")!.rules.some((r) => r.role.name === "crontab-edit")).toBe(false);
    expect(m.can(userIdentity("lead"), crontab)).toBe(true);
    expect(m.aggregatorsOf(m.clusterRole("crontab-edit")!).map((r) => r.name).sort()).toEqual(["admin", "edit"]);
    expect(m.bindingsGranting(m.clusterRole("crontab-edit")!).map((b) => b.id)).toEqual(["RoleBinding/team/admins"]);
    expect(m.can(userIdentity("prom"), { verb: "list", apiGroup: "", resource: "endpoints", namespace: "x" })).toBe(true);
    expect(m.clusterRole("monitoring")!.aggregatedFrom.map((r) => r.name)).toEqual(["monitoring-endpoints"]);
  });

  it("merges a scanned copy of a default role with the defaults the API server reconciles back", () => {
    const inv = inventory(
      clusterRole("cluster-admin", [{ apiGroups: [""], resources: ["deployments"], verbs: ["get"] }]),
      clusterRole("system:test", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]),
      clusterRole("view", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }], { annotations: { "rbac.authorization.kubernetes.io/autoupdate": "false" } }),
    );
    const m = RbacModel.of(inv);
    expect(m.clusterRole("cluster-admin")!.grantsEverything).toBe(true);
    expect(m.clusterRole("cluster-admin")!.resource).toBeDefined();
    const [ca, test, view] = inv.resources;
    expect(isBuiltinRoleObject(ca!)).toBe(true);
    expect(isBuiltinRoleObject(test!)).toBe(false);
    expect(isBuiltinRoleObject(view!)).toBe(false);
    expect(m.roleOf(ca!)?.name).toBe("cluster-admin");
  });

  it("does not resolve a ClusterRoleBinding to a Role, nor a binding to a role it cannot find", () => {
    const m = model(
      role("default", "r", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]),
      { apiVersion: rbac, kind: "ClusterRoleBinding", metadata: { name: "bad" }, roleRef: { kind: "Role", name: "r" }, subjects: [{ kind: "User", name: "u" }] },
      crb("missing", "does-not-exist", [{ kind: "User", name: "u" }]),
    );
    expect(m.bindings().filter((b) => !b.builtin).map((b) => b.role)).toEqual([undefined, undefined]);
    expect(m.can(userIdentity("u"), { verb: "get", apiGroup: "", resource: "pods", namespace: "default" })).toBe(false);
  });

  it("reads wrong types without throwing", () => {
    const m = model(
      { apiVersion: rbac, kind: "ClusterRole", metadata: { name: "odd" }, rules: [{ apiGroups: "", resources: "secrets", verbs: "get" }, "junk", null] },
      { apiVersion: rbac, kind: "ClusterRole", metadata: { name: "odd2" }, rules: "nope", aggregationRule: "x" },
      { apiVersion: rbac, kind: "ClusterRoleBinding", metadata: { name: "b" }, roleRef: "odd", subjects: "everyone" },
      crb("c", "odd", [{ kind: "User", name: "u" }, "junk", { kind: "Robot", name: "r" }]),
    );
    const odd = m.clusterRole("odd")!;
    expect(odd.rules).toHaveLength(1);
    expect(odd.rules[0]!.itemPath("verbs", 0)).toEqual(["rules", 0, "verbs"]);
    expect(m.can(userIdentity("u"), { verb: "get", apiGroup: "", resource: "secrets", namespace: "x", name: "s" })).toBe(true);
    expect(grantsEverything(m.clusterRole("odd2")!.rules)).toBe(false);
  });

  it("knows a workload's ServiceAccount and whether its token is mounted", () => {
    const inv = inventory(
      { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "quiet", namespace: "app" }, automountServiceAccountToken: false },
      { apiVersion: "v1", kind: "Pod", metadata: { name: "a", namespace: "app" }, spec: { serviceAccountName: "quiet", containers: [{ name: "c", image: "i" }] } },
      { apiVersion: "v1", kind: "Pod", metadata: { name: "b", namespace: "app" }, spec: { serviceAccount: "old", containers: [{ name: "c", image: "i" }] } },
      { apiVersion: "v1", kind: "Pod", metadata: { name: "c", namespace: "app" }, spec: { serviceAccountName: "", serviceAccount: "old", automountServiceAccountToken: false, containers: [{ name: "c", image: "i" }] } },
      {
        apiVersion: "v1", kind: "Pod", metadata: { name: "d", namespace: "app" },
        spec: { serviceAccountName: "quiet", containers: [{ name: "c", image: "i" }], volumes: [{ name: "t", projected: { sources: [{ serviceAccountToken: { path: "token" } }] } }] },
      },
    );
    const [, a, b, c, d] = inv.resources.map((r) => inv.workloadOf(r));
    expect(workloadServiceAccount(a!, "default")).toMatchObject({ namespace: "app", name: "quiet", from: "serviceAccountName" });
    expect(workloadServiceAccount(b!, "default")).toMatchObject({ name: "old", from: "serviceAccount", path: ["spec", "serviceAccount"] });
    expect(workloadServiceAccount(c!, "default")).toMatchObject({ name: "old", from: "serviceAccount" });
    expect(tokenMount(a!, inv)).toMatchObject({ mounted: false, decidedBy: "serviceAccount" });
    expect(tokenMount(b!, inv)).toMatchObject({ mounted: true, decidedBy: "default", path: ["spec", "automountServiceAccountToken"] });
    expect(tokenMount(c!, inv)).toMatchObject({ mounted: false, decidedBy: "pod" });
    expect(tokenMount(d!, inv)).toMatchObject({ mounted: true, decidedBy: "projectedVolume" });
    const m = RbacModel.of(inv);
    expect(m.workloadGrants(b!)).toMatchObject({ serviceAccount: { namespace: "app", name: "old" }, identity: { user: "system:serviceaccount:app:old" } });
    expect(m.workloadGrants(b!, { includeBuiltinBindings: false }).grants).toEqual([]);
  });
});
