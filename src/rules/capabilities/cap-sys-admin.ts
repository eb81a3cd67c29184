import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { canonicalCapability, readCapabilities } from "./_caps.js";

// A finer view of Pod Security Admission `capabilities_baseline`: SYS_ADMIN in `capabilities.add` of any
// container, init container or ephemeral container, in any spelling (SYS_ADMIN, CAP_SYS_ADMIN, sys_admin).
export default defineRule({
  id: "cap-sys-admin",
  title: "CAP_SYS_ADMIN added",
  rationale:
    "SYS_ADMIN is the catch-all Linux capability: mounting filesystems, creating namespaces, changing many kernel " +
    "and device settings. A container that holds it is only a few steps away from root on the node, which is why " +
    "so many published container escapes start with it.",
  attack:
    "With SYS_ADMIN an attacker inside the container mounts the cgroup filesystem and abuses its release_agent, or " +
    "mounts a host device, and runs commands on the node as root; from there every pod on the node is theirs.",
  remediation:
    "Remove SYS_ADMIN from `securityContext.capabilities.add`. Tools that seem to need it (FUSE mounts, building " +
    "images, debugging) usually have a rootless mode, a CSI driver or a device plugin that does the privileged part " +
    "outside the application container.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: builder
spec:
  containers:
    - name: builder
      image: registry.example/builder:1.0
      securityContext:
        capabilities:
          add: ["SYS_ADMIN"]
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: builder
spec:
  containers:
    - name: builder
      image: registry.example/builder:1.0
      securityContext:
        capabilities:
          drop: ["ALL"]
`,
  },
  messages: {
    sysAdmin: "Container '{{container}}' adds capability '{{capability}}', which is close to full root on the node",
  },
  check(ctx) {
    for (const c of ctx.workload?.containers ?? []) {
      for (const cap of readCapabilities(c).added) {
        if (canonicalCapability(cap.name) !== "SYS_ADMIN") continue;
        ctx.report({
          messageId: "sysAdmin",
          data: { container: c.name, capability: cap.name },
          path: cap.path,
          container: c,
          fix: fixes.remove(cap.path, {
            description: "Stop adding SYS_ADMIN",
            safety: "unsafe",
            note: "Anything in the container that mounts filesystems, uses FUSE, creates namespaces or changes kernel settings stops working; check what the container does first.",
          }),
        });
      }
    }
  },
});
