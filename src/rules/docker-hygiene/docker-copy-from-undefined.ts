import { defineRule } from "../../engine/rule-types.js";
import { copiesFrom } from "./_hygiene-paths.js";

// Every stage. `COPY --from=<x>` where x is no stage alias of the file (case-insensitive), no stage index in range,
// and no image reference (which holds `/`, `:` or `@`). Values with variables are resolved from the global ARG
// defaults; when that is not possible they are not judged.
export default defineRule({
  id: "docker-copy-from-undefined",
  title: "COPY --from names a stage that does not exist",
  rationale:
    "When `--from` names no stage of the Dockerfile, Docker treats the name as an image and pulls it from a " +
    "registry (`--from=builder` becomes `docker.io/library/builder:latest`). A typo in a stage name therefore " +
    "copies files out of whatever public image has that name, instead of failing.",
  attack:
    "An attacker publishes an image under the mistyped or removed stage name; every build then copies the " +
    "attacker's binaries or configuration into the image.",
  remediation:
    "Use the exact alias of an earlier stage (`FROM … AS builder`), or, to copy from an image on purpose, give its " +
    "full reference with a tag or digest (`--from=docker.io/library/nginx:1.27`).",
  example: {
    insecure: "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=builder /out/app /app\n",
    secure: "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n",
  },
  messages: {
    undefinedStage: "COPY --from={{from}} names no stage of this Dockerfile; Docker will pull an image called {{from}}",
    noSuchIndex: "COPY --from={{from}}: this Dockerfile has only {{count}} stages",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const { dockerfile, stage } = view;
    for (const { flag, source: src } of copiesFrom(dockerfile, stage)) {
      if (src.kind !== "undefined") continue;
      if (/^\d+$/.test(src.name)) ctx.report({ messageId: "noSuchIndex", data: { from: flag.value, count: dockerfile.stages.length }, path: flag.path });
      else ctx.report({ messageId: "undefinedStage", data: { from: flag.value }, path: flag.path });
    }
  },
});
