import { defineRule } from "../../engine/rule-types.js";
import { exposedPorts } from "./_runtime-ports.js";
import { stageChain } from "../../model/dockerfile-queries.js";

// Judges the final stage: its EXPOSE instructions and those of the local stages it builds on (FROM <alias>), which
// the image inherits. A TCP port (no protocol, /tcp) or a port range holding one of the SSH ports is reported;
// `${VAR}` is resolved from ARG/ENV defaults and skipped when unknown. UDP/SCTP are not SSH.
export default defineRule({
  id: "docker-expose-ssh",
  title: "SSH port exposed",
  rationale:
    "Exposing port 22 usually means the image runs an SSH server. That is a second way into the container, with its " +
    "own passwords or keys, which bypasses `docker exec`/`kubectl exec`, their access control and their audit logs. " +
    "Containers should run one process and be debugged through the runtime instead.",
  attack:
    "An attacker who reaches the port guesses a weak password, uses a key baked into the image or exploits the SSH " +
    "daemon, and gets a shell in the container without ever touching the Kubernetes API.",
  remediation:
    "Remove the SSH server and the `EXPOSE 22`; use `kubectl exec`, `kubectl debug` or `docker exec` to get a shell " +
    "when you need one.",
  example: {
    insecure: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-server\nEXPOSE 22 8080\nCMD [\"/usr/sbin/sshd\", \"-D\"]\n",
    secure: "FROM debian:12.5\nCOPY app /usr/local/bin/app\nEXPOSE 8080\nCMD [\"/usr/local/bin/app\"]\n",
  },
  messages: {
    port: "EXPOSE {{port}} opens the SSH port {{ssh}}",
    range: "EXPOSE {{port}} is a port range that includes the SSH port {{ssh}}",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view || !view.stage.isFinal) return;
    const sshPorts = ctx.params.strings("sshPorts").map(Number).filter((n) => Number.isInteger(n));
    const stages = stageChain(view.dockerfile, view.stage);
    for (const stage of stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== "EXPOSE") continue;
        for (const p of exposedPorts(view.dockerfile, stage, ins)) {
          if (p.protocol !== "tcp") continue;
          const ssh = sshPorts.find((s) => s >= p.from && s <= p.to);
          if (ssh === undefined) continue;
          ctx.report({ messageId: p.from === p.to ? "port" : "range", data: { port: p.written, ssh }, path: p.word.path });
        }
      }
    }
  },
});
