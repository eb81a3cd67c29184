import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray, asInt } from "../../model/values.js";

// Pod Security Admission `hostPorts` (baseline, all policy versions): every `ports[].hostPort` of every
// container, init container and ephemeral container must be unset or 0. The `allowedHostPorts` parameter
// (numbers, or "from-to" ranges) lets a team exempt known ports; empty, the default, allows none, as PSA does.
// A hostPort that is not a number (a template leftover) is reported too: it is not 0.
export default defineRule({
  id: "host-port",
  title: "hostPort used",
  rationale:
    "A hostPort opens the container's port directly on the node's network interfaces. Traffic to the node's " +
    "address on that port goes straight to the container, past Services and NetworkPolicies. It also ties the pod " +
    "to nodes where the port is free, so two replicas cannot share a node.",
  attack:
    "An attacker who can reach nodes (from another network segment, or from any pod) reaches the container " +
    "directly on the node's address, bypassing the NetworkPolicies meant to protect it; a compromised pod with a " +
    "hostPort can also capture traffic meant for a node service on that port.",
  remediation:
    "Remove `hostPort` and expose the container through a Service (ClusterIP, or NodePort/LoadBalancer when it " +
    "must be reachable from outside). If a node-level component truly needs a fixed port on each node, list that " +
    "port in the rule's `allowedHostPorts` parameter.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 8080
          hostPort: 80
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 8080
`,
  },
  messages: {
    hostPort: "Container '{{container}}' binds port {{port}} directly on the node (hostPort)",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    const allowed = ctx.params.strings("allowedHostPorts").map(parseRange).filter((r) => r !== undefined);
    for (const c of w.containers) {
      asArray(c.spec.ports).forEach((port, i) => {
        if (!isObject(port)) return;
        const value = port.hostPort;
        if (value === undefined || value === null) return;
        const n = asInt(value);
        if (n === 0) return;
        if (n !== undefined && allowed.some(([lo, hi]) => n >= lo && n <= hi)) return;
        const path = [...c.path, "ports", i, "hostPort"];
        ctx.report({
          messageId: "hostPort",
          data: { container: c.name, port: n ?? String(value) },
          path,
          container: c,
          fix: fixes.remove(path, {
            description: "Remove the hostPort",
            safety: "unsafe",
            note: "Clients that reach the container on the node's address and this port lose access; put a Service in front of it first.",
          }),
        });
      });
    }
  },
});

/** "8080" or "8000-8100" as an inclusive range; anything else is ignored. */
function parseRange(s: string): [number, number] | undefined {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(s);
  if (!m) return undefined;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return lo <= hi ? [lo, hi] : [hi, lo];
}
