import { defineRule } from "../../engine/rule-types.js";

// File-wide: every MAINTAINER, reported from the stage it is in (one before the first FROM from stage 0).
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
      ctx.report({ messageId: "deprecated", path: ins.path });
    }
  },
});
