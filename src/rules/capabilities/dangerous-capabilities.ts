import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { canonicalCapability, readCapabilities } from "./_caps.js";

// A finer view of Pod Security Admission `capabilities_baseline`: a capability from the `dangerousCapabilities`
// list (ALL, NET_ADMIN, SYS_MODULE, …) in `capabilities.add` of any container, init container or ephemeral
// container, in any spelling. SYS_ADMIN and NET_RAW have rules of their own (cap-sys-admin, cap-net-raw-added).
export default defineRule({
  id: "dangerous-capabilities",
  title: "Dangerous capability added",
  rationale:
    "Some Linux capabilities reach far beyond the container: SYS_MODULE loads kernel code, SYS_PTRACE inspects " +
    "other processes, NET_ADMIN rewires networking, BPF and PERFMON attach programs to the kernel, and ALL grants " +
    "every one of them at once. A container holding one of them can attack the node rather than just itself.",
  attack:
    "An attacker in the container loads a kernel module or eBPF program to hide and persist on the node, attaches " +
    "to a process with ptrace to steal its secrets, or changes routes and firewall rules to intercept traffic.",
  remediation:
    "Remove the capability from `securityContext.capabilities.add`, and never add ALL. If a component truly needs " +
    "one (a CNI plugin needs NET_ADMIN, a profiler needs PERFMON), run it as a separately reviewed node agent in " +
    "its own namespace, not as part of an application.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: registry.example/app:1.0
      securityContext:
        capabilities:
          add: ["SYS_PTRACE"]
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: registry.example/app:1.0
      securityContext:
        capabilities:
          drop: ["ALL"]
`,
  },
  messages: {
    all: "Container '{{container}}' adds '{{capability}}', which grants every Linux capability",
    dangerous: "Container '{{container}}' adds capability '{{capability}}', which enables attacks on the node",
  },
  check(ctx) {
    const dangerous = new Set(ctx.params.strings("dangerousCapabilities").map(canonicalCapability));
    for (const c of ctx.workload?.containers ?? []) {
      for (const cap of readCapabilities(c).added) {
        const canonical = canonicalCapability(cap.name);
        if (!dangerous.has(canonical)) continue;
        ctx.report({
          messageId: canonical === "ALL" ? "all" : "dangerous",
          data: { container: c.name, capability: cap.name, canonical },
          path: cap.path,
          container: c,
          fix: fixes.remove(cap.path, {
            description: `Stop adding ${canonical}`,
            safety: "unsafe",
            note: "The process loses this kernel privilege; check whether the container does network setup, tracing, kernel module or eBPF work that needs it.",
          }),
        });
      }
    }
  },
});
