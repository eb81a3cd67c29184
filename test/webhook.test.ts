// The admission webhook over real HTTPS on loopback, with certificates made by openssl in the test and
// AdmissionReview bodies shaped as kube-apiserver sends them. There is no API server here: the tests play its part.
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync } from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyConfig } from "../src/engine/config.js";
import { selectRules } from "../src/engine/select.js";
import { Suppressor } from "../src/engine/suppress.js";
import { KubeVersion } from "../src/model/kube-version.js";
import type { JsonObject } from "../src/model/types.js";
import { Admission, DEFAULT_DENY, DEFAULT_WARN } from "../src/webhook/admission.js";
import { SECURE_POD_SPEC, admissionReview, cronJob, deployment, makeCertificate, pod, roleBinding } from "../src/webhook/fixtures.js";
import { type WebhookServer, startWebhook } from "../src/webhook/server.js";

let dir: string;
let ca: Buffer;
let hook: WebhookServer;
const logs: Record<string, unknown>[] = [];

function admission(): Admission {
  const config = emptyConfig();
  config.exemptions.push({ rules: ["privileged-container"], namespace: "legacy", reason: "node agent being migrated", source: { file: ".shipshape.yaml", line: 2, column: 3 } });
  return new Admission({
    rules: selectRules({ profile: "recommended" }, config),
    suppressor: new Suppressor({ exemptions: config.exemptions, annotationsAllowed: false }, "default"),
    kubeVersion: KubeVersion.DEFAULT,
    deny: DEFAULT_DENY,
    warn: DEFAULT_WARN,
    audit: false,
    exemptNamespaces: ["kube-system", "shipshape-system"],
  });
}

interface Reply {
  status: number;
  text: string;
  json: JsonObject;
}

function request(port: number, method: string, pathname: string, body?: string | Buffer, headers: Record<string, string> = {}, opts: https.RequestOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: "127.0.0.1", port, method, path: pathname, ca, servername: "localhost", agent: false, headers: { "Content-Type": "application/json", ...headers }, ...opts },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: JsonObject = {};
          try {
            json = JSON.parse(text) as JsonObject;
          } catch {
            /* not JSON: healthz, metrics */
          }
          resolve({ status: res.statusCode ?? 0, text, json });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const validate = (review: unknown) => request(hook.port, "POST", "/validate", JSON.stringify(review));
type Response = { uid: string; allowed: boolean; status?: { code: number; message: string }; warnings?: string[] };
const responseOf = (r: Reply) => r.json.response as Response;

const privilegedSpec: JsonObject = { ...SECURE_POD_SPEC, containers: [{ ...(SECURE_POD_SPEC.containers as JsonObject[])[0], securityContext: { privileged: true } }] };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-webhook-"));
  const { cert, key } = makeCertificate(dir, "server");
  ca = readFileSync(cert);
  hook = await startWebhook({ admission: admission(), certFile: cert, keyFile: key, port: 0, host: "127.0.0.1", headersTimeoutMs: 400, requestTimeoutMs: 2000, log: (e) => logs.push(e) });
});

afterAll(async () => {
  await hook?.close(1000);
  rmSync(dir, { recursive: true, force: true });
});

