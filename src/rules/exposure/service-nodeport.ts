import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import type { FixOp } from "../../model/finding.js";
import { isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";

// Reports `spec.type: NodePort` on a v1 Service. LoadBalancer Services also allocate node ports, but the
// service-loadbalancer rule covers them.
export default defineRule({
  id: "service-nodeport",
  title: "NodePort Service",
  rationale:
    "A NodePort Service opens a port (30000-32767 by default) on every node of the cluster and forwards it to the " +
    "pods. Whoever can reach any node's address reaches the workload, without going through the ingress controller, " +
    "its TLS, authentication and logging, and often past firewalls that were written for the ingress path only.",
  attack:
    "An attacker scans the nodes' addresses (from the internet when nodes have public IPs, or from any machine in the " +
    "network) for the NodePort range and talks to the workload directly, bypassing the protections in front of it.",
  remediation:
    "Use `type: ClusterIP` and publish the workload through an Ingress or Gateway, or a LoadBalancer Service when it " +
    "really needs its own address. If a NodePort is required (bare-metal load balancers), limit who can reach the " +
    "nodes on that range with firewall rules.",
  example: {
    insecure: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector: {app: web}
  ports:
    - port: 80
      targetPort: 8080
      nodePort: 30080
`,
    secure: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  selector: {app: web}
  ports:
    - port: 80
      targetPort: 8080
`,
  },
  messages: {
    nodePort: "Service '{{name}}' is of type NodePort: its port is open on every node of the cluster",
  },
  check(ctx) {
    const r = ctx.resource;
    if (r.apiVersion !== "v1" || !isObject(r.object.spec) || r.object.spec.type !== "NodePort") return;
    const ops: FixOp[] = [{ op: "set", path: ["spec", "type"], value: "ClusterIP" }];
    asArray(r.object.spec.ports).forEach((p, i) => {
      if (isObject(p) && p.nodePort !== undefined) ops.push({ op: "remove", path: ["spec", "ports", i, "nodePort"] });
    });
    ctx.report({
      messageId: "nodePort",
      data: { name: r.name },
      path: ["spec", "type"],
      fix: fixes.ops(ops, {
        description: "Change the Service to ClusterIP (and drop its nodePorts)",
        safety: "unsafe",
        note: "Clients that connect to the nodes on this port lose access; publish the workload through an Ingress, Gateway or load balancer first.",
      }),
    });
  },
});
