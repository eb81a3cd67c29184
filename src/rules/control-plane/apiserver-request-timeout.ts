import { defineRule } from "../../engine/rule-types.js";
import { flag, invocations, parseDuration } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.20 (manual): "either not set or set to an appropriate value"; the default is 60s and CIS's example of a
// raised value is 300s. Reported: a timeout longer than 5 minutes. Values the API server rejects (negative, not a
// duration) stop it from starting and are not reported; 0 is not reported either.
const MAX_SECONDS = 300;

export default defineRule({
  id: "apiserver-request-timeout",
  title: "API server request timeout too long",
  rationale:
    "--request-timeout bounds how long the API server works on a single non-watch request (60 seconds by default). " +
    "Raised far beyond that, slow or stalled clients hold connections, goroutines and memory for a long time.",
  attack: "An attacker with any credentials opens many slow requests (large lists, slow-reading clients) that each stay alive for the long timeout, exhausting the API server and denying service to the cluster.",
  remediation: "Remove `--request-timeout` (60s default) or set it to a value no longer than needed, at most a few minutes (for example 300s).",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--request-timeout=1h"]),
    secure: staticPodYaml("kube-apiserver", ["--request-timeout=300s"]),
  },
  messages: {
    long: "kube-apiserver in container '{{container}}' sets --request-timeout={{value}}, longer than {{max}}: slow requests can tie up the API server",
  },
  check(ctx) {
    for (const inv of invocations(ctx, "kube-apiserver")) {
      const f = flag(inv, "request-timeout");
      if (!f || !f.known) continue;
      const secs = parseDuration(f.value);
      if (secs === undefined || secs <= MAX_SECONDS) continue;
      ctx.report({ messageId: "long", data: { container: inv.container.name, value: f.value, max: `${MAX_SECONDS}s` }, path: f.path, container: inv.container });
    }
  },
});
