import { type FSWatcher, readFileSync, watch } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createSecureContext } from "node:tls";
import type { Admission } from "./admission.js";
import { Metrics } from "./metrics.js";

export interface WebhookServerOptions {
  admission: Admission;
  certFile: string;
  keyFile: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Larger bodies get 413 (default 3 MiB; kube-apiserver objects are at most ~1.5 MiB). */
  maxBodyBytes?: number;
  /** Time to receive the request headers (default 10 s). */
  headersTimeoutMs?: number;
  /** Time to receive the whole request (default 30 s). */
  requestTimeoutMs?: number;
  /** How often the certificate files are re-read even without a file-system event (default 60 s; 0: never). */
  certPollMs?: number;
  /** One structured log entry; default: a JSON line on stderr. */
  log?: (entry: Record<string, unknown>) => void;
}

export interface WebhookServer {
  readonly server: https.Server;
  readonly port: number;
  readonly metrics: Metrics;
  /** Re-reads the certificate and key; true when the server now presents a new pair. */
  reloadCertificates(): boolean;
  /** Stops accepting, lets requests in flight finish (up to graceMs), then closes everything. */
  close(graceMs?: number): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 3 * 1024 * 1024;

export function jsonLog(entry: Record<string, unknown>): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
}

/** Starts the HTTPS admission webhook: POST /validate, GET /healthz, /readyz, /metrics. */
export async function startWebhook(options: WebhookServerOptions): Promise<WebhookServer> {
  const log = options.log ?? jsonLog;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? 30_000, headersTimeout);
  const metrics = new Metrics();
  let ready = false;
  let current = readPair(options.certFile, options.keyFile);

  const server = https.createServer(
    {
      cert: current.cert,
      key: current.key,
      minVersion: "TLSv1.2",
      handshakeTimeout: Math.min(10_000, requestTimeout),
      headersTimeout,
      requestTimeout,
      keepAliveTimeout: 30_000,
      // How often Node checks the two timeouts above (its default, 30 s, would let a slow client sit far longer).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeout / 4))),
    },
    (req, res) => handle(req, res),
  );

  function send(res: ServerResponse, code: number, body: string, type: string, close = false): void {
    metrics.request(code);
    const headers: Record<string, string | number> = { "Content-Type": type, "Content-Length": Buffer.byteLength(body) };
    if (close) headers.Connection = "close";
    res.writeHead(code, headers);
    res.end(body);
  }
  const sendJson = (res: ServerResponse, code: number, value: unknown, close = false) => send(res, code, JSON.stringify(value), "application/json", close);

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" || req.method === "HEAD") {
      if (url === "/healthz") return send(res, 200, "ok\n", "text/plain");
      if (url === "/readyz") return ready ? send(res, 200, "ok\n", "text/plain") : send(res, 503, "not ready\n", "text/plain");
      if (url === "/metrics") return send(res, 200, metrics.render(), "text/plain; version=0.0.4");
    }
    if (url !== "/validate") return sendJson(res, 404, { error: `no such path: ${String(url).slice(0, 100)}` });
    if (req.method !== "POST") {
      res.setHeader("Allow", "POST");
      return sendJson(res, 405, { error: "use POST" });
    }
    const started = process.hrtime.bigint();
    const done = (code: number, entry: Record<string, unknown>) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.latency(seconds);
      log({ level: code >= 500 ? "error" : code >= 400 ? "warn" : "info", msg: "review", code, durationMs: Math.round(seconds * 1e6) / 1e3, ...entry });
    };
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > maxBody) {
      sendJson(res, 413, { error: `request body of ${declared} bytes is over the limit of ${maxBody}` }, true);
      req.resume();
      return done(413, { error: "body too large" });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > maxBody) {
        over = true;
        chunks.length = 0;
        sendJson(res, 413, { error: `request body is over the limit of ${maxBody} bytes` }, true);
        done(413, { error: "body too large" });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("error", () => {
      /* the client went away; nothing to answer */
    });
    req.on("end", () => {
      if (over) return;
      try {
        let parsed: unknown;
        try {
          parsed = JSON.parse(Buffer.concat(chunks, size).toString("utf8"));
        } catch (err) {
          // V8's message quotes the text around the error, which may be a Secret's data: give the position only.
          const at = /position (\d+)/.exec((err as Error).message)?.[1];
          sendJson(res, 400, { error: `the body is not JSON${at === undefined ? "" : ` (error at character ${at})`}` });
          return done(400, { error: "not JSON" });
        }
        const decision = options.admission.review(parsed);
        sendJson(res, decision.httpStatus, decision.body);
        const l = decision.log;
        if (decision.httpStatus === 200) {
          const outcome = l.skipped ? "skipped" : l.allowed === false ? "denied" : l.warned.length > 0 ? "warned" : "allowed";
          metrics.decision(outcome);
          for (const r of l.denied) metrics.rule(r, "deny");
          for (const r of l.warned) metrics.rule(r, "warn");
        }
        done(decision.httpStatus, { ...l });
      } catch (err) {
        // A bug, not the client's fault: answer 500 (the API server applies failurePolicy) and keep serving.
        if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
        done(500, { error: err instanceof Error ? err.message : String(err) });
      }
    });
  }

  server.on("tlsClientError", () => {
    /* handshakes that fail (scanners, wrong CA) are the client's problem; Node closes the socket */
  });

  function reloadCertificates(): boolean {
    let next;
    try {
      next = readPair(options.certFile, options.keyFile);
    } catch (err) {
      log({ level: "warn", msg: "cannot read certificate files; keeping the current pair", error: (err as Error).message });
      return false;
    }
    if (next.cert.equals(current.cert) && next.key.equals(current.key)) return false;
    try {
      // During a Secret update the two files can briefly disagree: keep the old pair until they match.
      createSecureContext({ cert: next.cert, key: next.key });
      server.setSecureContext({ cert: next.cert, key: next.key, minVersion: "TLSv1.2" });
    } catch (err) {
      log({ level: "warn", msg: "new certificate pair rejected; keeping the current pair", error: (err as Error).message });
      return false;
    }
    current = next;
    log({ level: "info", msg: "certificate reloaded", certFile: options.certFile });
    return true;
  }

  // Kubernetes updates a Secret volume by swapping the `..data` symlink in the mounted folder, so the folder is
  // watched, not only the files (a watch on the file itself follows the old inode).
  const watchers: FSWatcher[] = [];
  let pending: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = undefined;
      reloadCertificates();
    }, 100);
    pending.unref();
  };
  for (const dir of new Set([path.dirname(path.resolve(options.certFile)), path.dirname(path.resolve(options.keyFile))])) {
    try {
      const w = watch(dir, { persistent: false }, schedule);
      w.on("error", () => undefined);
      watchers.push(w);
    } catch {
      /* no watch support: the poll below still reloads */
    }
  }
  const pollMs = options.certPollMs ?? 60_000;
  const poll = pollMs > 0 ? setInterval(() => reloadCertificates(), pollMs) : undefined;
  poll?.unref();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });
  ready = true;
  const port = (server.address() as AddressInfo).port;
  log({ level: "info", msg: "listening", port, rules: options.admission.ruleCount });

  let closing: Promise<void> | undefined;
  return {
    server,
    port,
    metrics,
    reloadCertificates,
    close(graceMs = 10_000) {
      closing ??= new Promise<void>((resolve) => {
        ready = false;
        for (const w of watchers) w.close();
        if (pending) clearTimeout(pending);
        if (poll) clearInterval(poll);
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          log({ level: "info", msg: "stopped" });
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

function readPair(certFile: string, keyFile: string): { cert: Buffer; key: Buffer } {
  return { cert: readFileSync(certFile), key: readFileSync(keyFile) };
}
