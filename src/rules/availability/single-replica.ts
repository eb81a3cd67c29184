import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { autoscalersOf, isHelmTestHook, replicasOf } from "./_availability.js";

// Runs on Deployments, StatefulSets and DeploymentConfigs. An unset `replicas` means 1. Not reported: a
// workload whose replica count an autoscaler in the same namespace manages (HorizontalPodAutoscaler or KEDA
// ScaledObject targeting its kind and name; see hpa-min-replicas for the autoscaler's own minimum), one
// scaled to zero on purpose (`replicas: 0`), one whose replicas is a template placeholder, and Helm test hooks.
export default defineRule({
  id: "single-replica",
  title: "Too few replicas",
  rationale:
    "With a single pod, anything that stops that pod stops the service: a crash, a node failure, a node drain for an upgrade, " +
    "or a rollout that goes wrong. Running at least two replicas (on different nodes) keeps the service up while one is replaced.",
  attack:
    "An attacker who can crash or overload one pod (a request that triggers a bug, memory exhaustion) takes the whole service " +
    "down; with several replicas the same attack only removes one of them while the others keep serving.",
  remediation:
    "Set `spec.replicas` to at least the configured minimum (2 by default), or let a HorizontalPodAutoscaler manage the replica " +
    "count with `minReplicas` of 2 or more. Combine it with pod anti-affinity or topology spread so replicas land on different nodes.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example/web:1.0
`,
    secure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example/web:1.0
`,
  },
  messages: {
    unset: "{{kind}} '{{name}}' sets no replicas, so it runs a single pod (at least {{min}} are recommended)",
    tooFew: "{{kind}} '{{name}}' runs {{replicas}} replica(s); at least {{min}} are needed to survive the loss of one pod",
  },
  check(ctx) {
    const r = ctx.resource;
    if (isHelmTestHook(r)) return;
    const replicas = replicasOf(r);
    if (replicas === undefined || replicas === 0) return;
    const min = ctx.params.number("minReplicas");
    if (replicas >= min) return;
    if (autoscalersOf(ctx.inventory, r).length > 0) return;
    const spec = r.object.spec;
    const unset = !isObject(spec) || spec.replicas === undefined || spec.replicas === null;
    const path = ["spec", "replicas"];
    ctx.report({
      messageId: unset ? "unset" : "tooFew",
      data: { kind: r.kind, name: r.name, replicas, min },
      path,
      fix: fixes.set(path, min, {
        description: `Set replicas to ${min}`,
        safety: "unsafe",
        note: "More pods need more capacity, and applications that must run as a single instance (leader-less singletons, " +
          "ReadWriteOnce volumes) can break with several; check that the application supports running in parallel.",
      }),
    });
  },
});
