import { defineRule } from "../../engine/rule-types.js";
import { type JsonObject, isObject } from "../../model/types.js";
import { asInt } from "../../model/values.js";
import { probedContainers } from "./_probes.js";
import { jsonText } from "../../model/json-text.js";

// Compares the liveness and readiness probes of regular and sidecar containers as Kubernetes runs them:
// the check (exec, httpGet, tcpSocket or grpc, with defaults applied: scheme HTTP, path "/", numeric ports
// as numbers) and how fast it declares failure (periodSeconds 10, timeoutSeconds 1, failureThreshold 3 by
// default). Delays (initialDelaySeconds) and successThreshold do not change how an overloaded container is
// treated once running and are ignored, so a liveness probe that only starts later is still identical.
// A liveness probe with a higher failureThreshold or period (slower to give up) is not identical.
export default defineRule({
  id: "probes-identical",
  title: "Liveness and readiness probes identical",
  rationale:
    "Readiness takes a struggling container out of rotation; liveness restarts it. When both probes are the same check with " +
    "the same thresholds, a container that is briefly overloaded fails both at once and is restarted instead of being given " +
    "time to recover, and as restarted pods shift their load onto the others the failure can cascade through the service.",
  attack:
    "A burst of expensive requests makes every replica slow for a moment; identical probes turn that moment into a wave of " +
    "restarts that takes the whole service down.",
  remediation:
    "Make the liveness probe check only that the process is alive (a cheap endpoint that does not depend on downstream " +
    "services) and/or give it a larger failureThreshold or period than the readiness probe.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
      livenessProbe:
        httpGet: {path: /health, port: 8080}
      readinessProbe:
        httpGet: {path: /health, port: 8080}
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
      livenessProbe:
        httpGet: {path: /livez, port: 8080}
        failureThreshold: 6
      readinessProbe:
        httpGet: {path: /readyz, port: 8080}
`,
  },
  messages: {
    identical: "Container '{{container}}' uses the same liveness and readiness probe, so an overloaded container is restarted instead of just taken out of rotation",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    for (const c of probedContainers(w)) {
      const live = c.spec.livenessProbe;
      const ready = c.spec.readinessProbe;
      if (!isObject(live) || !isObject(ready)) continue;
      const a = normalise(live);
      const b = normalise(ready);
      if (a === undefined || a !== b) continue;
      ctx.report({ messageId: "identical", data: { container: c.name }, path: [...c.path, "livenessProbe"], container: c });
    }
  },
});

/** A canonical text of the probe's check and failure timing; undefined when it has no recognisable check. */
function normalise(p: JsonObject): string | undefined {
  let handler: unknown;
  if (isObject(p.exec)) handler = { exec: p.exec.command ?? null };
  else if (isObject(p.httpGet)) {
    const h = p.httpGet;
    handler = {
      httpGet: {
        host: h.host ?? "",
        port: port(h.port),
        path: h.path === undefined || h.path === null || h.path === "" ? "/" : h.path,
        scheme: typeof h.scheme === "string" && h.scheme !== "" ? h.scheme.toUpperCase() : "HTTP",
        headers: h.httpHeaders ?? [],
      },
    };
  } else if (isObject(p.tcpSocket)) handler = { tcpSocket: { host: p.tcpSocket.host ?? "", port: port(p.tcpSocket.port) } };
  else if (isObject(p.grpc)) handler = { grpc: { port: port(p.grpc.port), service: p.grpc.service ?? "" } };
  else return undefined;
  const timing = {
    periodSeconds: num(p.periodSeconds, 10),
    timeoutSeconds: num(p.timeoutSeconds, 1),
    failureThreshold: num(p.failureThreshold, 3),
  };
  return stable({ handler, timing });
}

function port(v: unknown): unknown {
  return asInt(v) ?? v ?? null;
}

function num(v: unknown, dflt: number): unknown {
  if (v === undefined || v === null) return dflt;
  return asInt(v) ?? v;
}

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(",")}]`;
  if (isObject(v)) return `{${Object.keys(v).sort().map((k) => `${jsonText(k)}:${stable(v[k])}`).join(",")}}`;
  return jsonText(v) ?? "null";
}
