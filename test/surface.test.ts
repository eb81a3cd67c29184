// `scan --surface` on test/fixtures/surface: exactly the known attack paths, the paths a fix removes, and the
// JSON (schema-valid) and text output of the CLI.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import type { SurfaceAnalysis } from "../src/analysis/index.js";
import { emptyConfig } from "../src/engine/config.js";
import { scan } from "../src/engine/scan.js";
import { runCli, tempTree } from "../src/testing/cli.js";

const FIXTURE = path.join(import.meta.dirname, "fixtures", "surface");
const APP = path.join(FIXTURE, "app");
const reportSchema = JSON.parse(readFileSync(new URL("../schemas/report.schema.json", import.meta.url), "utf8")) as object;
const validateReport = new Ajv({ allErrors: true, strict: false }).compile(reportSchema);

const PAYMENTS = "internet -> Ingress/shop/shop -> Deployment/shop/web -> Deployment/prod/payments -> ServiceAccount/prod/payments -> target:secrets/prod";
const REPORTER = "internet -> Service/ops/reporter -> Deployment/ops/reporter -> ServiceAccount/ops/reporter -> target:secrets";
const NODE_AGENT = "internet -> Ingress/shop/shop -> Deployment/shop/web -> DaemonSet/logging/node-agent -> target:node";
const DEPLOYER = "namespace/platform -> Deployment/platform/deployer -> ServiceAccount/platform/deployer -> target:cluster-admin";

async function surfaceOf(paths: string[], cwd = FIXTURE): Promise<SurfaceAnalysis> {
  const report = await scan({ paths, cwd, config: emptyConfig(), surface: true });
  expect(report.surface).toBeDefined();
  return report.surface!;
}

/** The fixture's app/ files, with edits, in a temporary folder. */
function appWith(edits: Record<string, (text: string) => string> = {}, extra: Record<string, string> = {}): string {
  const files: Record<string, string> = {};
  for (const f of readdirSync(APP)) {
    const text = readFileSync(path.join(APP, f), "utf8");
    files[f] = edits[f] ? edits[f]!(text) : text;
  }
  return tempTree({ ...files, ...extra });
}

const ids = (s: SurfaceAnalysis) => s.attackPaths.map((p) => p.id);

describe("attack paths of the fixture", () => {
  it("finds exactly the known paths, best first", async () => {
    const s = await surfaceOf(["app"]);
    expect(ids(s)).toEqual([NODE_AGENT, REPORTER, DEPLOYER, PAYMENTS]);
    expect(s.totalPaths).toBe(4);
  });

  it("describes each step with its object, file and line, a fact and the rules that break it", async () => {
    const s = await surfaceOf(["app"]);
    const p = s.attackPaths.find((x) => x.id === PAYMENTS)!;
    expect(p.origin).toBe("internet");
    expect(p.target).toEqual({ kind: "secrets", scope: "prod" });
    expect(p.steps.map((st) => st.type)).toEqual(["internet", "entry", "workload", "workload", "identity", "target"]);
    expect(p.steps[1]).toMatchObject({ ref: { kind: "Ingress", namespace: "shop", name: "shop", file: "app/shop.yaml", line: 6 }, breakWith: ["workload-externally-exposed"] });
    expect(p.steps[3]).toMatchObject({ ref: { kind: "Deployment", namespace: "prod", name: "payments", file: "app/prod.yaml" }, breakWith: ["pod-not-covered-by-networkpolicy"] });
    expect(p.steps[3]!.fact).toContain("no NetworkPolicy selects the pods");
    expect(p.steps[4]).toMatchObject({ ref: { kind: "ServiceAccount", namespace: "prod", name: "payments" }, breakWith: ["automount-service-account-token"] });
    expect(p.steps[5]!.fact).toBe("ServiceAccount prod/payments can read Secrets in prod via RoleBinding prod/payments-secrets -> Role secret-reader");
    expect(p.steps[5]).toMatchObject({ ref: { kind: "RoleBinding", name: "payments-secrets" }, breakWith: ["rbac-secrets-access", "workload-with-privileged-rbac"] });
  });

  it("follows an aggregated ClusterRole to the role that reads Secrets", async () => {
    const s = await surfaceOf(["app"]);
    const p = s.attackPaths.find((x) => x.id === REPORTER)!;
    expect(p.target).toEqual({ kind: "secrets" });
    expect(p.steps[1]).toMatchObject({ fact: "Service type LoadBalancer", breakWith: ["service-loadbalancer", "workload-externally-exposed"] });
    expect(p.steps.at(-1)!.fact).toBe(
      "ServiceAccount ops/reporter can read Secrets in all namespaces via ClusterRoleBinding reporter-monitoring -> ClusterRole monitoring (aggregates ClusterRole secret-peek)",
    );
  });

  it("starts in-cluster paths at the namespace when the internet does not reach the workload", async () => {
    const s = await surfaceOf(["app"]);
    const p = s.attackPaths.find((x) => x.id === DEPLOYER)!;
    expect(p.origin).toBe("namespace");
    expect(p.steps[1]!.fact).toContain("NetworkPolicy platform/same-namespace allows it");
  });

  it("a NetworkPolicy that isolates prod breaks the lateral path to payments", async () => {
    const s = await surfaceOf(["app", "extra/prod-isolation.yaml"]);
    expect(ids(s)).toEqual([NODE_AGENT, REPORTER, DEPLOYER]);
  });

  it("summarises entry points and identities", async () => {
    const s = await surfaceOf(["app"]);
    expect(s.entryPoints.map((e) => [e.id, e.kind, e.workloads.map((w) => w.name)])).toEqual([
      ["Ingress/shop/shop", "Ingress", ["web"]],
      ["Service/ops/reporter", "LoadBalancer", ["reporter"]],
    ]);
    expect(s.identities.find((i) => i.serviceAccount === "platform/deployer")!.powers).toEqual(["cluster-admin"]);
    expect(s.identities.find((i) => i.serviceAccount === "logging/default")!.workloads).toEqual([expect.objectContaining({ tokenMounted: false })]);
  });
});

