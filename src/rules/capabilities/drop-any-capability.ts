import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import type { Fix } from "../../model/finding.js";
import { type Capabilities, readCapabilities } from "./_caps.js";

// Opinionated (off by default), as kubesec CapDropAny and Trivy KSV004: every container, init container and
// ephemeral container must drop at least one capability, i.e. `securityContext.capabilities.drop` is a list with at
// least one name. Which names are dropped is not judged here (drop-all-capabilities and drop-net-raw do that).
// - A missing, empty or malformed drop (a string where the list belongs, which the API server refuses) drops nothing.
// - Windows pods are skipped: they have no Linux capabilities and the API refuses the field there.
export default defineRule({
  id: "drop-any-capability",
  title: "No capabilities dropped",
  rationale:
    "Unless told otherwise, the container runtime gives each container a default set of Linux capabilities: changing file " +
    "owners, bypassing file permissions, switching users, sending signals to any process and more. A container that drops " +
    "none keeps all of them, whether or not the application uses them.",
  attack:
    "An attacker who runs code in the container uses the leftover capabilities to go further: DAC_OVERRIDE and CHOWN to read " +
    "or take over files, SETUID to become another user, NET_RAW to spoof traffic to neighbouring pods.",
  remediation:
    "Add `securityContext.capabilities.drop: [\"ALL\"]` to each container and add back only the capabilities the " +
    "application needs (for example NET_BIND_SERVICE to bind ports below 1024).",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
      securityContext:
        capabilities:
          drop: ["ALL"]
`,
  },
  messages: {
    noneDropped: "Container '{{container}}' drops no capabilities and keeps the runtime's full default set",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w || w.isWindows) return;
    for (const c of w.containers) {
      const caps = readCapabilities(c);
      if (caps.dropped.length > 0) continue;
      ctx.report({ messageId: "noneDropped", data: { container: c.name }, path: caps.dropPath, container: c, fix: dropAllFix(caps) });
    }
  },
});

function dropAllFix(caps: Capabilities): Fix {
  const info = {
    description: "Drop ALL capabilities",
    safety: "unsafe" as const,
    note:
      "Images that start as root and change file owners or switch users in their entrypoint (many database and web server " +
      "images) fail without the default capabilities; add back the ones they need, and test before applying.",
  };
  if (caps.present) return fixes.set(caps.dropPath, ["ALL"], info);
  return fixes.set(caps.path, { drop: ["ALL"] }, info);
}
