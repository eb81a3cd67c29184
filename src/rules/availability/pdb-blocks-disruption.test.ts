import { container, deployment } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./pdb-blocks-disruption.js";

type Obj = Record<string, unknown>;
const dep = (replicas: unknown, name = "d", labels: Obj = { app: "d" }, kind = "Deployment") => {
  const d = deployment({ containers: [container()] }, { labels }) as { kind: string; spec: Obj; metadata: Obj };
  d.kind = kind;
  d.metadata.name = name;
  if (replicas !== undefined) d.spec.replicas = replicas;
  return d;
};
const pdb = (spec: Obj, selector: unknown = { matchLabels: { app: "d" } }) => ({
  apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "pdb" }, spec: { ...spec, ...(selector === undefined ? {} : { selector }) },
});
const hpa = (min: unknown, name = "d") => ({
  apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name: "h" },
  spec: { scaleTargetRef: { kind: "Deployment", name }, ...(min === undefined ? {} : { minReplicas: min }), maxReplicas: 10 },
});

ruleTester(rule, {
  valid: [
    { name: "maxUnavailable 1", manifest: pdb({ maxUnavailable: 1 }) },
    { name: "maxUnavailable 10%", manifest: pdb({ maxUnavailable: "10%" }) },
    { name: "minAvailable below the replicas", manifest: [dep(3), pdb({ minAvailable: 2 })] },
    { name: "minAvailable 50% of 10 replicas", manifest: [dep(10), pdb({ minAvailable: "50%" })] },
    { name: "minAvailable below the HPA minimum", manifest: [dep(undefined), hpa(5), pdb({ minAvailable: 2 })] },
    { name: "minAvailable with no workload in the scan", manifest: pdb({ minAvailable: 5 }) },
    { name: "minAvailable with a selector that matches nothing", manifest: [dep(1), pdb({ minAvailable: 5 }, { matchLabels: { app: "x" } })] },
    { name: "a DaemonSet's pod count is unknown", manifest: [dep(undefined, "ds", { app: "d" }, "DaemonSet"), pdb({ minAvailable: 3 })] },
    { name: "replicas from a template placeholder", manifest: [dep("{{ .Values.n }}"), pdb({ minAvailable: 2 })] },
    { name: "a Job's pod count is unknown", manifest: [{ apiVersion: "batch/v1", kind: "Job", metadata: { name: "j" }, spec: { template: { metadata: { labels: { app: "d" } }, spec: { containers: [container()] } } } }, pdb({ minAvailable: 1 })] },
    { name: "Helm test hook pods are not counted", manifest: [{ ...dep(1), metadata: { name: "t", annotations: { "helm.sh/hook": "test" } } }, pdb({ minAvailable: 1 })] },
    { name: "a workload in another namespace is not counted", manifest: [{ ...dep(1), metadata: { name: "d", namespace: "other" } }, pdb({ minAvailable: 1 })] },
  ],
  invalid: [
    {
      name: "maxUnavailable 0",
      manifest: "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: p\nspec:\n  maxUnavailable: 0\n",
      errors: [{ messageId: "maxUnavailableZero", path: "spec.maxUnavailable", line: 6 }],
    },
    { name: "maxUnavailable 0%", manifest: pdb({ maxUnavailable: "0%" }), errors: [{ messageId: "maxUnavailableZero", path: "spec.maxUnavailable" }] },
    { name: "minAvailable 100%", manifest: pdb({ minAvailable: "100%" }), errors: [{ messageId: "minAvailableAll", path: "spec.minAvailable" }] },
    { name: "minAvailable 150%", manifest: [dep(10), pdb({ minAvailable: "150%" })], errors: [{ messageId: "minAvailableAll", path: "spec.minAvailable" }] },
    {
      name: "minAvailable equals the replicas",
      manifest: [dep(3), pdb({ minAvailable: 3 })],
      errors: [{ messageId: "minAvailableTooHigh", path: "spec.minAvailable", object: "PodDisruptionBudget/pdb" }],
    },
    {
      name: "minAvailable 1 with replicas unset (one pod)",
      manifest: [dep(undefined), pdb({ minAvailable: 1 })],
      errors: [{ messageId: "minAvailableTooHigh", path: "spec.minAvailable", object: "PodDisruptionBudget/pdb" }],
    },
    {
      name: "minAvailable 50% of one pod rounds up to one",
      manifest: [dep(1), pdb({ minAvailable: "50%" })],
      errors: [{ messageId: "minAvailableTooHigh", path: "spec.minAvailable", object: "PodDisruptionBudget/pdb" }],
    },
    {
      name: "minAvailable above the HPA minimum",
      manifest: [dep(undefined), hpa(5), pdb({ minAvailable: 10 })],
      errors: [{ messageId: "minAvailableTooHigh", path: "spec.minAvailable", object: "PodDisruptionBudget/pdb" }],
    },
    {
      name: "minAvailable equal to the HPA minimum",
      manifest: [dep(7), hpa(5), pdb({ minAvailable: 5 })],
      errors: [{ messageId: "minAvailableTooHigh", path: "spec.minAvailable", object: "PodDisruptionBudget/pdb" }],
    },
    {
      name: "HPA without minReplicas scales down to one",
      manifest: [dep(undefined), hpa(undefined), pdb({ minAvailable: 2 })],
      errors: [{ messageId: "minAvailableTooHigh", path: "spec.minAvailable", object: "PodDisruptionBudget/pdb" }],
    },
    {
      name: "KEDA ScaledObject minimum",
      manifest: [dep(1), { apiVersion: "keda.sh/v1alpha1", kind: "ScaledObject", metadata: { name: "s" }, spec: { minReplicaCount: 1, scaleTargetRef: { name: "d" } } }, pdb({ minAvailable: 1 })],
      errors: [{ messageId: "minAvailableTooHigh", path: "spec.minAvailable", object: "PodDisruptionBudget/pdb" }],
    },
    {
      name: "two workloads are counted together",
      manifest: [dep(2, "a"), dep(2, "b"), pdb({ minAvailable: 4 })],
      errors: [{ messageId: "minAvailableTooHigh", path: "spec.minAvailable", object: "PodDisruptionBudget/pdb" }],
    },
    {
      name: "a Deployment whose template has labels but no spec yet is counted",
      manifest: [{ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { replicas: 1, template: { metadata: { labels: { app: "d" } } } } }, pdb({ minAvailable: 1 })],
      errors: [{ messageId: "minAvailableTooHigh", path: "spec.minAvailable", object: "PodDisruptionBudget/pdb" }],
    },
    { name: "no policy", manifest: pdb({}), errors: [{ messageId: "noPolicy", path: "spec.maxUnavailable" }] },
    {
      name: "spec of the wrong type",
      manifest: { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "p" }, spec: "none" },
      errors: [{ messageId: "noPolicy", path: "spec.maxUnavailable" }],
    },
  ],
});
