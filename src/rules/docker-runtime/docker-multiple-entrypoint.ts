import { defineRule } from "../../engine/rule-types.js";
import { instructionsOf } from "../../model/dockerfile.js";

// Every stage on its own: each ENTRYPOINT followed by another ENTRYPOINT in the same stage is reported, since only the last one
// takes effect. ONBUILD ENTRYPOINT is not counted (it belongs to images built from this one).
export default defineRule({
  id: "docker-multiple-entrypoint",
  title: "More than one ENTRYPOINT",
  rationale:
    "A stage keeps only its last ENTRYPOINT; earlier ones are silently discarded. Someone reviewing the " +
    "Dockerfile may read the first ENTRYPOINT and believe the container starts that program, or that wrapper " +
    "script (which might drop privileges or check configuration), when it does not.",
  attack:
    "No direct attack; a leftover ENTRYPOINT hides what the image really runs, so a security-relevant wrapper " +
    "can be bypassed without anyone noticing in review.",
  remediation: "Keep one ENTRYPOINT per stage, the one you mean, and delete the others.",
  example: {
    insecure: "FROM alpine:3.20\nCOPY entrypoint.sh app /usr/local/bin/\nENTRYPOINT [\"/usr/local/bin/entrypoint.sh\"]\nENTRYPOINT [\"/usr/local/bin/app\"]\n",
    secure: "FROM alpine:3.20\nCOPY entrypoint.sh app /usr/local/bin/\nENTRYPOINT [\"/usr/local/bin/entrypoint.sh\"]\nCMD [\"/usr/local/bin/app\"]\n",
  },
  messages: {
    overridden: "This ENTRYPOINT has no effect: the ENTRYPOINT on line {{line}} replaces it",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    const all = instructionsOf(stage, "ENTRYPOINT");
    const last = all[all.length - 1];
    for (const ins of all.slice(0, -1)) ctx.report({ messageId: "overridden", data: { line: last!.line }, path: ins.path });
  },
});
