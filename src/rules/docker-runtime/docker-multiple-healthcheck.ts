import { defineRule } from "../../engine/rule-types.js";
import { instructionsOf } from "../../model/dockerfile.js";

// Every stage on its own: each HEALTHCHECK (HEALTHCHECK NONE included) followed by another one in the same stage is
// reported, since the later one replaces it.
export default defineRule({
  id: "docker-multiple-healthcheck",
  title: "More than one HEALTHCHECK",
  rationale:
    "A stage keeps only its last HEALTHCHECK; earlier ones are silently discarded. A reviewer who reads the first " +
    "one believes the container is checked in a way it is not, and a copy-paste leftover can even switch health " +
    "checks off (`HEALTHCHECK NONE`).",
  attack:
    "No direct attack; the image is monitored differently from what its Dockerfile appears to say, so a hung or " +
    "compromised service may go unnoticed.",
  remediation: "Keep a single HEALTHCHECK per stage and delete the others.",
  example: {
    insecure:
      "FROM nginx:1.27\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1\nHEALTHCHECK CMD curl -fsS http://localhost/healthz || exit 1\n",
    secure: "FROM nginx:1.27\nHEALTHCHECK CMD curl -fsS http://localhost/healthz || exit 1\n",
  },
  messages: {
    overridden: "This HEALTHCHECK has no effect: the HEALTHCHECK on line {{line}} replaces it",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    const all = instructionsOf(stage, "HEALTHCHECK");
    const last = all[all.length - 1];
    for (const ins of all.slice(0, -1)) ctx.report({ messageId: "overridden", data: { line: last!.line }, path: ins.path });
  },
});
