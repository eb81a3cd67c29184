import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray, asInt } from "../../model/values.js";

// Reports container ports that are one of `sshPorts` (22 and 2222 by default) over TCP (the default
// protocol), or that are named "ssh". UDP/SCTP ports with those numbers are not SSH.
export default defineRule({
  id: "ssh-port-exposed",
  title: "SSH port exposed",
  rationale:
    "A container that declares an SSH port very likely runs an SSH server. That is a second way into the container, " +
    "outside of Kubernetes: logins through it are not checked by RBAC, not recorded in the API server's audit log, " +
    "and rely on keys or passwords that are baked into images or mounted from Secrets and rarely rotated.",
  attack:
    "An attacker who finds the SSH port (from another pod, or through a NodePort or LoadBalancer) tries leaked keys " +
    "and weak passwords, or an SSH vulnerability, and gets a shell in the container without ever touching the " +
    "Kubernetes API, invisible to the audit trail.",
  remediation:
    "Remove the SSH server from the image and the port from the manifest. For debugging use `kubectl exec` or " +
    "`kubectl debug`, which RBAC controls and the audit log records. If SSH is the product (a Git server), keep the " +
    "port, restrict who can reach it with a NetworkPolicy, and set the rule's `sshPorts` parameter accordingly.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: registry.example/app:1.0
      ports:
        - containerPort: 22
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: registry.example/app:1.0
      ports:
        - containerPort: 8080
`,
  },
  messages: {
    sshPort: "Container '{{container}}' exposes port {{port}}, which suggests an SSH server runs inside it",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    const ssh = new Set(ctx.params.strings("sshPorts").map((s) => asInt(s)).filter((n) => n !== undefined));
    for (const c of w.containers) {
      asArray(c.spec.ports).forEach((p, i) => {
        if (!isObject(p)) return;
        const protocol = typeof p.protocol === "string" && p.protocol !== "" ? p.protocol.toUpperCase() : "TCP";
        if (protocol !== "TCP") return;
        const port = asInt(p.containerPort);
        const named = typeof p.name === "string" && p.name.toLowerCase() === "ssh";
        if (!(port !== undefined && ssh.has(port)) && !named) return;
        ctx.report({
          messageId: "sshPort",
          data: { container: c.name, port: port ?? String(p.containerPort) },
          path: [...c.path, "ports", i, port !== undefined && ssh.has(port) ? "containerPort" : "name"],
          container: c,
        });
      });
    }
  },
});
