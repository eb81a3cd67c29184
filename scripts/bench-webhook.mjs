#!/usr/bin/env node
// Drives `shipshape webhook` (a child process, as it runs in a cluster) over HTTPS on loopback with autocannon.
//   node scripts/bench-webhook.mjs [--rate 1000] [--duration 10] [--connections 20]
//   node scripts/bench-webhook.mjs --soak 60        60 s at the same rate with 1 % hostile requests mixed in:
//                                                   fails unless the webhook survives and no valid request gets a 5xx
// Needs `npm run build` first (npm run bench:webhook does it).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { SECURE_POD_SPEC, admissionReview, deployment, makeCertificate } from "../dist/webhook/fixtures.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : def;
};
const soak = opt("soak", 0);
const rate = opt("rate", 1000);
const duration = soak || opt("duration", 10);
// autocannon's rate limit is per connection and per second (each connection sends its share back to back, then
// waits for the next second), so fewer connections mean smaller bursts.
const connections = opt("connections", 10);

// A typical Deployment review: hardened, but without probes, so the answer carries warnings.
const container = { ...SECURE_POD_SPEC.containers[0] };
delete container.livenessProbe;
delete container.readinessProbe;
const UID = "3f1c1c5e-9b7a-4c1e-8c55-6a1b2c3d4e5f";
const review = admissionReview(deployment("shop-frontend", "shop", { ...SECURE_POD_SPEC, containers: [container] }), { uid: UID });
const body = JSON.stringify(review);

