import { defineRule } from "../../engine/rule-types.js";
import { instructionsOf } from "../../model/dockerfile.js";

// Every stage on its own: each CMD followed by another CMD in the same stage is reported, since only the last one
// takes effect. ONBUILD CMD is not counted (it belongs to images built from this one).
export default defineRule({
  id: "docker-multiple-cmd",
  title: "More than one CMD",
  rationale:
    "A stage keeps only its last CMD; earlier ones are silently discarded. Someone reviewing the Dockerfile " +
    "may read the first CMD and believe the container starts that program, with those options, when it starts " +
    "something else.",
  attack:
    "No direct attack; a leftover CMD hides what the image really runs, so a risky command line (debug mode, " +
    "disabled authentication) can slip through review.",
  remediation: "Keep one CMD per stage, the one you mean, and delete the others.",
  example: {
    insecure: "FROM python:3.12-slim\nCOPY app.py /app/\nCMD [\"python\", \"/app/app.py\", \"--debug\"]\nCMD [\"python\", \"/app/app.py\"]\n",
    secure: "FROM python:3.12-slim\nCOPY app.py /app/\nCMD [\"python\", \"/app/app.py\"]\n",
  },
  messages: {
    overridden: "This CMD has no effect: the CMD on line {{line}} replaces it",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    const all = instructionsOf(stage, "CMD");
    const last = all[all.length - 1];
    for (const ins of all.slice(0, -1)) ctx.report({ messageId: "overridden", data: { line: last!.line }, path: ins.path });
  },
});
