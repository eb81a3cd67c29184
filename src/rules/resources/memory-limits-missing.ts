import { defineRule } from "../../engine/rule-types.js";
import { checkMissing } from "./_resources.js";

// A container counts as limited when it sets a memory limit, when a LimitRange of its namespace in the scan
// gives a default limit (`default`, or `max`), or (from 1.34) when the pod sets a pod-level memory limit.
// Regular and init containers are checked; ephemeral containers cannot set resources. A zero limit means no
// limit to the kubelet and is reported.
export default defineRule({
  id: "memory-limits-missing",
  title: "Memory limit missing",
  rationale:
    "Without a memory limit a container can grow until its node runs out of memory. The kernel and the kubelet then kill " +
    "or evict processes, often those of other pods, and a leak in one application becomes an outage of several.",
  attack:
    "An attacker who gets code execution in the container (or who can send it requests that make it allocate) exhausts the " +
    "node's memory on purpose, getting neighbouring pods killed: a denial of service against other tenants.",
  remediation:
    "Set `resources.limits.memory` on every container, somewhat above its peak use (for example `256Mi`). A namespace-wide " +
    "LimitRange with `default` provides a limit for containers that set none.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
      resources:
        limits:
          cpu: 500m
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
      resources:
        limits:
          cpu: 500m
          memory: 256Mi
`,
  },
  messages: {
    missing: "Container '{{container}}' has no memory limit and can exhaust its node's memory",
    zero: "Container '{{container}}' has a memory limit of zero, which means no limit: it can exhaust its node's memory",
  },
  check(ctx) {
    checkMissing(ctx, "limits", "memory");
  },
});
