import { defineRule } from "../../engine/rule-types.js";
import { appContainers, hasProbe, probesExpected } from "./_probes.js";

// Checks the regular containers of long-running workloads. Not checked: init containers (sidecars
// included), ephemeral containers, kinds in `excludeKinds` (Job, CronJob) and Pods they own, any pod
// template with restartPolicy Never or OnFailure (run to completion), and Helm test hooks.
export default defineRule({
  id: "readiness-probe-missing",
  title: "Readiness probe missing",
  rationale:
    "A Service sends traffic only to pods that are ready. Without a readiness probe a container counts as ready as soon as it " +
    "starts, so it receives requests before it can serve them (after every deploy and restart) and keeps receiving them while " +
    "it is overloaded or its dependencies are down.",
  attack:
    "During an incident or an attack, failing pods keep receiving their share of traffic, turning a partial degradation into " +
    "errors for a fixed fraction of all users; every rollout also causes a burst of errors.",
  remediation:
    "Add a `readinessProbe` to each container that serves traffic, checking that it can actually handle requests (for " +
    "example an HTTP endpoint that verifies its dependencies).",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
      readinessProbe:
        httpGet:
          path: /ready
          port: 8080
`,
  },
  messages: {
    missing: "Container '{{container}}' has no readiness probe, so it receives traffic before it is ready and while it is failing",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w || !probesExpected(ctx, w)) return;
    for (const c of appContainers(w)) {
      if (hasProbe(c, "readinessProbe")) continue;
      ctx.report({ messageId: "missing", data: { container: c.name }, path: [...c.path, "readinessProbe"], container: c });
    }
  },
});
