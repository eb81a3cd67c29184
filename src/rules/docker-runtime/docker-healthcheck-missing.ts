import { defineRule } from "../../engine/rule-types.js";
import { isHealthcheckNone, lastInChain } from "./_runtime-stages.js";

// Judges the final stage: the last HEALTHCHECK of the stage, else of the local stage it builds on (FROM <alias>),
// and so on. None at all is reported on the final FROM; `HEALTHCHECK NONE` as the one that takes effect is reported
// on that instruction. A HEALTHCHECK set by an external base image cannot be seen.
export default defineRule({
  id: "docker-healthcheck-missing",
  title: "No HEALTHCHECK",
  rationale:
    "Without a HEALTHCHECK, Docker, Compose and Swarm only know whether the main process is alive, not whether it " +
    "still answers. A hung or deadlocked application keeps receiving traffic and is never restarted. Kubernetes " +
    "ignores HEALTHCHECK and uses liveness/readiness probes, so this matters for images also run outside Kubernetes.",
  attack:
    "An attacker who can make the application hang (a slow-request or resource-exhaustion bug) keeps the service " +
    "down for as long as they like, because nothing notices that the container no longer responds.",
  remediation:
    "Add a HEALTHCHECK that exercises the application cheaply, e.g. `HEALTHCHECK --interval=30s --timeout=3s CMD " +
    "[\"/app/healthcheck\"]` or `CMD curl -fsS http://localhost:8080/healthz || exit 1`; in Kubernetes, define probes.",
  example: {
    insecure: "FROM node:20.12-alpine\nCOPY . /app\nCMD [\"node\", \"/app/server.js\"]\n",
    secure:
      "FROM node:20.12-alpine\nCOPY . /app\nHEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost:3000/healthz || exit 1\n" +
      "CMD [\"node\", \"/app/server.js\"]\n",
  },
  messages: {
    missing: "The final stage ({{stage}}) defines no HEALTHCHECK",
    disabled: "HEALTHCHECK NONE switches health checks off for the image",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view || !view.stage.isFinal) return;
    const last = lastInChain(view.dockerfile, view.stage, "HEALTHCHECK");
    if (!last) ctx.report({ messageId: "missing", data: { stage: view.stage.name }, path: view.stage.from.path });
    else if (isHealthcheckNone(last)) ctx.report({ messageId: "disabled", path: last.path });
  },
});
