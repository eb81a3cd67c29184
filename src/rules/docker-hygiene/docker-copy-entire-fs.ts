import { defineRule } from "../../engine/rule-types.js";
import { copyOperands, rootImage } from "../../model/dockerfile-queries.js";
import { builtFromScratch, copiesFrom } from "./_hygiene-paths.js";

// Every stage. `COPY --from=<x>` with a source that is the whole filesystem of x: `/`, `/.`, `/*`, and (sources of
// --from are relative to the root of x) `.`, `./`, `*`. Not reported when x is a stage of the file built FROM
// scratch: such a stage holds only the artefacts the Dockerfile copied into it; nor when x is (a stage built on)
// an image made to be copied whole: tonistiigi/xx, whose README installs it with `COPY --from=xx / /`
// (https://github.com/tonistiigi/xx#usage; the image is FROM scratch with a few helper scripts).
export default defineRule({
  id: "docker-copy-entire-fs",
  title: "COPY of a whole stage or image filesystem",
  rationale:
    "Multi-stage builds exist so that the final image gets only the built artefacts. Copying `/` from a build stage " +
    "or image brings everything along: compilers, package caches, shells, credentials used during the build and " +
    "files of the stage's base image, defeating the separation.",
  attack:
    "Tokens, SSH keys or `.npmrc`/`.netrc` files left in the build stage end up in the shipped image where anyone " +
    "who can pull it can read them, and the extra tools make a compromised container easier to exploit.",
  remediation:
    "Copy only the paths the runtime needs (`COPY --from=build /out/app /usr/local/bin/app`), or collect them in a " +
    "`FROM scratch` stage first and copy that one.",
  example: {
    insecure: "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build / /\n",
    secure: "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n",
  },
  messages: {
    entireFs: "COPY --from={{from}} copies its whole filesystem ({{source}}); copy only the files needed",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const { dockerfile, stage } = view;
    for (const { instruction: ins, flag, source: src } of copiesFrom(dockerfile, stage)) {
      if (src.kind === "unknown" || (src.kind === "stage" && builtFromScratch(dockerfile, src.index))) continue;
      if (COPY_WHOLE.test(src.kind === "image" ? src.ref : src.kind === "stage" ? rootImage(dockerfile, dockerfile.stages[src.index]!) : "")) continue;
      const root = copyOperands(ins).sources.find((s) => !s.heredoc && isRoot(s.value));
      if (root) ctx.report({ messageId: "entireFs", data: { from: flag.value, source: root.value }, path: root.path });
    }
  },
});

/** Images designed to be copied whole into a build stage. */
const COPY_WHOLE = /^(docker\.io\/)?tonistiigi\/xx([:@]|$)/i;

function isRoot(p: string): boolean {
  const t = p.replace(/\\/g, "/");
  return /^(\/+|\.\/*|\/+\.\/*|(\.?\/+)?\*)$/.test(t);
}
