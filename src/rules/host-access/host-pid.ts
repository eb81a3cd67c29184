import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { truthy } from "../../model/values.js";

// Pod Security Admission `hostNamespaces` (all policy versions), the hostPID part: `spec.hostPID` must be
// unset or false. Windows pods are not exempt.
export default defineRule({
  id: "host-pid",
  title: "Host PID namespace",
  rationale:
    "A pod normally sees only its own processes. With `hostPID: true` it shares the node's process namespace and " +
    "sees every process on the node, those of other pods included, with their command lines and, through /proc, " +
    "often their environment variables and open files.",
  attack:
    "An attacker in the pod lists the node's processes to find secrets in command lines and environments, reads " +
    "other containers' files through /proc/<pid>/root, kills processes, or, with ptrace rights, injects code into a " +
    "process running as root on the node.",
  remediation:
    "Remove `hostPID: true` (or set it to false). To share processes between containers of the same pod, use " +
    "`shareProcessNamespace: true` instead; node monitoring agents that truly need it belong in a separate, reviewed namespace.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  hostPID: true
  containers:
    - name: app
      image: registry.example/app:1.0
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: registry.example/app:1.0
`,
  },
  messages: {
    hostPID: "The pod shares the node's process namespace (hostPID: true) and can see every process on the node",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w || !truthy(w.podSpec.hostPID)) return;
    const path = w.at("hostPID");
    ctx.report({
      messageId: "hostPID",
      path,
      fix: fixes.set(path, false, {
        description: "Set hostPID to false",
        safety: "unsafe",
        note: "Monitoring, debugging and security agents that inspect the node's processes stop seeing them; check what the pod does first.",
      }),
    });
  },
});
