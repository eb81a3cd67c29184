import { defineRule } from "../../engine/rule-types.js";
import { checkMissing } from "./_resources.js";

// Bounded means a limit: a request alone reserves space for scheduling but lets the container write without
// end. A container counts as bounded when it sets `limits.ephemeral-storage` or a LimitRange of its
// namespace in the scan gives a default limit. Regular and init containers are checked; ephemeral
// containers cannot set resources. Pod-level resources do not cover ephemeral storage.
export default defineRule({
  id: "ephemeral-storage-limits-missing",
  title: "Ephemeral storage not bounded",
  rationale:
    "A container's writable layer, its logs and its emptyDir volumes live on the node's disk. Without an ephemeral-storage " +
    "limit one container can fill that disk; the kubelet then evicts pods to reclaim space, and not necessarily the culprit first.",
  attack:
    "An attacker with code execution in the container, or able to make it log or cache without end, fills the node's disk: " +
    "other pods are evicted, new pods cannot start on the node, and logs that would show the attack may be lost.",
  remediation:
    "Set `resources.limits.ephemeral-storage` (and a matching request) on every container, for example `1Gi`, above what it " +
    "needs for logs and scratch files. Give emptyDir volumes a `sizeLimit` as well.",
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
      resources:
        requests:
          ephemeral-storage: 512Mi
        limits:
          ephemeral-storage: 1Gi
`,
  },
  messages: {
    missing: "Container '{{container}}' has no ephemeral-storage limit and can fill its node's disk",
    zero: "Container '{{container}}' has an ephemeral-storage limit of zero, which means no limit: it can fill its node's disk",
  },
  check(ctx) {
    checkMissing(ctx, "limits", "ephemeral-storage");
  },
});
