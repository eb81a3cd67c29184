import { defineRule } from "../../engine/rule-types.js";

// File level, reported once from the first stage: the first instruction before the first FROM that is not ARG
// (comments and parser directives are not instructions). A file without FROM has no stage; the loader reports it.
export default defineRule({
  id: "docker-instruction-order",
  title: "Dockerfile does not start with FROM",
  rationale:
    "Only ARG may come before the first FROM: every other instruction needs a build stage to act on. Docker rejects " +
    "such a file, and tools that read it anyway may disagree about which stage the instruction belongs to.",
  attack:
    "Not an attack in itself; an invalid Dockerfile is a sign that the file was edited by hand without being built, " +
    "so the image actually shipped may come from a different, unreviewed definition.",
  remediation: "Move the instruction after the first `FROM`, or turn a value meant for `FROM` into a global `ARG`.",
  example: {
    insecure: "LABEL maintainer=\"team@example.com\"\nFROM alpine:3.20\n",
    secure: "ARG BASE=alpine:3.20\nFROM ${BASE}\nLABEL maintainer=\"team@example.com\"\n",
  },
  messages: {
    beforeFrom: "{{keyword}} comes before the first FROM; only ARG may",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view || view.stage.index !== 0) return;
    const first = view.dockerfile.instructions.find((i) => i.stage === undefined && i.keyword !== "ARG");
    if (first) ctx.report({ messageId: "beforeFrom", data: { keyword: first.keyword }, path: first.path });
  },
});
