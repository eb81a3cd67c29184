import { defineRule } from "../../engine/rule-types.js";
import { fixes } from "../../engine/fixes.js";
import { truthy } from "../../model/values.js";

export default defineRule({
  id: "privileged-container",
  title: "Privileged container",
  rationale:
    "A privileged container runs with almost none of the isolation that makes it a container: it sees every device of the node, " +
    "can load kernel modules and change kernel settings. Whatever runs inside it has the power of root on the node itself.",
  attack:
    "An attacker who gets code execution in a privileged container (a vulnerable web app, a malicious dependency) mounts the " +
    "node's disk or uses the host's devices to break out, then reads every other pod's secrets and joins the node to their campaign.",
  remediation:
    "Remove `privileged: true` (or set it to false). If the container needs one specific power, grant only that capability " +
    "(for example NET_BIND_SERVICE), or move the privileged work to a node-level agent that is reviewed separately.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        privileged: true
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        privileged: false
`,
  },
  messages: {
    privileged: "Container '{{container}}' runs privileged, with full access to the node's devices and kernel",
  },
  check(ctx) {
    for (const c of ctx.workload?.containers ?? []) {
      const s = c.own("privileged");
      if (!truthy(s.value)) continue;
      ctx.report({
        messageId: "privileged",
        data: { container: c.name },
        path: s.path,
        container: c,
        fix: fixes.set(s.path, false, {
          description: "Set privileged to false",
          safety: "unsafe",
          note: "Containers that manage devices, networking or the node (CNI, storage and monitoring agents) stop working; check what the container does first.",
        }),
      });
    }
  },
});
