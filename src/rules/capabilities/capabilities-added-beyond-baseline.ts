import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { canonicalCapability, readCapabilities } from "./_caps.js";

// Pod Security Admission `capabilities_baseline` (all policy versions): every name in `capabilities.add` of
// every container, init container and ephemeral container must be in the default set, compared exactly as
// written (so "chown" and "CAP_CHOWN" are refused although they mean CHOWN). Windows pods are not exempt.
export default defineRule({
  id: "capabilities-added-beyond-baseline",
  title: "Capabilities added beyond the baseline set",
  rationale:
    "Linux splits root's power into capabilities. Container runtimes already give a container a small default set; " +
    "every capability added on top (NET_RAW, SYS_ADMIN, SYS_PTRACE, …) hands the process another piece of kernel " +
    "power, and the Pod Security Standards baseline profile refuses any that is not in that default set.",
  attack:
    "An attacker who takes over the process uses the extra capability directly: NET_RAW to spoof traffic to " +
    "neighbouring pods, SYS_PTRACE to read other processes' memory, SYS_ADMIN or SYS_MODULE to break out to the node.",
  remediation:
    "Remove the capability from `securityContext.capabilities.add`. If the application really needs it, find out " +
    "which system call fails without it and look for a way around (a port above 1024 instead of NET_BIND_SERVICE's " +
    "privileged ports is fine; NET_ADMIN work belongs in an init container or a node agent). Write names exactly as " +
    "Kubernetes lists them, upper case and without the CAP_ prefix.",
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
        capabilities:
          add: ["NET_ADMIN"]
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
        capabilities:
          add: ["NET_BIND_SERVICE"]
`,
  },
  messages: {
    notAllowed:
      "Container '{{container}}' adds capability '{{capability}}', which is outside the baseline set of the Pod Security Standards",
    spelling:
      "Container '{{container}}' adds '{{capability}}': Pod Security Admission compares names exactly and refuses it; write {{canonical}}",
  },
  check(ctx) {
    const allowed = new Set(ctx.params.strings("allowedCapabilities"));
    for (const c of ctx.workload?.containers ?? []) {
      for (const cap of readCapabilities(c).added) {
        if (allowed.has(cap.name)) continue;
        const canonical = canonicalCapability(cap.name);
        if (allowed.has(canonical)) {
          ctx.report({
            messageId: "spelling",
            data: { container: c.name, capability: cap.name, canonical },
            path: cap.path,
            container: c,
            fix: fixes.set(cap.path, canonical, {
              description: `Write the capability as ${canonical}`,
              safety: "unsafe",
              note: "Runtimes differ in how they read other spellings (some refuse CAP_-prefixed names, some ignore case); check that the container still starts and behaves the same.",
            }),
          });
          continue;
        }
        ctx.report({
          messageId: "notAllowed",
          data: { container: c.name, capability: cap.name },
          path: cap.path,
          container: c,
          fix: fixes.remove(cap.path, {
            description: `Stop adding ${cap.name}`,
            safety: "unsafe",
            note: "The process loses this kernel privilege; check which operations of the application need it (network setup, tracing, mounts) before removing it.",
          }),
        });
      }
    }
  },
});
