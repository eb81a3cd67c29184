// Unit tests of the analysis: reachability under NetworkPolicies (reach.ts) and the risk factors (risk.ts).
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { analyze } from "../src/analysis/index.js";
import { Reachability } from "../src/analysis/reach.js";
import { type WorkloadNode, workloadNodes } from "../src/analysis/workloads.js";
import { Inventory } from "../src/engine/inventory.js";
import { loadManifestText } from "../src/loaders/manifest.js";
import type { Finding } from "../src/model/finding.js";

function inventoryOf(...objects: object[]): Inventory {
  return new Inventory(loadManifestText(objects.map((o) => stringify(o)).join("---\n"), "t.yaml").resources, "default");
}

const deploy = (name: string, namespace: string, podSpec: object = {}, ports: object[] = [{ containerPort: 8080 }]): object => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, namespace },
  spec: {
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: `registry.example/${name}:1`, ports }], ...podSpec } },
  },
});
const netpol = (name: string, namespace: string, spec: object): object => ({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name, namespace }, spec });

function setup(...objects: object[]): { reach: Reachability; n: (name: string) => WorkloadNode } {
  const inv = inventoryOf(...objects);
  const nodes = workloadNodes(inv);
  return { reach: new Reachability(inv, nodes), n: (name) => nodes.find((x) => x.resource.name === name)! };
}

describe("reachability between workloads", () => {
  it("allows everything without policies", () => {
    const { reach, n } = setup(deploy("web", "shop"), deploy("db", "prod"));
    expect(reach.connection(n("web"), n("db"))).toEqual({ allowed: true, fact: "no NetworkPolicy selects the pods", breakWith: ["pod-not-covered-by-networkpolicy"] });
  });

  it("an empty podSelector isolates every pod of its namespace, and only there", () => {
    const { reach, n } = setup(deploy("web", "shop"), deploy("db", "prod"), deploy("cache", "shop"), netpol("deny", "prod", { podSelector: {} }));
    expect(reach.connection(n("web"), n("db")).allowed).toBe(false);
    expect(reach.connection(n("web"), n("cache")).allowed).toBe(true);
  });

  it("policyTypes defaults to Ingress (plus Egress with egress rules); an explicit Egress-only policy does not isolate ingress", () => {
    const egressRules = { podSelector: {}, egress: [{ to: [{ podSelector: {} }] }] };
    const implicit = setup(deploy("web", "shop"), deploy("db", "prod"), netpol("eg", "prod", egressRules));
    expect(implicit.reach.connection(implicit.n("web"), implicit.n("db")).allowed).toBe(false);
    const explicit = setup(deploy("web", "shop"), deploy("db", "prod"), netpol("eg", "prod", { ...egressRules, policyTypes: ["Egress"] }));
    expect(explicit.reach.connection(explicit.n("web"), explicit.n("db")).allowed).toBe(true);
  });

  it("a namespaceSelector matches the automatic kubernetes.io/metadata.name label", () => {
    const { reach, n } = setup(
      deploy("web", "shop"), deploy("other", "blog"), deploy("db", "prod"),
      netpol("from-shop", "prod", { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "shop" } } }] }] }),
    );
    expect(reach.connection(n("web"), n("db"))).toMatchObject({ allowed: true, fact: "NetworkPolicy prod/from-shop allows it", breakWith: [] });
    expect(reach.connection(n("other"), n("db")).allowed).toBe(false);
  });

  it("ports: a rule admits only the destination ports it lists (numbers and container-port names)", () => {
    const only = (port: number | string) => netpol("p", "prod", { podSelector: {}, ingress: [{ ports: [{ port }] }] });
    const named = [{ containerPort: 5432, name: "pg" }];
    expect((() => { const s = setup(deploy("web", "shop"), deploy("db", "prod", {}, named), only(5432)); return s.reach.connection(s.n("web"), s.n("db")).allowed; })()).toBe(true);
    expect((() => { const s = setup(deploy("web", "shop"), deploy("db", "prod", {}, named), only(6379)); return s.reach.connection(s.n("web"), s.n("db")).allowed; })()).toBe(false);
    expect((() => { const s = setup(deploy("web", "shop"), deploy("db", "prod", {}, named), only("pg")); return s.reach.connection(s.n("web"), s.n("db")).allowed; })()).toBe(true);
    expect((() => { const s = setup(deploy("web", "shop"), deploy("db", "prod", {}, named), only("http")); return s.reach.connection(s.n("web"), s.n("db")).allowed; })()).toBe(false);
  });

  it("egress policies of the source apply too", () => {
    const { reach, n } = setup(deploy("web", "shop"), deploy("db", "prod"), netpol("no-egress", "shop", { podSelector: {}, policyTypes: ["Egress"] }));
    expect(reach.connection(n("web"), n("db")).allowed).toBe(false);
  });

  it("neighbours hand out open workloads once per search and find isolated ones through the policies that admit the source", () => {
    const { reach, n } = setup(
      deploy("web", "shop"), deploy("api", "shop"), deploy("cache", "blog"), deploy("db", "prod"),
      netpol("from-shop", "prod", { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "shop" } } }] }] }),
    );
    const state = { openDone: false };
    const visited = new Set([n("web")]);
    expect(reach.neighbours(n("web"), visited, state).map((e) => e.to.resource.name).sort()).toEqual(["api", "cache", "db"]);
    expect(reach.neighbours(n("api"), new Set([n("web"), n("api")]), state).map((e) => e.to.resource.name)).toEqual(["db"]);
  });

  it("outside traffic reaches isolated pods only through rules that admit other namespaces or addresses", () => {
    const sameNs = setup(deploy("db", "prod"), netpol("same", "prod", { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] }));
    expect(sameNs.reach.admitsExternal(sameNs.n("db")).allowed).toBe(false);
    const fromIngress = setup(deploy("db", "prod"), netpol("ing", "prod", { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { name: "ingress-nginx" } } }] }] }));
    expect(fromIngress.reach.admitsExternal(fromIngress.n("db")).allowed).toBe(true);
  });
});

