import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { canonicalCapability, readCapabilities } from "./_caps.js";

// A finer view of Pod Security Admission `capabilities_baseline`: NET_RAW in `capabilities.add` of any
// container, init container or ephemeral container, in any spelling (NET_RAW, CAP_NET_RAW, net_raw).
export default defineRule({
  id: "cap-net-raw-added",
  title: "CAP_NET_RAW added",
  rationale:
    "NET_RAW lets a process open raw sockets and write packets byte by byte, with any source address it likes. " +
    "Ordinary applications never need it; the baseline profile of the Pod Security Standards leaves it out of the " +
    "allowed set on purpose.",
  attack:
    "From a compromised container an attacker forges ARP or DNS replies to neighbouring pods on the same node, " +
    "redirects their traffic through itself, or spoofs packets to reach services that trust source addresses.",
  remediation:
    "Remove NET_RAW from `securityContext.capabilities.add`. `ping` works without it on current kernels through the " +
    "`net.ipv4.ping_group_range` sysctl; packet capture belongs in a dedicated, reviewed debugging tool.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: probe
spec:
  containers:
    - name: probe
      image: registry.example/probe:1.0
      securityContext:
        capabilities:
          add: ["NET_RAW"]
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: probe
spec:
  containers:
    - name: probe
      image: registry.example/probe:1.0
      securityContext:
        capabilities:
          drop: ["ALL"]
`,
  },
  messages: {
    netRaw: "Container '{{container}}' adds capability '{{capability}}', which lets it forge packets to neighbouring pods",
  },
  check(ctx) {
    for (const c of ctx.workload?.containers ?? []) {
      for (const cap of readCapabilities(c).added) {
        if (canonicalCapability(cap.name) !== "NET_RAW") continue;
        ctx.report({
          messageId: "netRaw",
          data: { container: c.name, capability: cap.name },
          path: cap.path,
          container: c,
          fix: fixes.remove(cap.path, {
            description: "Stop adding NET_RAW",
            safety: "unsafe",
            note: "Tools that open raw sockets (old ping binaries, tcpdump, some health checkers and CNI helpers) stop working; check what the container runs.",
          }),
        });
      }
    }
  },
});
