import { defineRule } from "../../engine/rule-types.js";

// Every stage's FROM. `--platform` with a literal value (`linux/amd64`) pins the stage to one architecture;
// `--platform=$TARGETPLATFORM` restates the default. Other variables (`$BUILDPLATFORM` for cross-compiling build
// stages, a build argument) are deliberate and not reported.
export default defineRule({
  id: "docker-from-platform",
  title: "FROM pins --platform",
  rationale:
    "Without --platform, each stage uses the platform being built, so one Dockerfile builds images for amd64 and arm64 " +
    "alike. A fixed `--platform=linux/amd64` forces that architecture: multi-platform builds silently ship amd64 " +
    "binaries inside an arm64 image, or run them under slow emulation; `$TARGETPLATFORM` is the default anyway.",
  attack:
    "Mostly a reliability problem: images that run emulated or crash on other hardware. Emulated images also tend " +
    "to be left unpatched and unscanned for the architecture they really run on.",
  remediation:
    "Remove the flag, or use `--platform=$BUILDPLATFORM` for build stages that cross-compile for `$TARGETPLATFORM`. " +
    "Choose the platform when building (`docker buildx build --platform linux/amd64,linux/arm64`).",
  example: {
    insecure: "FROM --platform=linux/amd64 alpine:3.20\nUSER 1000\n",
    secure: "FROM alpine:3.20\nUSER 1000\n",
  },
  messages: {
    fixed: "FROM pins --platform={{platform}}, so the stage ignores the platform being built",
    redundant: "FROM --platform={{platform}} restates the default and can be removed",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    for (const flag of stage.from.flags) {
      if (flag.name !== "platform" || flag.value === undefined || flag.value.trim() === "") continue;
      const value = flag.value.trim();
      if (/^\$(\{TARGETPLATFORM\}|TARGETPLATFORM)$/.test(value)) ctx.report({ messageId: "redundant", data: { platform: value }, path: flag.path });
      else if (!value.includes("$")) ctx.report({ messageId: "fixed", data: { platform: value }, path: flag.path });
    }
  },
});
