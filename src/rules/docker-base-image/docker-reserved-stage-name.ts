import { defineRule } from "../../engine/rule-types.js";
import { aliasWord } from "./_docker-base-image-from.js";

// Every stage: the alias, lower-cased as BuildKit does, is one of the names BuildKit reserves (`scratch`, the empty
// image; `context`, the build context in `COPY --from=context` / named contexts). BuildKit's own build check
// "ReservedStageName" reports the same.
const RESERVED = new Set(["scratch", "context"]);

export default defineRule({
  id: "docker-reserved-stage-name",
  title: "Stage named with a reserved word",
  rationale:
    "`scratch` means the empty image and `context` the build context; BuildKit reserves both names. A stage called " +
    "that makes `FROM scratch` or `COPY --from=context` ambiguous: depending on the builder it refers to the stage or " +
    "to the reserved meaning, or the build fails.",
  attack:
    "A reader (or reviewer) believes `FROM scratch` starts from an empty image while the build actually starts from " +
    "the stage of that name with all its tools and files, or the other way round.",
  remediation: "Rename the stage (`AS base`, `AS sources`) and update the FROM and COPY --from references.",
  example: {
    insecure: "FROM alpine:3.20 AS scratch\nRUN apk add --no-cache ca-certificates\nFROM scratch\nCOPY app /app\n",
    secure: "FROM alpine:3.20 AS certs\nRUN apk add --no-cache ca-certificates\nFROM scratch\nCOPY app /app\n",
  },
  messages: {
    reserved: "Stage alias '{{alias}}' is a reserved name in BuildKit ({{meaning}})",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage || stage.alias === undefined) return;
    const name = stage.alias.toLowerCase();
    if (!RESERVED.has(name)) return;
    const meaning = name === "scratch" ? "the empty image" : "the build context";
    ctx.report({ messageId: "reserved", data: { alias: stage.alias, meaning }, path: aliasWord(stage)?.path ?? stage.from.path });
  },
});