describe("applying the fix named by a step removes the path", () => {
  it("automountServiceAccountToken: false on payments (automount-service-account-token)", async () => {
    const dir = appWith({ "prod.yaml": (t) => t.replace("      serviceAccountName: payments\n", "      serviceAccountName: payments\n      automountServiceAccountToken: false\n") });
    expect(ids(await surfaceOf(["."], dir))).toEqual([NODE_AGENT, REPORTER, DEPLOYER]);
  });

  it("the Service of reporter as ClusterIP (service-loadbalancer): only the longer path through web remains", async () => {
    const dir = appWith({ "ops.yaml": (t) => t.replace("  type: LoadBalancer\n", "") });
    const s = await surfaceOf(["."], dir);
    expect(ids(s)).not.toContain(REPORTER);
    expect(ids(s)).toContain("internet -> Ingress/shop/shop -> Deployment/shop/web -> Deployment/ops/reporter -> ServiceAccount/ops/reporter -> target:secrets");
  });

  it("a NetworkPolicy for prod (pod-not-covered-by-networkpolicy)", async () => {
    const dir = appWith({}, { "netpol.yaml": readFileSync(path.join(FIXTURE, "extra", "prod-isolation.yaml"), "utf8") });
    expect(ids(await surfaceOf(["."], dir))).not.toContain(PAYMENTS);
  });

  it("node-agent no longer privileged (privileged-container)", async () => {
    const dir = appWith({ "platform.yaml": (t) => t.replace("privileged: true", "privileged: false") });
    expect(ids(await surfaceOf(["."], dir))).not.toContain(NODE_AGENT);
  });
});

describe("risk of the fixture's workloads", () => {
  it("scores each workload as the product of its factors", async () => {
    const s = await surfaceOf(["app"]);
    const reporter = s.risk.find((r) => r.ref.name === "reporter")!;
    expect(reporter.factors.map((f) => f.name)).toEqual(["exposure", "rbac", "findings", "attackPath"]);
    expect(reporter.factors.filter((f) => f.name !== "findings").map((f) => f.value)).toEqual([2, 2, 1.5]);
    expect(reporter.score).toBe(Math.round(reporter.factors.reduce((x, f) => x * f.value, 1) * 100) / 100);
    const payments = s.risk.find((r) => r.ref.name === "payments")!;
    expect(payments.factors.map((f) => f.name)).toEqual(["exposure", "rbac", "secrets", "findings", "attackPath"]);
    expect(payments.factors.find((f) => f.name === "exposure")!.value).toBe(1.5);
    expect(payments.factors.find((f) => f.name === "secrets")!.reason).toBe("reads Secret payments-db");
    expect(s.risk.map((r) => r.score)).toEqual([...s.risk.map((r) => r.score)].sort((a, b) => b - a));
  });
});

