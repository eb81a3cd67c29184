import { defineRule } from "../../engine/rule-types.js";
import { checkMissing } from "./_resources.js";

// A container counts as having a CPU request when it sets one, when it sets only a CPU limit (Kubernetes
// then sets the request to the limit), when a LimitRange of its namespace in the scan gives a default, or
// (from 1.34) when the pod sets pod-level CPU resources. Regular and init containers are checked; ephemeral
// containers cannot set resources. A zero request counts as missing.
export default defineRule({
  id: "cpu-requests-missing",
  title: "CPU request missing",
  rationale:
    "The CPU request is what the scheduler reserves for a container on a node, and what the kernel uses to share CPU " +
    "between containers when the node is busy. Without it the pod is placed as if it needed no CPU: nodes get overcommitted " +
    "and, under load, the container gets only a minimal share and its neighbours' work slows down with it.",
  attack:
    "A compromised or buggy pod without a request lands on an already busy node and competes for CPU with critical pods there; " +
    "an attacker who can create such pods packs them onto nodes to degrade other tenants' services.",
  remediation:
    "Set `resources.requests.cpu` on every container to what it uses normally (for example `100m`, a tenth of a core). " +
    "Measure actual usage (kubectl top, your metrics) to choose the value. A namespace-wide LimitRange with `defaultRequest` " +
    "provides a default for containers that set none.",
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
        requests:
          memory: 128Mi
          cpu: 100m
`,
  },
  messages: {
    missing: "Container '{{container}}' has no CPU request, so the scheduler reserves no CPU for it",
    zero: "Container '{{container}}' requests zero CPU, so the scheduler reserves no CPU for it",
  },
  check(ctx) {
    checkMissing(ctx, "requests", "cpu");
  },
});