describe("risk factors", () => {
  const finding = (severity: Finding["severity"], name: string): Finding => ({
    ruleId: "x", severity, message: "m", messageId: "m", object: { kind: "Deployment", namespace: "shop", name }, location: { file: "t.yaml", line: 1, column: 1 }, fingerprint: `${severity}${Math.random()}`,
  });
  const factors = (objects: object[], findings: Finding[] = []) => {
    const s = analyze(inventoryOf(...objects), findings);
    return (name: string) => Object.fromEntries(s.risk.find((r) => r.ref.name === name)!.factors.map((f) => [f.name, f.value]));
  };

  it("a workload nothing raises scores 1 with no factors", () => {
    const s = analyze(inventoryOf(deploy("quiet", "shop", { automountServiceAccountToken: false })), []);
    expect(s.risk).toEqual([expect.objectContaining({ score: 1, factors: [] })]);
  });

  it("node privileges: takeover 2, other host access 1.3", () => {
    const f = factors([
      { ...deploy("priv", "shop") , spec: { selector: {}, template: { metadata: { labels: { app: "priv" } }, spec: { containers: [{ name: "c", image: "i", securityContext: { privileged: true } }] } } } },
      deploy("pid", "shop", { hostPID: true }),
      deploy("sock", "shop", { volumes: [{ name: "s", hostPath: { path: "/var/run/docker.sock" } }] }),
    ]);
    expect(f("priv").nodePrivileges).toBe(2);
    expect(f("pid").nodePrivileges).toBe(1.3);
    expect(f("sock").nodePrivileges).toBe(2);
  });

  it("findings by severity, capped at 2; Secrets read, capped at 1.5", () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ name: `s${i}`, secret: { secretName: `s${i}` } }));
    const f = factors([deploy("a", "shop", { volumes: many }), deploy("b", "shop")], [finding("critical", "a"), finding("high", "a"), finding("medium", "a"), ...Array.from({ length: 9 }, () => finding("critical", "b"))]);
    expect(f("a").findings).toBe(1.38);
    expect(f("b").findings).toBe(2);
    expect(f("a").secrets).toBe(1.5);
  });

  it("RBAC counts only when the token reaches the pods", () => {
    const sa = (name: string) => ({ kind: "ServiceAccount", name, namespace: "shop" });
    const crb = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "admins" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" }, subjects: [sa("ops")] };
    const f = factors([crb, deploy("with", "shop", { serviceAccountName: "ops" }), deploy("without", "shop", { serviceAccountName: "ops", automountServiceAccountToken: false })]);
    expect(f("with").rbac).toBe(2.5);
    expect(f("without").rbac).toBeUndefined();
  });

  it("exposure: 2 through an entry point of its own, 1.5 through another workload", () => {
    const lb = { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "shop" }, spec: { type: "LoadBalancer", selector: { app: "web" }, ports: [{ port: 80 }] } };
    const f = factors([lb, deploy("web", "shop"), deploy("db", "shop")]);
    expect(f("web").exposure).toBe(2);
    expect(f("db").exposure).toBe(1.5);
  });
});
