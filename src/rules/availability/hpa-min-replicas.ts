import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asInt } from "../../model/values.js";

// Runs on HorizontalPodAutoscalers (autoscaling/*). An unset minReplicas means 1 (the API default), so it is
// reported like an explicit 1. Also reported: minReplicas equal to (or above) maxReplicas, which leaves the
// autoscaler nothing to scale. Values that are not numbers (templates) are not judged.
export default defineRule({
  id: "hpa-min-replicas",
  title: "HorizontalPodAutoscaler minimum too low",
  rationale:
    "An autoscaler scales a workload down to `minReplicas` when load is low. With a minimum of 1, the service runs on a single " +
    "pod at quiet times and any failure of that pod (or of its node) is an outage. A minimum equal to the maximum, on the " +
    "other hand, means the autoscaler can never scale.",
  attack:
    "At low load an attacker needs to crash only one pod to take the service down; a burst of traffic (or a denial-of-service " +
    "attempt) hits an autoscaler that cannot add capacity when its minimum equals its maximum.",
  remediation:
    "Set `spec.minReplicas` to at least the configured minimum (2 by default) and keep `spec.maxReplicas` above it.",
  example: {
    insecure: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  maxReplicas: 10
`,
    secure: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 10
`,
  },
  messages: {
    unset: "The autoscaler sets no minReplicas, so it scales down to a single pod (at least {{min}} are recommended)",
    tooLow: "The autoscaler may scale down to {{replicas}} replica(s); at least {{min}} are needed to survive the loss of one pod",
    cannotScale: "minReplicas ({{minReplicas}}) is not below maxReplicas ({{maxReplicas}}), so the autoscaler cannot scale",
  },
  check(ctx) {
    const r = ctx.resource;
    if (!r.apiVersion.startsWith("autoscaling/")) return;
    const spec = isObject(r.object.spec) ? r.object.spec : {};
    const unset = spec.minReplicas === undefined || spec.minReplicas === null;
    const minReplicas = unset ? 1 : asInt(spec.minReplicas);
    if (minReplicas === undefined) return;
    const want = ctx.params.number("minReplicas");
    const maxReplicas = asInt(spec.maxReplicas);
    if (minReplicas < want) {
      const path = ["spec", "minReplicas"];
      const canFix = maxReplicas === undefined || maxReplicas > want;
      ctx.report({
        messageId: unset ? "unset" : "tooLow",
        data: { replicas: minReplicas, min: want },
        path,
        ...(canFix
          ? {
              fix: fixes.set(path, want, {
                description: `Set minReplicas to ${want}`,
                safety: "unsafe",
                note: "The workload then always runs at least that many pods, which needs more capacity; check that it can run several instances.",
              }),
            }
          : {}),
      });
    }
    if (maxReplicas !== undefined && minReplicas >= maxReplicas) {
      ctx.report({
        messageId: "cannotScale",
        data: { minReplicas, maxReplicas },
        path: ["spec", "maxReplicas"],
      });
    }
  },
});
