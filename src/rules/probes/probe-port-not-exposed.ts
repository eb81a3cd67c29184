import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray, asInt } from "../../model/values.js";
import { PROBES, probedContainers } from "./_probes.js";

// Checks the httpGet, tcpSocket and grpc ports of liveness, readiness and startup probes of regular and
// sidecar containers (init containers with restartPolicy Always). The kubelet resolves a named port among the
// probed container's own `ports`; a name it cannot find makes the probe fail (the API server accepts it).
// Reported:
// - a port name no containerPort of the same container carries (a port of another container does not count);
// - a port name that the container declares only for UDP or SCTP: probes connect over TCP.
// Port numbers are not reported: the kubelet connects to the number whether or not it is declared, and
// `ports` is informational ("Not specifying a port here DOES NOT prevent that port from being exposed").
// Health ports left out of `ports` are common and work (ingress-nginx's 10254, the OpenTelemetry
// collector's 13133). Numeric strings ("8080") are read as numbers, as the kubelet falls back to. Probes with
// a `host` set check another host and are skipped.
export default defineRule({
  id: "probe-port-not-exposed",
  title: "Probe targets an undeclared port",
  rationale:
    "A probe that refers to a port by a name the container does not declare (a typo, a port renamed in one place only, or " +
    "the name of another container's port) always fails: liveness probes then restart a healthy container in a loop, and readiness probes keep it out of " +
    "its Service forever.",
  attack:
    "This is a reliability defect rather than an attack path: a broken probe causes restarts or removes pods from service, and " +
    "operators who disable the failing probe in a hurry lose the protection it was meant to give.",
  remediation:
    "Point the probe at a port name the container declares in `ports`, fix the name that differs, or use the port number.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
      ports:
        - name: http
          containerPort: 8080
      livenessProbe:
        httpGet:
          path: /healthz
          port: htpp
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
      ports:
        - name: http
          containerPort: 8080
      livenessProbe:
        httpGet:
          path: /healthz
          port: http
`,
  },
  messages: {
    unknownName: "The {{probe}} of container '{{container}}' uses port '{{port}}', but the container has no port of that name, so the probe always fails",
    notTcp: "The {{probe}} of container '{{container}}' uses port {{port}}, which the container declares for {{protocol}}; probes connect over TCP",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    for (const c of probedContainers(w)) {
      const ports = asArray(c.spec.ports).filter(isObject).map((p) => ({
        name: typeof p.name === "string" ? p.name : undefined,
        protocol: typeof p.protocol === "string" && p.protocol !== "" ? p.protocol : "TCP",
      }));
      for (const key of PROBES) {
        const probe = c.spec[key];
        if (!isObject(probe)) continue;
        for (const handler of ["httpGet", "tcpSocket", "grpc"] as const) {
          const h = probe[handler];
          if (!isObject(h) || h.port === undefined || h.port === null) continue;
          if (handler !== "grpc" && typeof h.host === "string" && h.host !== "") continue;
          const path = [...c.path, key, handler, "port"];
          const probeName = key.replace("Probe", " probe");
          const base = { probe: probeName, container: c.name, port: String(h.port) };
          if (typeof h.port !== "string" || asInt(h.port) !== undefined) continue;
          const byName = ports.filter((p) => p.name === h.port);
          if (byName.length === 0) {
            ctx.report({ messageId: "unknownName", data: base, path, container: c });
          } else if (!byName.some((p) => p.protocol === "TCP")) {
            ctx.report({ messageId: "notTcp", data: { ...base, protocol: byName[0]!.protocol }, path, container: c });
          }
        }
      }
    }
  },
});
