import { defineRule } from "../../engine/rule-types.js";
import { fromTarget, imageWord, writtenNote } from "./_docker-base-image-from.js";

// Every stage's FROM. Not affected: FROM scratch, FROM <earlier stage alias>, images pinned by digest, and images
// only known at build time (a variable without a default). `${VAR}` with a global ARG default is judged by the
// resolved reference. References a registry would reject are left alone.
export default defineRule({
  id: "docker-latest-tag",
  title: "Base image uses the latest tag or no tag",
  rationale:
    "`FROM node` and `FROM node:latest` name whatever the publisher pushed most recently. Two builds of the same " +
    "Dockerfile can start from different operating systems or language versions, so builds are not reproducible, a " +
    "rebuild can break without any change in the repository, and nobody reviewed the new base.",
  attack:
    "If the publisher's account or registry is compromised, a malicious image pushed as latest is picked up by the " +
    "next build automatically; with a pinned version or digest it would have to get past a reviewed update first.",
  remediation:
    "Pin the base image to a specific version tag (`FROM node:20.11-alpine3.19`), or better to a digest " +
    "(`FROM node:20.11-alpine3.19@sha256:…`), and update it deliberately, e.g. with Renovate or Dependabot.",
  example: {
    insecure: "FROM python\nCOPY app.py /app.py\nUSER 1000\n",
    secure: "FROM python:3.12.2-slim-bookworm\nCOPY app.py /app.py\nUSER 1000\n",
  },
  messages: {
    noTag: "FROM '{{image}}'{{written}} has no tag, so the build takes whatever 'latest' points to",
    latest: "FROM '{{image}}'{{written}} uses the 'latest' tag, which changes without review",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const target = fromTarget(view.dockerfile, view.stage);
    if (target.kind !== "image") return;
    const { ref, image } = target;
    if (ref.digest !== undefined || ref.problems.length > 0 || ref.templated) return;
    const path = imageWord(view.stage)?.path ?? view.stage.from.path;
    const data = { image, written: writtenNote(view.stage, image) };
    if (ref.tag === undefined) ctx.report({ messageId: "noTag", data, path });
    else if (ref.tag === "latest") ctx.report({ messageId: "latest", data, path });
  },
});
