import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import type { Fix } from "../../model/finding.js";
import { type Capabilities, canonicalCapability, readCapabilities } from "./_caps.js";

// Pod Security Admission `capabilities_restricted`:
// - from policy version 1.22 (older versions have no such check): every container, init container and
//   ephemeral container must list exactly "ALL" in `capabilities.drop`, and may add only NET_BIND_SERVICE
//   (here: the `allowedAddedCapabilities` parameter); names are compared exactly as written;
// - from 1.25, pods with `spec.os.name: windows` are skipped (Windows has no Linux capabilities, and the API
//   refuses capabilities on such pods).
export default defineRule({
  id: "drop-all-capabilities",
  title: "Capabilities not dropped",
  rationale:
    "Unless told otherwise, the container runtime hands every container a default set of Linux capabilities " +
    "(changing file owners, binding any user id, sending signals, creating device nodes, …). Most applications " +
    "need none of them. The restricted profile of the Pod Security Standards requires dropping them all and " +
    "adding back at most NET_BIND_SERVICE.",
  attack:
    "An attacker who gets code execution uses the leftover default capabilities to go further: CHOWN and " +
    "DAC_OVERRIDE to read or change files they should not, SETUID to switch users, MKNOD or NET_RAW in older " +
    "defaults to reach devices or forge traffic. Each kernel bug that needs one of them stays exploitable.",
  remediation:
    "Set `securityContext.capabilities.drop: [\"ALL\"]` on every container, init container and ephemeral " +
    "container, and add back only NET_BIND_SERVICE if the process binds a port below 1024. Images that start as " +
    "root and switch users in their entrypoint may need changes (run as a non-root user from the start).",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
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
          drop: ["ALL"]
`,
  },
  messages: {
    dropMissing: "Container '{{container}}' does not drop ALL capabilities (securityContext.capabilities.drop must include \"ALL\")",
    dropSpelling: "Container '{{container}}' drops '{{capability}}', but Pod Security Admission accepts only the exact name \"ALL\"",
    addNotAllowed: "Container '{{container}}' adds capability '{{capability}}'; the restricted profile allows adding only {{allowed}}",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w || !ctx.kubeVersion.atLeast(22)) return;
    if (ctx.kubeVersion.atLeast(25) && w.isWindows) return;
    const allowedList = ctx.params.strings("allowedAddedCapabilities");
    const allowed = new Set(allowedList);
    const allowedText = allowedList.length > 0 ? allowedList.join(", ") : "none";
    for (const c of w.containers) {
      const caps = readCapabilities(c);
      if (!caps.dropped.some((d) => d.name === "ALL")) {
        const misspelt = caps.dropped.find((d) => canonicalCapability(d.name) === "ALL");
        if (misspelt) {
          ctx.report({
            messageId: "dropSpelling",
            data: { container: c.name, capability: misspelt.name },
            path: misspelt.path,
            container: c,
            fix: fixes.set(misspelt.path, "ALL", {
              description: "Write ALL in upper case",
              safety: "unsafe",
              note: "Runtimes differ in how they read other spellings; if this one ignored it, the container now really loses its default capabilities. Check that it still starts and works.",
            }),
          });
        } else {
          ctx.report({
            messageId: "dropMissing",
            data: { container: c.name },
            path: caps.dropPath,
            container: c,
            fix: dropAllFix(caps),
          });
        }
      }
      for (const cap of caps.added) {
        if (allowed.has(cap.name)) continue;
        ctx.report({
          messageId: "addNotAllowed",
          data: { container: c.name, capability: cap.name, allowed: allowedText },
          path: cap.path,
          container: c,
          fix: fixes.remove(cap.path, {
            description: `Stop adding ${cap.name}`,
            safety: "unsafe",
            note: "The process loses this kernel privilege; check which operations of the application need it before removing it.",
          }),
        });
      }
    }
  },
});

const DROP_NOTE =
  "Images that start as root and change file owners or switch users in their entrypoint (many official database and web " +
  "server images) fail without the default capabilities; run them as a non-root user, and test before applying.";

function dropAllFix(caps: Capabilities): Fix {
  const info = { description: "Drop ALL capabilities", safety: "unsafe" as const, note: DROP_NOTE };
  // Keep the names already listed (harmless next to ALL); replace a value that is not a list.
  if (Array.isArray(caps.drop)) return fixes.ops([{ op: "append", path: caps.dropPath, value: "ALL" }], info);
  if (caps.present) return fixes.set(caps.dropPath, ["ALL"], info);
  return fixes.set(caps.path, { drop: ["ALL"] }, info);
}
