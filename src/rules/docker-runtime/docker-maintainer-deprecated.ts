import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import type { Instruction } from "../../model/dockerfile.js";
import type { Fix } from "../../model/finding.js";

// File-wide: every MAINTAINER, reported from the stage it is in (one before the first FROM from stage 0).
/**
 * `MAINTAINER x` → `LABEL org.opencontainers.image.authors="x"`: inside the double quotes the Dockerfile's escape
 * character, `"` and `$` (LABEL expands variables, MAINTAINER does not) are escaped with the escape character. Not
 * before the first FROM, where LABEL is not allowed.
 */
function labelFix(ins: Instruction, escape: string): Fix | undefined {
  // continuation lines joined leave runs of blanks: one space is enough in a label
  const value = ins.args.trim().replace(/\s+/g, " ");
  if (value === "" || ins.stage === undefined) return undefined;
  const quoted = [...value].map((c) => (c === escape || c === '"' || c === "$" ? `${escape}${c}` : c)).join("");
  return fixes.ops([{ op: "replaceText", path: ins.path, text: `LABEL org.opencontainers.image.authors="${quoted}"` }], {
    description: "Replace MAINTAINER with LABEL org.opencontainers.image.authors",
    safety: "safe",
    note:
      "The value moves from the deprecated maintainer field of the image config to the OCI authors label that " +
      "registries and scanners read; only tools still reading the old field see a change.",
  });
}

export default defineRule({
  id: "docker-maintainer-deprecated",
  title: "MAINTAINER is deprecated",
  rationale:
    "MAINTAINER has been deprecated since Docker 1.13 in favour of labels. Its value ends up in a legacy field of " +
    "the image config that OCI tooling, registries and scanners do not read, so the image's owner is effectively " +
    "unrecorded.",
  attack:
    "No direct attack; when an image's owner cannot be found, vulnerabilities and incidents in it are not routed to " +
    "anyone who can fix them.",
  remediation:
    "Replace `MAINTAINER Jane Doe <jane@example.com>` with `LABEL org.opencontainers.image.authors=\"Jane Doe " +
    "<jane@example.com>\"` (or `LABEL maintainer=...`).",
  example: {
    insecure: "FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n",
    secure: "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\n",
  },
  messages: {
    deprecated: "MAINTAINER is deprecated; record the maintainer in a label (org.opencontainers.image.authors)",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const { dockerfile, stage } = view;
    for (const ins of dockerfile.instructions) {
      const owner = ins.stage ?? 0;
      if (owner !== stage.index || ins.keyword !== "MAINTAINER") continue;
      ctx.report({ messageId: "deprecated", path: ins.path, fix: labelFix(ins, dockerfile.escape) });
    }
  },
});
