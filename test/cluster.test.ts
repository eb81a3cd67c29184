// `shipshape scan --cluster`. There is no Kubernetes API server on the machines these tests run on, so a small
// stand-in HTTPS server (node:https, a certificate made with openssl for the test) answers the list calls with API-shaped responses: `<Kind>List` bodies,
// `metadata.continue` pagination, a PartialObjectMetadataList for Secrets (only when asked for it in the Accept
// header), a 403 Status for one kind. A kubeconfig file points the real @kubernetes/client-node KubeConfig at it.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyConfig } from "../src/engine/config.js";
import { scan } from "../src/engine/scan.js";
import { METADATA_ACCEPT, loadCluster } from "../src/loaders/cluster.js";
import { runCli, tempTree } from "../src/testing/cli.js";

type Obj = Record<string, unknown> & { metadata: Record<string, unknown> };

const TOKEN = "test-token-123";
const PAGE = 2;

const podSpec = (privileged = false) => ({
  containers: [{ name: "app", image: "registry.example/app:1.0", ...(privileged ? { securityContext: { privileged: true } } : {}) }],
});
const template = (privileged = false) => ({ metadata: { labels: { app: "x" } }, spec: podSpec(privileged) });
const owner = (kind: string, name: string, apiVersion = "apps/v1") => [{ apiVersion, kind, name, uid: `${name}-uid`, controller: true, blockOwnerDeletion: true }];
const managedFields = [{ manager: "kubectl", operation: "Apply", apiVersion: "apps/v1", fieldsType: "FieldsV1", fieldsV1: { "f:spec": {} } }];

/** What the stand-in API server holds, by plural. */
const STORE: Record<string, { list: string; apiVersion: string; items: Obj[] }> = {
  namespaces: {
    list: "NamespaceList",
    apiVersion: "v1",
    items: ["shop", "other", "kube-system"].map((name) => ({ metadata: { name, labels: { "kubernetes.io/metadata.name": name } }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } })),
  },
  deployments: {
    list: "DeploymentList",
    apiVersion: "apps/v1",
    items: [
      { metadata: { name: "web", namespace: "shop", uid: "web-uid", managedFields }, spec: { replicas: 2, selector: { matchLabels: { app: "x" } }, template: template(true) } },
      { metadata: { name: "api", namespace: "shop", uid: "api-uid" }, spec: { selector: { matchLabels: { app: "x" } }, template: template() } },
      { metadata: { name: "worker", namespace: "other", uid: "worker-uid" }, spec: { selector: { matchLabels: { app: "x" } }, template: template(true) } },
    ],
  },
  replicasets: {
    list: "ReplicaSetList",
    apiVersion: "apps/v1",
    items: [
      { metadata: { name: "web-5d8f", namespace: "shop", uid: "web-5d8f-uid", ownerReferences: owner("Deployment", "web") }, spec: { selector: { matchLabels: { app: "x" } }, template: template(true) } },
    ],
  },
  pods: {
    list: "PodList",
    apiVersion: "v1",
    items: [
      { metadata: { name: "web-5d8f-abcde", namespace: "shop", ownerReferences: owner("ReplicaSet", "web-5d8f") }, spec: podSpec(true), status: { phase: "Running" } },
      { metadata: { name: "report-28999-xyz", namespace: "shop", ownerReferences: owner("Job", "report-28999", "batch/v1") }, spec: podSpec(true) },
      { metadata: { name: "debug", namespace: "shop" }, spec: podSpec(true), status: { phase: "Running" } },
    ],
  },
  jobs: {
    list: "JobList",
    apiVersion: "batch/v1",
    items: [{ metadata: { name: "report-28999", namespace: "shop", ownerReferences: owner("CronJob", "report", "batch/v1") }, spec: { template: { spec: { ...podSpec(true), restartPolicy: "Never" } } } }],
  },
  cronjobs: {
    list: "CronJobList",
    apiVersion: "batch/v1",
    items: [{ metadata: { name: "report", namespace: "shop" }, spec: { schedule: "0 * * * *", jobTemplate: { spec: { template: { spec: { ...podSpec(true), restartPolicy: "Never" } } } } } }],
  },
  secrets: {
    list: "SecretList",
    apiVersion: "v1",
    items: [{ metadata: { name: "db-password", namespace: "shop", managedFields }, type: "Opaque", data: { password: Buffer.from("hunter2").toString("base64") } }],
  },
  serviceaccounts: { list: "ServiceAccountList", apiVersion: "v1", items: [{ metadata: { name: "default", namespace: "shop" } }] },
  clusterrolebindings: {
    list: "ClusterRoleBindingList",
    apiVersion: "rbac.authorization.k8s.io/v1",
    items: [
      {
        metadata: { name: "everyone-admin" },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" },
        subjects: [{ kind: "Group", name: "system:authenticated", apiGroup: "rbac.authorization.k8s.io" }],
      },
    ],
  },
};