describe("assets and trust boundaries", () => {
  const ASSETS_ONLY = ["ops/reporter", "platform/deployer"];

  it("app: the Secret payments reads, readable by the ServiceAccounts with Secrets powers there or cluster-wide", async () => {
    const s = await surfaceOf(["app"]);
    expect(s.assets).toEqual({
      secrets: [{
        ref: { kind: "Secret", namespace: "prod", name: "payments-db" }, defined: false,
        usedBy: [{ kind: "Deployment", namespace: "prod", name: "payments", file: "app/prod.yaml", line: 47 }],
        readableBy: ["ops/reporter", "platform/deployer", "prod/payments"],
      }],
      volumes: { hostPaths: [], claims: [] },
    });
    expect(s.boundaries).toEqual([
      { namespace: "logging", workloads: 1, networkPolicies: [], defaultDeny: { ingress: false, egress: false } },
      { namespace: "ops", workloads: 1, networkPolicies: [], defaultDeny: { ingress: false, egress: false } },
      { namespace: "platform", workloads: 1, networkPolicies: ["same-namespace"], defaultDeny: { ingress: true, egress: false } },
      { namespace: "prod", workloads: 1, networkPolicies: [], defaultDeny: { ingress: false, egress: false } },
      { namespace: "shop", workloads: 1, networkPolicies: [], defaultDeny: { ingress: false, egress: false } },
    ]);
  });

  it("assets: every Secret defined or referenced (env, envFrom, secret and projected volumes, imagePullSecrets), never its data", async () => {
    const s = await surfaceOf(["assets"]);
    const store = { kind: "StatefulSet", namespace: "vault", name: "store", file: "assets/vault.yaml", line: 49 };
    const proxy = { kind: "Deployment", namespace: "edge", name: "proxy", file: "assets/edge.yaml", line: 24 };
    expect(s.assets!.secrets).toEqual([
      { ref: { kind: "Secret", namespace: "edge", name: "proxy-api" }, defined: false, usedBy: [proxy], readableBy: [] },
      { ref: { kind: "Secret", namespace: "vault", name: "bundle-part" }, defined: false, usedBy: [store], readableBy: [] },
      { ref: { kind: "Secret", namespace: "vault", name: "registry-creds" }, defined: false, usedBy: [store], readableBy: [] },
      { ref: { kind: "Secret", namespace: "vault", name: "store-env" }, defined: false, usedBy: [store], readableBy: [] },
      { ref: { kind: "Secret", namespace: "vault", name: "tls", file: "assets/vault.yaml", line: 20 }, defined: true, type: "kubernetes.io/tls", usedBy: [store], readableBy: [] },
      { ref: { kind: "Secret", namespace: "vault", name: "unused-key", file: "assets/vault.yaml", line: 11 }, defined: true, type: "Opaque", usedBy: [], readableBy: [] },
    ]);
    const json = JSON.stringify(s);
    expect(json).not.toContain("c3VwZXItc2VjcmV0LXZhbHVl");
    expect(json).not.toContain("not-a-real-key");
    expect(json).not.toContain("tls.key");
    expect(s.assets!.volumes).toEqual({
      hostPaths: [
        { path: "/etc/proxy", volume: "config", readOnly: true, workload: { ...proxy, line: 61, path: "spec.template.spec.volumes[1].hostPath" } },
        { path: "/var/log", volume: "logs", readOnly: false, workload: { ...proxy, line: 58, path: "spec.template.spec.volumes[0].hostPath" } },
      ],
      claims: [
        { claim: "proxy-cache", volume: "cache", ref: { kind: "PersistentVolumeClaim", namespace: "edge", name: "proxy-cache" }, workload: proxy },
        { claim: "data", volume: "data", ref: { kind: "PersistentVolumeClaim", namespace: "vault", name: "data", file: "assets/vault.yaml", line: 38 }, workload: store },
      ],
    });
  });

  it("boundaries: policies, default deny per direction (every workload isolated) and the Pod Security enforce level", async () => {
    const s = await surfaceOf(["assets"]);
    expect(s.boundaries).toEqual([
      { namespace: "edge", workloads: 1, networkPolicies: ["allow-web", "deny-ingress"], defaultDeny: { ingress: true, egress: false } },
      { namespace: "empty", workloads: 0, networkPolicies: ["quiet"], defaultDeny: { ingress: false, egress: true } },
      { namespace: "vault", workloads: 1, networkPolicies: ["deny-all"], defaultDeny: { ingress: true, egress: true }, podSecurityEnforce: "restricted" },
    ]);
  });

  it("RBAC readers apply to every namespace's Secrets when cluster-wide, to their namespace otherwise", async () => {
    const s = await surfaceOf(["app", "assets"]);
    expect(s.assets!.secrets.map((x) => [`${x.ref.namespace}/${x.ref.name}`, x.readableBy])).toEqual([
      ["edge/proxy-api", ASSETS_ONLY],
      ["prod/payments-db", [...ASSETS_ONLY, "prod/payments"]],
      ["vault/bundle-part", ASSETS_ONLY],
      ["vault/registry-creds", ASSETS_ONLY],
      ["vault/store-env", ASSETS_ONLY],
      ["vault/tls", ASSETS_ONLY],
      ["vault/unused-key", ASSETS_ONLY],
    ]);
  });

  it("a policy that isolates prod makes its ingress default deny", async () => {
    const s = await surfaceOf(["app", "extra/prod-isolation.yaml"]);
    expect(s.boundaries!.find((b) => b.namespace === "prod")).toEqual({ namespace: "prod", workloads: 1, networkPolicies: ["prod-only"], defaultDeny: { ingress: true, egress: false } });
  });

  it("JSON: assets and boundaries in surface, schema-valid", async () => {
    const r = await runCli(["scan", "app", "assets", "--no-config", "--surface", "--format", "json", "--fail-on", "none"], FIXTURE);
    const report = JSON.parse(r.stdout) as { surface: Pick<SurfaceAnalysis, "assets" | "boundaries"> };
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.surface.assets!.secrets).toHaveLength(7);
    expect(report.surface.boundaries!.map((b) => b.namespace)).toEqual(["edge", "empty", "logging", "ops", "platform", "prod", "shop", "vault"]);
    const bad = structuredClone(report) as unknown as { surface: { boundaries: Record<string, unknown>[] } };
    bad.surface.boundaries[0]!.secretData = "x";
    expect(validateReport(bad)).toBe(false);
  });
});

