import { defineRule } from "../../engine/rule-types.js";
import { aliasWord } from "./_docker-base-image-from.js";

// Reported on each stage whose alias an earlier stage already uses (stage names compare case-insensitively, as
// BuildKit lower-cases them), at the alias; the first stage with the name is not reported, so each duplicate is
// reported once.
export default defineRule({
  id: "docker-duplicate-stage-alias",
  title: "Two stages share an alias",
  rationale:
    "`COPY --from=<name>` and `FROM <name>` pick a stage by its alias. When two stages use the same alias, which one " +
    "a reference means depends on the builder and on where the reference sits, so files can silently come from the " +
    "wrong stage: an unhardened build stage, or one with test credentials.",
  attack:
    "A reviewer checks the stage they believe is copied from; the build actually copies from the other stage of the " +
    "same name, for example one that installs debugging tools or fetches unverified binaries.",
  remediation: "Give every stage a unique alias (`AS build`, `AS test`, `AS runtime`) and update the references.",
  example: {
    insecure: "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM golang:1.22 AS build\nRUN go test ./...\nFROM alpine:3.20\nCOPY --from=build /app /app\n",
    secure: "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM golang:1.22 AS test\nRUN go test ./...\nFROM alpine:3.20\nCOPY --from=build /app /app\n",
  },
  messages: {
    duplicate: "Stage alias '{{alias}}' is already used by the stage on line {{line}}",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const { dockerfile, stage } = view;
    if (stage.alias === undefined) return;
    const name = stage.alias.toLowerCase();
    const first = dockerfile.stages.find((s) => s.index < stage.index && s.alias?.toLowerCase() === name);
    if (!first) return;
    ctx.report({ messageId: "duplicate", data: { alias: stage.alias, line: first.from.line }, path: aliasWord(stage)?.path ?? stage.from.path });
  },
});