describe("webhook decisions over HTTPS", () => {
  it("denies a privileged Pod with 403, each violation listed, and echoes the uid", async () => {
    const r = await validate(admissionReview(pod("debug", "team", privilegedSpec), { uid: "b6e5a1c2-0001" }));
    expect(r.status).toBe(200);
    expect(r.json.apiVersion).toBe("admission.k8s.io/v1");
    expect(r.json.kind).toBe("AdmissionReview");
    const res = responseOf(r);
    expect(res.uid).toBe("b6e5a1c2-0001");
    expect(res.allowed).toBe(false);
    expect(res.status!.code).toBe(403);
    expect(res.status!.message).toMatch(/privileged-container: Container 'web' runs privileged/);
    expect(res.status!.message).toContain("allow-privilege-escalation:");
  });

  it("allows a hardened Deployment", async () => {
    const res = responseOf(await validate(admissionReview(deployment("web", "team", SECURE_POD_SPEC), { uid: "d-1" })));
    expect(res).toEqual({ uid: "d-1", allowed: true });
  });

  it("allows with short warnings when only medium/low rules fail", async () => {
    const spec: JsonObject = { ...SECURE_POD_SPEC, containers: [{ ...(SECURE_POD_SPEC.containers as JsonObject[])[0], resources: undefined, livenessProbe: undefined }] };
    const res = responseOf(await validate(admissionReview(deployment("web", "team", spec))));
    expect(res.allowed).toBe(true);
    expect(res.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^memory-limits-missing: /), expect.stringMatching(/^liveness-probe-missing: /)]));
    for (const w of res.warnings!) expect(w.length).toBeLessThan(256);
  });

  it("denies a CronJob sharing the node's PID namespace", async () => {
    const res = responseOf(await validate(admissionReview(cronJob("cleanup", "team", { ...SECURE_POD_SPEC, hostPID: true }))));
    expect(res.allowed).toBe(false);
    expect(res.status!.message).toContain("host-pid:");
  });

  it("denies a RoleBinding that gives cluster-admin to anonymous users, allows a narrow one", async () => {
    const bad = responseOf(await validate(admissionReview(roleBinding("oops", "team", "cluster-admin", { kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: "system:anonymous" }))));
    expect(bad.allowed).toBe(false);
    expect(bad.status!.message).toContain("cluster-admin-binding:");
    const ok = responseOf(await validate(admissionReview(roleBinding("read", "team", "view", { kind: "ServiceAccount", name: "web", namespace: "team" }))));
    expect(ok.allowed).toBe(true);
  });

  it("gives dryRun requests the same answer", async () => {
    const wet = responseOf(await validate(admissionReview(pod("p", "team", privilegedSpec), { uid: "x" })));
    const dry = responseOf(await validate(admissionReview(pod("p", "team", privilegedSpec), { uid: "x", dryRun: true })));
    expect(dry).toEqual(wet);
  });

  it("judges an UPDATE on the new object", async () => {
    const secure = deployment("web", "team", SECURE_POD_SPEC);
    const bad = deployment("web", "team", privilegedSpec);
    expect(responseOf(await validate(admissionReview(bad, { operation: "UPDATE", oldObject: secure }))).allowed).toBe(false);
    expect(responseOf(await validate(admissionReview(secure, { operation: "UPDATE", oldObject: bad }))).allowed).toBe(true);
  });

  it("lets status writes and metadata-only updates through", async () => {
    const bad = pod("p", "team", privilegedSpec);
    expect(responseOf(await validate(admissionReview({ ...bad, status: { phase: "Running" } }, { operation: "UPDATE", oldObject: bad, subResource: "status" }))).allowed).toBe(true);
    const relabelled = { ...bad, metadata: { ...(bad.metadata as JsonObject), labels: { team: "a" } } };
    expect(responseOf(await validate(admissionReview(relabelled, { operation: "UPDATE", oldObject: bad }))).allowed).toBe(true);
  });

  it("judges ephemeral containers added by kubectl debug", async () => {
    const before = pod("web", "team", SECURE_POD_SPEC);
    const after = pod("web", "team", { ...SECURE_POD_SPEC, ephemeralContainers: [{ name: "debugger", image: "busybox:1.36", securityContext: { privileged: true } }] });
    const res = responseOf(await validate(admissionReview(after, { operation: "UPDATE", oldObject: before, subResource: "ephemeralcontainers" })));
    expect(res.allowed).toBe(false);
    expect(res.status!.message).toContain("privileged-container: Container 'debugger'");
  });

  it("exempts its own namespace and kube-system", async () => {
    for (const ns of ["kube-system", "shipshape-system"]) {
      expect(responseOf(await validate(admissionReview(pod("p", ns, privilegedSpec))))).toEqual({ uid: "705ab4f5-6393-11e8-b7cc-42010a800002", allowed: true });
    }
  });

  it("applies the config's exemptions but not the object's own annotations", async () => {
    const legacy = responseOf(await validate(admissionReview(pod("agent", "legacy", privilegedSpec))));
    expect(legacy.status?.message ?? "").not.toContain("privileged-container:");
    const annotated = pod("agent", "team", privilegedSpec, { "ignore.shipshape.io/privileged-container": "trust me" });
    expect(responseOf(await validate(admissionReview(annotated))).status!.message).toContain("privileged-container:");
  });
});

