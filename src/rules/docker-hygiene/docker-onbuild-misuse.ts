import { defineRule } from "../../engine/rule-types.js";
import { instructionsOf } from "../../model/dockerfile.js";

// Every stage. ONBUILD whose trigger is ONBUILD, FROM or MAINTAINER (the instructions Docker refuses as triggers).
const FORBIDDEN = new Set(["ONBUILD", "FROM", "MAINTAINER"]);

export default defineRule({
  id: "docker-onbuild-misuse",
  title: "ONBUILD triggers an instruction that is not allowed",
  rationale:
    "ONBUILD stores an instruction that runs later, when another Dockerfile builds FROM this image. Docker does not " +
    "allow ONBUILD, FROM or MAINTAINER as that instruction, so the image either fails to build or breaks every " +
    "image that uses it as a base.",
  attack:
    "Not an attack in itself; the risk is that downstream teams work around the broken base image, for example by " +
    "switching to an unreviewed image from a public registry.",
  remediation:
    "Remove the trigger, or move the instruction into the downstream Dockerfile; use `LABEL maintainer=…` instead " +
    "of MAINTAINER.",
  example: {
    insecure: "FROM node:20.11-alpine\nWORKDIR /app\nONBUILD FROM node:20.11-alpine\n",
    secure: "FROM node:20.11-alpine\nWORKDIR /app\nONBUILD COPY package.json /app/\n",
  },
  messages: {
    forbidden: "ONBUILD cannot trigger {{keyword}}",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    for (const ins of instructionsOf(stage, "ONBUILD")) {
      const t = ins.trigger;
      if (t && FORBIDDEN.has(t.keyword)) ctx.report({ messageId: "forbidden", data: { keyword: t.keyword }, path: t.path });
    }
  },
});
