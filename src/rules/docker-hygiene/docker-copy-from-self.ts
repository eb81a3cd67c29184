import { defineRule } from "../../engine/rule-types.js";
import { copiesFrom } from "./_hygiene-paths.js";

// Every stage. `COPY --from=<x>` where x names the stage the COPY is in: its alias (case-insensitive) or its index.
export default defineRule({
  id: "docker-copy-from-self",
  title: "COPY --from names its own stage",
  rationale:
    "`COPY --from` copies files out of another build stage. Naming the stage the instruction is in is a circular " +
    "dependency that the builder rejects, and it usually means a stage was renamed or the wrong alias was typed.",
  attack:
    "Not an attack in itself, but a broken multi-stage build tends to be \"fixed\" in a hurry, for example by copying " +
    "from a public image of the same name instead of the intended, trusted build stage.",
  remediation: "Point `--from` at the earlier stage that builds the files (`FROM golang:1.22 AS build` … `COPY --from=build`).",
  example: {
    insecure: "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nCOPY --from=build /out/app /usr/local/bin/app\n",
    secure: "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /usr/local/bin/app\n",
  },
  messages: {
    self: "COPY --from={{from}} refers to the stage it is in",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const { dockerfile, stage } = view;
    for (const { flag, source: src } of copiesFrom(dockerfile, stage)) {
      if (src.kind === "stage" && src.index === stage.index) ctx.report({ messageId: "self", data: { from: flag.value }, path: flag.path });
    }
  },
});