describe("webhook under hostile requests", () => {
  it("answers 400 with a reason for bodies that are not AdmissionReviews", async () => {
    const cases: [string, RegExp][] = [
      ["{not json", /not JSON/],
      [JSON.stringify({ apiVersion: "admission.k8s.io/v1beta1", kind: "AdmissionReview", request: {} }), /apiVersion must be admission.k8s.io\/v1/],
      [JSON.stringify({ apiVersion: "admission.k8s.io/v1", kind: "ConversionReview" }), /kind must be AdmissionReview/],
      [JSON.stringify({ apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview" }), /request is missing/],
      [JSON.stringify({ apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", request: { uid: "u", operation: "CREATE", namespace: "team" } }), /request.object is missing/],
      [JSON.stringify({ apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", request: { operation: "CREATE", object: {} } }), /uid is missing/],
      ["[1,2,3]", /not a JSON object/],
      ["null", /not a JSON object/],
    ];
    for (const [body, reason] of cases) {
      const r = await request(hook.port, "POST", "/validate", body);
      expect(r.status, body).toBe(400);
      expect(String(r.json.error)).toMatch(reason);
    }
  });

  it("refuses a huge body with 413", async () => {
    const huge = Buffer.alloc(4 * 1024 * 1024, 0x20);
    const r = await request(hook.port, "POST", "/validate", huge);
    expect(r.status).toBe(413);
  });

  it("refuses a huge chunked body with 413 (no Content-Length to trust)", async () => {
    const r = await new Promise<number>((resolve, reject) => {
      const req = https.request({ host: "127.0.0.1", port: hook.port, method: "POST", path: "/validate", ca, servername: "localhost", agent: false, headers: { "Transfer-Encoding": "chunked" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", (e) => (String(e).includes("EPIPE") || String(e).includes("ECONNRESET") ? resolve(-1) : reject(e)));
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      for (let i = 0; i < 16; i++) req.write(chunk);
      req.end();
    });
    // The server answers 413 and closes; a client still writing may see the reset first.
    expect([413, -1]).toContain(r);
  });

  it("closes the connection of a client that never finishes its headers", async () => {
    const started = Date.now();
    const closed = await new Promise<string>((resolve) => {
      const socket = tls.connect({ host: "127.0.0.1", port: hook.port, ca, servername: "localhost" }, () => {
        socket.write("POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n");
      });
      let data = "";
      socket.on("data", (d: Buffer) => (data += d.toString()));
      socket.on("close", () => resolve(data));
      socket.on("error", () => undefined);
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(closed === "" || closed.startsWith("HTTP/1.1 408")).toBe(true);
  });

  it("answers wrong methods and paths without crashing", async () => {
    expect((await request(hook.port, "GET", "/validate")).status).toBe(405);
    expect((await request(hook.port, "POST", "/mutate", "{}")).status).toBe(404);
  });

  it("still answers correctly afterwards, and reports health, readiness and metrics", async () => {
    expect(responseOf(await validate(admissionReview(pod("p", "team", privilegedSpec)))).allowed).toBe(false);
    expect((await request(hook.port, "GET", "/healthz")).status).toBe(200);
    expect((await request(hook.port, "GET", "/readyz")).status).toBe(200);
    const m = await request(hook.port, "GET", "/metrics");
    expect(m.text).toMatch(/shipshape_webhook_requests_total\{code="200"\} \d+/);
    expect(m.text).toMatch(/shipshape_webhook_requests_total\{code="400"\} \d+/);
    expect(m.text).toMatch(/shipshape_webhook_rule_decisions_total\{rule="privileged-container",outcome="deny"\} \d+/);
    expect(m.text).toMatch(/shipshape_webhook_decisions_total\{outcome="denied"\} \d+/);
    expect(m.text).toMatch(/shipshape_webhook_review_duration_seconds_bucket\{le="\+Inf"\} \d+/);
    expect(hook.metrics.count(500)).toBe(0);
  });

  it("logs structured entries without object content", () => {
    const reviews = logs.filter((l) => l.msg === "review");
    expect(reviews.length).toBeGreaterThan(10);
    const text = JSON.stringify(logs);
    expect(text).not.toContain("registry.example.com");
    expect(text).not.toContain("trust me");
    expect(reviews.some((l) => l.allowed === false && Array.isArray(l.denied) && (l.denied as string[]).includes("privileged-container"))).toBe(true);
  });
});

describe("certificate reload", () => {
  it("presents the new certificate after the Secret volume's ..data symlink is swapped", async () => {
    // Layout of a Secret volume: tls.crt -> ..data/tls.crt, ..data -> ..2026_01_01_00_00_00.000000001/
    const vol = path.join(dir, "secret-volume");
    const a = makeCertificate(dir, "a", "cert-a");
    const b = makeCertificate(dir, "b", "cert-b");
    const publish = (gen: string, pair: { cert: string; key: string }) => {
      const d = path.join(vol, gen);
      mkdirSync(d, { recursive: true });
      renameSync(pair.cert, path.join(d, "tls.crt"));
      renameSync(pair.key, path.join(d, "tls.key"));
      symlinkSync(gen, path.join(vol, "..data_tmp"));
      renameSync(path.join(vol, "..data_tmp"), path.join(vol, "..data"));
    };
    mkdirSync(vol);
    publish("..2026_01_01_00_00_00.000000001", a);
    symlinkSync("..data/tls.crt", path.join(vol, "tls.crt"));
    symlinkSync("..data/tls.key", path.join(vol, "tls.key"));
    const server = await startWebhook({ admission: admission(), certFile: path.join(vol, "tls.crt"), keyFile: path.join(vol, "tls.key"), port: 0, host: "127.0.0.1", certPollMs: 0, log: () => undefined });
    const presented = () =>
      new Promise<string>((resolve, reject) => {
        const s = tls.connect({ host: "127.0.0.1", port: server.port, rejectUnauthorized: false }, () => {
          const cn = s.getPeerCertificate().subject.CN;
          s.end();
          resolve(String(cn));
        });
        s.on("error", reject);
      });
    try {
      expect(await presented()).toBe("cert-a");
      publish("..2026_01_02_00_00_00.000000002", b);
      const deadline = Date.now() + 5000;
      let cn = await presented();
      while (cn !== "cert-b" && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        cn = await presented();
      }
      expect(cn).toBe("cert-b");
      // A review over the new certificate still works.
      const r = await request(server.port, "POST", "/validate", JSON.stringify(admissionReview(pod("p", "team", SECURE_POD_SPEC))), {}, { ca: readFileSync(path.join(vol, "tls.crt")) });
      expect(r.status).toBe(200);
    } finally {
      await server.close(500);
    }
  });

  it("keeps the old pair when the new files do not match", async () => {
    const c = makeCertificate(dir, "c", "cert-c");
    const d = makeCertificate(dir, "d", "cert-d");
    const server = await startWebhook({ admission: admission(), certFile: c.cert, keyFile: c.key, port: 0, host: "127.0.0.1", certPollMs: 0, log: () => undefined });
    try {
      renameSync(d.cert, c.cert); // new certificate, old key: a half-finished update
      expect(server.reloadCertificates()).toBe(false);
      expect((await request(server.port, "GET", "/healthz", undefined, {}, { rejectUnauthorized: false })).status).toBe(200);
    } finally {
      await server.close(500);
    }
  });
});
