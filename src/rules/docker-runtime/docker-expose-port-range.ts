import { defineRule } from "../../engine/rule-types.js";
import { exposedPorts } from "./_runtime-ports.js";

// Every stage, its own EXPOSE instructions: a port, or either end of a range, above 65535 (after resolving
// `${VAR}` from ARG/ENV defaults).
export default defineRule({
  id: "docker-expose-port-range",
  title: "EXPOSE port out of range",
  rationale:
    "TCP and UDP ports are 16-bit numbers, so only 0-65535 exist. A larger number in EXPOSE is almost always a typo " +
    "(an extra digit, two ports run together), which means the port the application really listens on is not the " +
    "one documented, and tooling that reads the image metadata gets it wrong.",
  attack:
    "No direct attack; a wrong port list misleads the people and tools that write firewall rules, Services and " +
    "network policies from it, so the real port may end up opened or unmonitored by mistake.",
  remediation: "Fix the number: list the port the application actually listens on, between 0 and 65535.",
  example: {
    insecure: "FROM nginx:1.27\nEXPOSE 80800\n",
    secure: "FROM nginx:1.27\nEXPOSE 8080\n",
  },
  messages: {
    outOfRange: "EXPOSE {{port}}: {{number}} is not a valid port (0-65535)",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    for (const ins of view.stage.instructions) {
      if (ins.keyword !== "EXPOSE") continue;
      for (const p of exposedPorts(view.dockerfile, view.stage, ins)) {
        const bad = p.from > 65535 ? p.fromText : p.to > 65535 ? p.toText : undefined;
        if (bad !== undefined) ctx.report({ messageId: "outOfRange", data: { port: p.resolved === p.written ? p.written : `${p.written} (${p.resolved})`, number: bad }, path: p.word.path });
      }
    }
  },
});
