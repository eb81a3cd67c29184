import { defineRule } from "../../engine/rule-types.js";
import { appContainers, hasProbe, probesExpected } from "./_probes.js";

// Checks the regular containers of long-running workloads. Not checked: init containers (sidecars
// included), ephemeral containers, kinds in `excludeKinds` (Job, CronJob) and Pods they own, any pod
// template with restartPolicy Never or OnFailure (run to completion), and Helm test hooks.
export default defineRule({
  id: "liveness-probe-missing",
  title: "Liveness probe missing",
  rationale:
    "The kubelet restarts a container whose liveness probe fails. Without one, a process that hangs (deadlock, exhausted " +
    "thread pool, stuck connection) but does not exit keeps its pod \"Running\" forever while serving nothing, and nobody " +
    "is alerted by a restart.",
  attack:
    "A request that wedges the application (a slow-loris connection, an input that triggers a deadlock) takes the container " +
    "out of service permanently instead of for the few seconds a restart would take.",
  remediation:
    "Add a `livenessProbe` to each long-running container that checks the process itself is responsive (an HTTP health " +
    "endpoint, a TCP port, or a gRPC health check), with a failure threshold generous enough not to kill it under load.",
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
      livenessProbe:
        httpGet:
          path: /healthz
          port: 8080
`,
  },
  messages: {
    missing: "Container '{{container}}' has no liveness probe, so it is not restarted when it hangs",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w || !probesExpected(ctx, w)) return;
    for (const c of appContainers(w)) {
      if (hasProbe(c, "livenessProbe")) continue;
      ctx.report({ messageId: "missing", data: { container: c.name }, path: [...c.path, "livenessProbe"], container: c });
    }
  },
});
