import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { truthy } from "../../model/values.js";

// Pod Security Admission `hostNamespaces` (all policy versions), the hostIPC part: `spec.hostIPC` must be
// unset or false. Windows pods are not exempt.
export default defineRule({
  id: "host-ipc",
  title: "Host IPC namespace",
  rationale:
    "Processes exchange data through System V shared memory, semaphores and message queues, which live in an IPC " +
    "namespace. With `hostIPC: true` the pod joins the node's IPC namespace, so it can reach the shared memory of " +
    "processes on the node and in other hostIPC pods.",
  attack:
    "An attacker in the pod lists the node's shared memory segments (ipcs) and reads or overwrites data that host " +
    "processes keep there, such as database buffers or application state, or disrupts them by removing segments.",
  remediation:
    "Remove `hostIPC: true` (or set it to false). Containers of the same pod already share an IPC namespace; " +
    "nothing else in an ordinary application needs the node's.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  hostIPC: true
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
    hostIPC: "The pod shares the node's IPC namespace (hostIPC: true) and can reach host shared memory",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w || !truthy(w.podSpec.hostIPC)) return;
    const path = w.at("hostIPC");
    ctx.report({
      messageId: "hostIPC",
      path,
      fix: fixes.set(path, false, {
        description: "Set hostIPC to false",
        safety: "unsafe",
        note: "Software that talks to host processes through shared memory (some HPC, database and GPU setups) stops working; check what the pod does first.",
      }),
    });
  },
});
