import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import type { Fix } from "../../model/finding.js";
import { type Capabilities, canonicalCapability, readCapabilities } from "./_caps.js";

// CIS 5.2.8 / Checkov CKV_K8S_28 / kyverno require-drop-cap-net-raw: every container, init container and ephemeral
// container must list NET_RAW or ALL in `securityContext.capabilities.drop`, in any spelling the runtimes accept
// (net_raw, CAP_NET_RAW, all: containerd and CRI-O upper-case the names and add the CAP_ prefix).
// - A container without any capabilities block is reported: the runtime's default set (containerd's and Docker's
//   include NET_RAW) applies. kube-linter skips such containers; that is a gap in kube-linter, not a safe setting.
// - Only a real list drops anything (a string where the list belongs is refused by the API server).
// - Adding NET_RAW back is cap-net-raw-added's finding; this rule only looks at the drop list.
// - Windows pods are skipped: they have no Linux capabilities and the API refuses the field there.
export default defineRule({
  id: "drop-net-raw",
  title: "NET_RAW not dropped",
  rationale:
    "Container runtimes such as containerd and Docker give every container the NET_RAW capability unless it is dropped. " +
    "It lets a process craft raw packets with any source address and read traffic on its interfaces. Almost no " +
    "application needs it, and `ping` works without it on current kernels.",
  attack:
    "From a compromised container an attacker uses raw sockets to spoof ARP or DNS answers to other pods on the same node, " +
    "sniff or redirect their traffic, or exploit kernel bugs in the raw-socket code.",
  remediation:
    "Add `NET_RAW` to `securityContext.capabilities.drop` of every container, or better drop `ALL` and add back only " +
    "what the container needs.",
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
    notDropped: "Container '{{container}}' does not drop NET_RAW (or ALL), so it keeps raw-socket access from the runtime's defaults",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w || w.isWindows) return;
    for (const c of w.containers) {
      const caps = readCapabilities(c);
      if (caps.dropped.some((d) => ["NET_RAW", "ALL"].includes(canonicalCapability(d.name)))) continue;
      ctx.report({
        messageId: "notDropped",
        data: { container: c.name },
        path: caps.dropPath,
        container: c,
        fix: dropFix(caps),
      });
    }
  },
});

function dropFix(caps: Capabilities): Fix {
  const info = {
    description: "Drop the NET_RAW capability",
    safety: "unsafe" as const,
    note: "Tools that send or capture raw packets (ping on old kernels or images, traceroute, tcpdump, some CNI and mesh init containers) stop working; check what the container runs.",
  };
  if (Array.isArray(caps.drop)) return fixes.ops([{ op: "append", path: caps.dropPath, value: "NET_RAW" }], info);
  if (caps.present) return fixes.set(caps.dropPath, ["NET_RAW"], info);
  return fixes.set(caps.path, { drop: ["NET_RAW"] }, info);
}
