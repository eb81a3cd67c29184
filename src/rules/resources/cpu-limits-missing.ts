import { defineRule } from "../../engine/rule-types.js";
import { checkMissing } from "./_resources.js";

// A container counts as limited when it sets a CPU limit, when a LimitRange of its namespace in the scan
// gives a default limit (`default`, or `max`), or (from 1.34) when the pod sets a pod-level CPU limit.
// Regular and init containers are checked; ephemeral containers cannot set resources. A zero limit means
// no limit to the kubelet and is reported.
export default defineRule({
  id: "cpu-limits-missing",
  title: "CPU limit missing",
  rationale:
    "Without a CPU limit a container may use every core of its node whenever they are idle. One runaway process, or a " +
    "compromised container running a crypto-miner, then slows down every other pod on the node. Some teams omit CPU limits " +
    "on purpose to avoid throttling; if yours does, disable this rule and rely on requests and monitoring.",
  attack:
    "An attacker who gets code execution in the container starts a crypto-miner: with no limit it takes all the node's CPU, " +
    "which costs money and starves the other workloads, and the extra load can hide other activity.",
  remediation:
    "Set `resources.limits.cpu` on every container (for example `500m` or `1`), above its normal peak use. A namespace-wide " +
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
          memory: 128Mi
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
          memory: 128Mi
          cpu: 500m
`,
  },
  messages: {
    missing: "Container '{{container}}' has no CPU limit and can use all the CPU of its node",
    zero: "Container '{{container}}' has a CPU limit of zero, which means no limit: it can use all the CPU of its node",
  },
  check(ctx) {
    checkMissing(ctx, "limits", "cpu");
  },
});
