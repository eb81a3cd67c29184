import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray, asInt } from "../../model/values.js";

// Reports every `containerPort` from 1 to `maxPrivilegedPort` (1023) of every container, init container and
// ephemeral container. Windows pods are skipped: Windows has no privileged port range. Not a number (a
// template leftover) or 0 is not reported. No fix: the port the application listens on is its own setting.
export default defineRule({
  id: "privileged-port",
  title: "Privileged container port",
  rationale:
    "On Linux, ports below 1024 are privileged: a process needs root or the NET_BIND_SERVICE capability to listen on " +
    "them. A container that declares such a port usually runs as root for that reason alone, keeping far more power " +
    "than serving traffic requires. Inside a pod any port works, and a Service can still offer port 80 or 443 to clients.",
  attack:
    "When an attacker breaks into the application (a deserialization bug, a command injection), the root user or the " +
    "extra capability kept only to bind the port makes the next steps easier: writing to the image's files, using " +
    "kernel interfaces, escaping to the node.",
  remediation:
    "Make the application listen on a port of 1024 or above (8080 instead of 80, 8443 instead of 443) and map the " +
    "well-known port in the Service (`port: 80`, `targetPort: 8080`). Then run the container as a non-root user " +
    "without added capabilities.",
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
        - containerPort: 80
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginxinc/nginx-unprivileged:1.27
      ports:
        - containerPort: 8080
`,
  },
  messages: {
    privilegedPort: "Container '{{container}}' listens on privileged port {{port}}, which needs root or NET_BIND_SERVICE",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w || w.isWindows) return;
    const max = ctx.params.number("maxPrivilegedPort");
    for (const c of w.containers) {
      asArray(c.spec.ports).forEach((p, i) => {
        if (!isObject(p)) return;
        const port = asInt(p.containerPort);
        if (port === undefined || port < 1 || port > max) return;
        ctx.report({ messageId: "privilegedPort", data: { container: c.name, port }, path: [...c.path, "ports", i, "containerPort"], container: c });
      });
    }
  },
});
