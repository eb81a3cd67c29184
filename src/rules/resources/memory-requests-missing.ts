import { defineRule } from "../../engine/rule-types.js";
import { checkMissing } from "./_resources.js";

// A container counts as having a memory request when it sets one, when it sets only a memory limit
// (Kubernetes then sets the request to the limit), when a LimitRange of its namespace in the scan gives a
// default, or (from 1.34) when the pod sets pod-level memory resources. Regular and init containers are
// checked; ephemeral containers cannot set resources. A zero request counts as missing.
export default defineRule({
  id: "memory-requests-missing",
  title: "Memory request missing",
  rationale:
    "The memory request is what the scheduler reserves for a container. Without it the pod is placed as if it needed no " +
    "memory, nodes get overcommitted, and when a node runs short of memory pods that use more than they requested are the " +
    "first to be evicted or killed.",
  attack:
    "Pods without memory requests let an attacker (or a bad deployment) pack more pods onto a node than it can hold; the " +
    "resulting memory pressure evicts other tenants' pods and takes their services down.",
  remediation:
    "Set `resources.requests.memory` on every container to its normal working set (for example `128Mi`). A namespace-wide " +
    "LimitRange with `defaultRequest` provides a default for containers that set none.",
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
        requests:
          cpu: 100m
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
        requests:
          cpu: 100m
          memory: 128Mi
`,
  },
  messages: {
    missing: "Container '{{container}}' has no memory request, so the scheduler reserves no memory for it",
    zero: "Container '{{container}}' requests zero memory, so the scheduler reserves no memory for it",
  },
  check(ctx) {
    checkMissing(ctx, "requests", "memory");
  },
});