const HOSTILE = [
  { name: "not JSON", body: "{\"apiVersion\": \"admission.k8s.io/v1\", \"kind\": " },
  { name: "wrong apiVersion", body: JSON.stringify({ ...review, apiVersion: "admission.k8s.io/v1beta1" }) },
  { name: "wrong kind", body: JSON.stringify({ ...review, kind: "ConversionReview" }) },
  { name: "no request", body: JSON.stringify({ apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview" }) },
  { name: "no object", body: JSON.stringify({ apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", request: { uid: "x", operation: "CREATE" } }) },
  { name: "object is a string", body: JSON.stringify({ ...review, request: { ...review.request, object: "pod" } }) },
  { name: "deeply nested", body: `${"[".repeat(5000)}${"]".repeat(5000)}` },
  { name: "huge (4 MiB)", body: `{"pad":"${"x".repeat(4 * 1024 * 1024)}"}` },
];

const dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-bench-webhook-"));
const { cert, key } = makeCertificate(dir, "bench");
const child = spawn(process.execPath, [path.join(root, "bin", "shipshape.js"), "webhook", "--no-config", "--port", "0", "--host", "127.0.0.1", "--tls-cert", cert, "--tls-key", key], {
  stdio: ["ignore", "ignore", "pipe"],
});
let exited = null;
child.on("exit", (code, signal) => (exited = { code, signal }));
let logTail = "";
const port = await new Promise((resolve, reject) => {
  let buf = "";
  child.stderr.on("data", (d) => {
    buf += d.toString();
    logTail = (logTail + d.toString()).slice(-4000);
    const m = /"msg":"listening","port":(\d+)/.exec(buf);
    if (m) resolve(Number(m[1]));
  });
  child.on("exit", () => reject(new Error(`webhook exited before listening:\n${buf}`)));
});
// Keep draining the log so the child never blocks on a full pipe.
child.stderr.on("data", (d) => (logTail = (logTail + d.toString()).slice(-4000)));

const get = (p) =>
  new Promise((resolve, reject) => {
    https.get({ host: "127.0.0.1", port, path: p, ca: readFileSync(cert), servername: "localhost", agent: false }, (res) => {
      let t = "";
      res.on("data", (c) => (t += c));
      res.on("end", () => resolve({ status: res.statusCode, text: t }));
    }).on("error", reject);
  });

// Answers are classified by what came back, not by which request a connection sent last (autocannon may set up the
// next request before the previous answer arrives, and reconnects after the server closes on a huge body):
// every 200 must be the right answer to the valid review, and there may be no more 4xx than hostile requests sent.
const tally = { sent: 0, hostileSent: 0, ok: 0, wrong200: 0, byStatus: {} };
let seq = 0;
const result = await autocannon({
  url: `https://127.0.0.1:${port}/validate`,
  connections,
  overallRate: rate,
  duration,
  requests: [
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      setupRequest: (req) => {
        seq++;
        const hostile = soak > 0 && seq % 100 === 0 ? HOSTILE[(seq / 100) % HOSTILE.length] : undefined;
        tally.sent++;
        if (hostile) tally.hostileSent++;
        return { ...req, body: hostile ? hostile.body : body };
      },
      onResponse: (status, resBody) => {
        tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
        if (status !== 200) return;
        // Cheap check (the client shares the two cores with the webhook): the uid echoed, allowed, with warnings.
        if (resBody.includes(`"uid":"${UID}","allowed":true,"warnings":["`)) tally.ok++;
        else tally.wrong200++;
      },
    },
  ],
});

const aliveAtEnd = exited === null;
const health = exited ? { status: 0 } : await get("/healthz").catch(() => ({ status: 0 }));
const metrics = exited ? "" : (await get("/metrics").catch(() => ({ text: "" }))).text;
const counter = (code) => Number(new RegExp(`shipshape_webhook_requests_total\\{code="${code}"\\} (\\d+)`).exec(metrics)?.[1] ?? 0);
const buckets = [...metrics.matchAll(/shipshape_webhook_review_duration_seconds_bucket\{le="([^"]+)"\} (\d+)/g)].map((m) => [m[1], Number(m[2])]);
const total = buckets.at(-1)?.[1] ?? 0;
const serverQuantile = (q) => buckets.find(([, n]) => n >= q * total)?.[0];

child.kill("SIGTERM");
await new Promise((r) => (exited ? r() : child.on("exit", r)));
rmSync(dir, { recursive: true, force: true });

const lat = result.latency;
const report = {
  mode: soak ? `soak ${duration}s with 1% hostile requests` : `fixed rate ${rate}/s for ${duration}s`,
  body: `${body.length} bytes (Deployment, CREATE)`,
  connections,
  requestsPerSecond: { mean: result.requests.average, total: result.requests.total },
  latencyMs: { p50: lat.p50, p90: lat.p90, p99: lat.p99, mean: lat.mean, max: lat.max },
  serverSideLatencyBucketSeconds: { p50: `<= ${serverQuantile(0.5)}`, p99: `<= ${serverQuantile(0.99)}` },
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  requestsSetUp: { total: tally.sent, hostile: tally.hostileSent },
  answersByStatus: tally.byStatus,
  rightAnswers: tally.ok,
  wrongAnswers: tally.wrong200,
  serverCounters: { "200": counter(200), "400": counter(400), "413": counter(413), "500": counter(500) },
  webhookAliveAtEnd: aliveAtEnd && health.status === 200,
  exit: exited,
};
console.log(JSON.stringify(report, null, 2));

const failures = [];
if (!report.webhookAliveAtEnd) failures.push("the webhook did not survive");
const status = (lo, hi) => Object.entries(tally.byStatus).filter(([c]) => Number(c) >= lo && Number(c) <= hi).reduce((n, [, k]) => n + k, 0);
if (status(500, 599) > 0 || counter(500) > 0) failures.push("5xx answers");
if (tally.wrong200 > 0) failures.push(`${tally.wrong200} valid requests got a wrong answer`);
if (status(400, 499) > tally.hostileSent) failures.push(`${status(400, 499)} 4xx answers for ${tally.hostileSent} hostile requests: valid requests were refused`);
if (!soak && result.errors > 0) failures.push(`${result.errors} connection errors`);
if (exited && exited.code !== 0) failures.push(`the webhook exited with ${JSON.stringify(exited)}:\n${logTail}`);
if (failures.length > 0) {
  console.error(`FAIL: ${failures.join("; ")}`);
  process.exit(1);
}
console.error(soak ? "PASS: no crash, no 5xx and no wrong answer for valid requests" : `p50 ${lat.p50} ms, p99 ${lat.p99} ms at ${Math.round(result.requests.average)} requests/s`);