/** Kinds the stand-in refuses, as an API server does for a user without `list` on them. */
const FORBIDDEN = new Set(["clusterroles"]);

interface Seen {
  path: string;
  query: URLSearchParams;
  accept: string;
  auth: string;
}

let server: https.Server;
let caData: string;
let url: string;
const seen: Seen[] = [];

function status(res: http.ServerResponse, code: number, reason: string, message: string) {
  res.writeHead(code, { "Content-Type": "application/json" });
  res.end(JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code }));
}

function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const u = new URL(req.url ?? "/", "http://localhost");
  seen.push({ path: u.pathname, query: u.searchParams, accept: String(req.headers.accept ?? ""), auth: String(req.headers.authorization ?? "") });
  if (req.headers.authorization !== `Bearer ${TOKEN}`) return status(res, 401, "Unauthorized", "Unauthorized");
  const m = /^\/(?:api\/v1|apis\/[^/]+\/[^/]+)\/(?:namespaces\/([^/]+)\/)?([a-z]+)$/.exec(u.pathname);
  if (!m) return status(res, 404, "NotFound", "the server could not find the requested resource");
  const [, ns, plural] = m as unknown as [string, string | undefined, string];
  if (FORBIDDEN.has(plural)) {
    return status(res, 403, "Forbidden", `${plural}.rbac.authorization.k8s.io is forbidden: User "scanner" cannot list resource "${plural}" in API group "rbac.authorization.k8s.io" at the cluster scope`);
  }
  const kindList = plural.replace(/ies$/, "y").replace(/s$/, "");
  const entry = STORE[plural] ?? { list: `${kindList}List`, apiVersion: "v1", items: [] };
  let items = entry.items.filter((o) => ns === undefined || o.metadata.namespace === ns);
  // Pages of PAGE items (an API server may answer fewer than `limit`); the continue token is the offset.
  const limit = Number(u.searchParams.get("limit") ?? "0");
  const start = Number(u.searchParams.get("continue") ?? "0");
  const size = limit > 0 ? Math.min(limit, PAGE) : items.length;
  const more = start + size < items.length;
  items = items.slice(start, start + size);
  const resourceVersion = "12345";
  if (plural === "secrets") {
    // Secrets are only served as metadata here: a request that does not ask for it gets the data, which the test would see.
    if (req.headers.accept === METADATA_ACCEPT) {
      res.writeHead(200, { "Content-Type": "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1" });
      res.end(JSON.stringify({
        kind: "PartialObjectMetadataList",
        apiVersion: "meta.k8s.io/v1",
        metadata: { resourceVersion, ...(more ? { continue: String(start + size) } : {}) },
        items: items.map((o) => ({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: o.metadata })),
      }));
      return;
    }
  }
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(JSON.stringify({ kind: entry.list, apiVersion: entry.apiVersion, metadata: { resourceVersion, ...(more ? { continue: String(start + size) } : {}) }, items }));
}

function kubeconfig(server: string, contexts: string[] = ["kind-test"]): string {
  return `apiVersion: v1
kind: Config
clusters:
  - name: test
    cluster: {server: "${server}", certificate-authority-data: ${caData}}
users:
  - name: scanner
    user: {token: ${TOKEN}}
contexts:
${contexts.map((c) => `  - name: ${c}\n    context: {cluster: test, user: scanner}`).join("\n")}
current-context: ${contexts[0]}
`;
}

