import { defineRule } from "../../engine/rule-types.js";
import { serviceIndex } from "../../model/services.js";
import { isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";
import { isDns1123Label, isValidPortName } from "./_selectors.js";

// Port names as the API server validates them, plus the one cross-object check that silently breaks traffic:
// - workloads: each `ports[].name` of every container must be an IANA service name (1-15 of a-z, 0-9, '-',
//   at least one letter, no '--', no leading or trailing '-') (`containerPortName`) and unique in the pod
//   (`duplicateName`);
// - v1 Services: each `ports[].name` must be a DNS-1123 label (`servicePortName`) and is required when there
//   are several ports (`servicePortNameMissing`); `targetPort` must be a number from 1 to 65535 (0 means "same
//   as port") or an IANA service name (`targetPortRange`, `targetPortName`; a quoted "8080" is a name, and an
//   invalid one); a named targetPort must be declared, with the port's protocol, by a container of at least
//   one pod template the Service selects (`targetPortUndefined`; not judged when it selects none in the scan).
export default defineRule({
  id: "invalid-port-names",
  title: "Invalid port names or target ports",
  rationale:
    "Ports are matched by name in several places: a Service's `targetPort`, probes, NetworkPolicies. The API server " +
    "rejects names that break its syntax, and a Service whose named targetPort no container declares has no " +
    "endpoints for that port: traffic is silently dropped while everything looks deployed.",
  attack:
    "Not an attack in itself; the risk is that a security control keyed on the port (a NetworkPolicy allowing a named " +
    "port, a probe) silently stops matching, or that an outage is taken for an attack and the wrong rules are loosened.",
  remediation:
    "Use lowercase names of at most 15 characters with at least one letter (`http`, `metrics`, `grpc-web`) for " +
    "container ports and targetPorts, DNS labels for Service ports, a name for every port of a multi-port Service, " +
    "and make each named targetPort match a container port's name.",
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
        - name: http_metrics_port
          containerPort: 9090
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
        - name: metrics
          containerPort: 9090
`,
  },
  messages: {
    containerPortName: "Container port name '{{value}}' is not a valid IANA service name (1-15 lowercase letters, digits or '-', with a letter)",
    duplicateName: "Port name '{{value}}' is already used by another port of the pod",
    servicePortName: "Service port name '{{value}}' is not a valid DNS label (lowercase letters, digits and '-', at most 63)",
    servicePortNameMissing: "Port {{index}} of a multi-port Service has no name, which the API server requires",
    targetPortRange: "targetPort {{value}} is not a port number (1-65535)",
    targetPortName: "targetPort '{{value}}' is not a valid port name (1-15 lowercase letters, digits or '-', with a letter)",
    targetPortUndefined: "targetPort '{{value}}' ({{protocol}}) is not a port name of any container of the pods this Service selects",
  },
  check(ctx) {
    const w = ctx.workload;
    if (w) {
      const seen = new Set<string>();
      for (const c of w.containers) {
        asArray(c.spec.ports).forEach((p, i) => {
          if (!isObject(p) || p.name === undefined || p.name === null) return;
          const path = [...c.path, "ports", i, "name"];
          const value = String(p.name);
          if (typeof p.name !== "string" || !isValidPortName(value)) {
            ctx.report({ messageId: "containerPortName", data: { value }, path, container: c });
          } else if (seen.has(value)) {
            ctx.report({ messageId: "duplicateName", data: { value }, path, container: c });
          }
          seen.add(value);
        });
      }
      return;
    }

    const idx = serviceIndex(ctx.inventory);
    const s = idx.service(ctx.resource);
    if (!s || !isObject(ctx.resource.object.spec)) return;
    const raw = asArray(ctx.resource.object.spec.ports);
    const templates = idx.selectedBy(s).filter((t) => t.workload);
    raw.forEach((p, i) => {
      if (!isObject(p)) return;
      const base = ["spec", "ports", i];
      if (p.name !== undefined && p.name !== null && p.name !== "") {
        if (typeof p.name !== "string" || !isDns1123Label(p.name)) ctx.report({ messageId: "servicePortName", data: { value: String(p.name) }, path: [...base, "name"] });
      } else if (raw.length > 1) {
        ctx.report({ messageId: "servicePortNameMissing", data: { index: i }, path: [...base, "name"] });
      }
      const tp = p.targetPort;
      const tpPath = [...base, "targetPort"];
      if (typeof tp === "number") {
        if (!Number.isInteger(tp) || tp < 0 || tp > 65535) ctx.report({ messageId: "targetPortRange", data: { value: tp }, path: tpPath });
      } else if (typeof tp === "string" && tp !== "") {
        if (!isValidPortName(tp)) {
          ctx.report({ messageId: "targetPortName", data: { value: tp }, path: tpPath });
        } else if (templates.length > 0) {
          const protocol = typeof p.protocol === "string" && p.protocol !== "" ? p.protocol.toUpperCase() : "TCP";
          const declared = templates.some((t) => t.ports.some((cp) => cp.name === tp && cp.protocol === protocol));
          if (!declared) ctx.report({ messageId: "targetPortUndefined", data: { value: tp, protocol }, path: tpPath });
        }
      }
    });
  },
});