describe("scan --surface (CLI)", () => {
  it("JSON: schema-valid, with attackPaths, risk and surface", async () => {
    const r = await runCli(["scan", "app", "--no-config", "--surface", "--format", "json", "--fail-on", "none"], FIXTURE);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { attackPaths: { id: string }[]; risk: unknown[]; surface: { totalPaths: number } };
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.attackPaths.map((p) => p.id)).toEqual([NODE_AGENT, REPORTER, DEPLOYER, PAYMENTS]);
    expect(report.risk).toHaveLength(5);
    expect(report.surface.totalPaths).toBe(4);
  });

  it("JSON without --surface is unchanged", async () => {
    const r = await runCli(["scan", "app", "--no-config", "--format", "json", "--fail-on", "none"], FIXTURE);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(["reportVersion", "tool", "settings", "summary", "findings", "suppressed"]);
  });

  it("text: the top paths one step a line, and the riskiest workloads with their factors", async () => {
    const r = await runCli(["scan", "app", "--no-config", "--surface", "--fail-on", "none"], FIXTURE);
    expect(r.stdout).toContain("Top attack paths (4 of 4)");
    expect(r.stdout).toContain("  1. node from the internet  impact 8.1");
    expect(r.stdout).toContain("  3. cluster-admin from inside the namespace  impact 7");
    expect(r.stdout).toContain("     -> Deployment prod/payments: can be reached from Deployment shop/web: no NetworkPolicy selects the pods  (app/prod.yaml:47)");
    expect(r.stdout).toContain("        break with: pod-not-covered-by-networkpolicy");
    expect(r.stdout).toMatch(/Riskiest workloads \(top 5\)\n +\d+\.\d\d {2}Deployment ops\/reporter/);
    expect(r.stdout).toContain("x2 exposure: reachable from the internet through an entry point");
    const plain = await runCli(["scan", "app", "--no-config", "--fail-on", "none"], FIXTURE);
    expect(plain.stdout).not.toContain("Attack surface");
  });
});