beforeAll(async () => {
  const dir = tempTree({});
  const [key, cert] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert], { stdio: "ignore" });
  caData = Buffer.from(readFileSync(cert)).toString("base64");
  server = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("live-cluster scan against a stand-in API server (no real cluster here)", () => {
  it("lists every kind with pagination, reads Secrets as metadata only, drops managedFields", async () => {
    seen.length = 0;
    const dir = tempTree({ "kubeconfig.yaml": kubeconfig(url) });
    const loaded = await loadCluster({ kubeconfig: path.join(dir, "kubeconfig.yaml"), pageSize: 100 });
    expect(loaded.context).toBe("kind-test");
    for (const s of seen) expect(s.auth).toBe(`Bearer ${TOKEN}`);
    // pagination followed: three Deployments in two pages
    const deploymentCalls = seen.filter((s) => s.path === "/apis/apps/v1/deployments");
    expect(deploymentCalls.map((s) => [s.query.get("limit"), s.query.get("continue")])).toEqual([["100", null], ["100", "2"]]);
    expect(loaded.resources.filter((r) => r.kind === "Deployment").map((r) => r.name).sort()).toEqual(["api", "web", "worker"]);
    // every kind asked for
    for (const p of ["/api/v1/namespaces", "/apis/batch/v1/cronjobs", "/apis/networking.k8s.io/v1/ingresses", "/apis/networking.k8s.io/v1/networkpolicies", "/apis/rbac.authorization.k8s.io/v1/roles", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", "/apis/policy/v1/poddisruptionbudgets", "/apis/autoscaling/v2/horizontalpodautoscalers", "/api/v1/serviceaccounts", "/api/v1/services"]) {
      expect(seen.some((s) => s.path === p), p).toBe(true);
    }
    // Secrets: metadata only, asked for in the Accept header
    const secretCall = seen.find((s) => s.path === "/api/v1/secrets")!;
    expect(secretCall.accept).toBe(METADATA_ACCEPT);
    const secret = loaded.resources.find((r) => r.kind === "Secret")!;
    expect(secret.object).toEqual({ apiVersion: "v1", kind: "Secret", metadata: { name: "db-password", namespace: "shop" } });
    expect(JSON.stringify(loaded.resources.map((r) => r.object))).not.toContain(Buffer.from("hunter2").toString("base64"));
    // objects become standalone Resources, shown as cluster:<context>/<namespace>/<kind>/<name>
    const web = loaded.resources.find((r) => r.kind === "Deployment" && r.name === "web")!;
    expect(web.apiVersion).toBe("apps/v1");
    expect(web.metadata.managedFields).toBeUndefined();
    expect(web.source.file).toBe("cluster:kind-test/shop/Deployment/web");
    expect(loaded.resources.find((r) => r.kind === "Namespace")!.source.file).toBe("cluster:kind-test/_/Namespace/shop");
  });

  it("reports on top-level controllers, not the ReplicaSets, Jobs and Pods they own", async () => {
    const dir = tempTree({ "kubeconfig.yaml": kubeconfig(url) });
    const loaded = await loadCluster({ kubeconfig: path.join(dir, "kubeconfig.yaml") });
    const names = loaded.resources.filter((r) => ["Pod", "ReplicaSet", "Job", "CronJob"].includes(r.kind)).map((r) => `${r.kind}/${r.name}`);
    expect(names.sort()).toEqual(["CronJob/report", "Pod/debug"]);
  });

  it("a list the API server refuses becomes a render-error; the rest is scanned (CLI, JSON)", async () => {
    const dir = tempTree({ "kubeconfig.yaml": kubeconfig(url) });
    const { code, stdout, stderr } = await runCli(["scan", "--cluster", "--kubeconfig", "kubeconfig.yaml", "--no-config", "--format", "json"], dir);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as { findings: { ruleId: string; message: string; object?: { kind: string; name: string }; location: { file: string } }[]; summary: { objects: number } };
    const errors = json.findings.filter((f) => f.ruleId === "render-error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/cannot list clusterroles \(HTTP 403\): .*forbidden/);
    expect(errors[0]!.location.file).toBe("cluster:kind-test/_/ClusterRole");
    const privileged = json.findings.filter((f) => f.ruleId === "privileged-container").map((f) => `${f.object!.kind}/${f.object!.name}`);
    expect(privileged.sort()).toEqual(["CronJob/report", "Deployment/web", "Deployment/worker", "Pod/debug"]);
    expect(json.findings.some((f) => f.object?.kind === "ClusterRoleBinding")).toBe(true);
    // Namespaces are read too, so their Pod Security Admission labels are checked
    expect(json.findings.some((f) => f.object?.kind === "Namespace" && f.object.name === "shop")).toBe(true);
    const web = json.findings.find((f) => f.object?.name === "web")!;
    expect(web.location.file).toBe("cluster:kind-test/shop/Deployment/web");
  });

  it("--namespace limits the namespaced lists (and Namespaces) to the ones asked for; --context chooses the context", async () => {
    seen.length = 0;
    const dir = tempTree({ "kubeconfig.yaml": kubeconfig(url, ["kind-test", "prod"]) });
    const report = await scan({ paths: [], cwd: dir, config: emptyConfig(), cluster: { kubeconfig: path.join(dir, "kubeconfig.yaml"), context: "prod", namespaces: ["other"] } });
    expect(seen.some((s) => s.path === "/apis/apps/v1/namespaces/other/deployments")).toBe(true);
    expect(seen.some((s) => s.path === "/apis/apps/v1/deployments" || s.path.includes("/namespaces/shop/"))).toBe(false);
    const objects = report.findings.filter((f) => f.object).map((f) => f.object!);
    expect(objects.some((o) => o.namespace === "shop" || o.name === "shop")).toBe(false);
    expect(objects.some((o) => o.kind === "Deployment" && o.name === "worker")).toBe(true);
    expect(report.findings.every((f) => f.location.file.startsWith("cluster:prod/"))).toBe(true);
  });

  it("the attack-surface analysis and the PolicyReport format work on the cluster's objects", async () => {
    const dir = tempTree({ "kubeconfig.yaml": kubeconfig(url) });
    const { stdout } = await runCli(["scan", "--cluster", "--kubeconfig", "kubeconfig.yaml", "--no-config", "--format", "policyreport", "--format", "json", "-o", "r.json", "--surface"], dir);
    const docs = parseAllDocuments(stdout).map((d) => d.toJS() as { kind: string; metadata: { namespace?: string }; results: { resources?: { name: string }[]; properties?: Record<string, string> }[] });
    expect(docs.map((d) => `${d.kind}/${d.metadata.namespace ?? ""}`)).toEqual(["PolicyReport/other", "PolicyReport/shop", "ClusterPolicyReport/"]);
    const web = docs[1]!.results.find((r) => r.resources?.[0]?.name === "web")!;
    expect(web.properties!.file).toBe("cluster:kind-test/shop/Deployment/web");
    expect(web.properties!.line).toBeUndefined();
    const json = JSON.parse(readFileSync(path.join(dir, "r.json"), "utf8")) as { surface?: { entryPoints: unknown[] }; risk?: { workload: unknown }[] };
    expect(json.surface).toBeDefined();
    expect(json.risk!.length).toBeGreaterThan(0);
  });

  it("an unreachable API server: one render-error per list, no crash", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const dir = tempTree({ "kubeconfig.yaml": kubeconfig(`https://127.0.0.1:${port}`) });
    const loaded = await loadCluster({ kubeconfig: path.join(dir, "kubeconfig.yaml") });
    expect(loaded.resources).toEqual([]);
    expect(loaded.problems.length).toBeGreaterThan(10);
    expect(loaded.problems[0]!.message).toMatch(/cannot reach the API server at https:\/\/127\.0\.0\.1:\d+/);
  });

  it("usage errors: unknown context, cluster options without --cluster, paths with --cluster", async () => {
    const dir = tempTree({ "kubeconfig.yaml": kubeconfig(url) });
    const r1 = await runCli(["scan", "--cluster", "--kubeconfig", "kubeconfig.yaml", "--context", "nope"], dir);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/--context nope: no such context/);
    const r2 = await runCli(["scan", "--namespace", "shop", "."], dir);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/go with --cluster/);
    const r3 = await runCli(["scan", "--cluster", "--kubeconfig", "kubeconfig.yaml", "manifests/"], dir);
    expect(r3.code).toBe(2);
    const plain = tempTree({ "kubeconfig.yaml": kubeconfig(url.replace("https:", "http:")) });
    const r5 = await runCli(["scan", "--cluster", "--kubeconfig", "kubeconfig.yaml"], plain);
    expect(r5.code).toBe(2);
    expect(r5.stderr).toMatch(/cannot use the kubeconfig's credentials/);
    const r4 = await runCli(["scan", "--cluster", "--kubeconfig", "missing.yaml"], dir);
    expect(r4.code).toBe(2);
    expect(r4.stderr).toMatch(/cannot read kubeconfig/);
  });
});
