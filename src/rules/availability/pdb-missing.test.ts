import { container, deployment } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./pdb-missing.js";

type Obj = Record<string, unknown>;
const dep = (replicas: unknown, metadata: Obj = {}, labels: Obj = { app: "d" }) => {
  const d = deployment({ containers: [container()] }, { labels }) as { spec: Obj; metadata: Obj };
  if (replicas !== undefined) d.spec.replicas = replicas;
  Object.assign(d.metadata, metadata);
  return d;
};
const pdb = (selector: unknown, extra: Obj = {}, apiVersion = "policy/v1") => ({
  apiVersion, kind: "PodDisruptionBudget", metadata: { name: "pdb", ...extra }, spec: { maxUnavailable: 1, ...(selector === undefined ? {} : { selector }) },
});

ruleTester(rule, {
  valid: [
    { name: "a PDB selects the pods", manifest: [dep(3), pdb({ matchLabels: { app: "d" } })] },
    { name: "a PDB with matchExpressions", manifest: [dep(3), pdb({ matchExpressions: [{ key: "app", operator: "In", values: ["d", "e"] }] })] },
    { name: "an empty selector selects every pod of the namespace (policy/v1)", manifest: [dep(3), pdb({})] },
    { name: "a single replica needs no PDB", manifest: dep(undefined) },
    { name: "explicit single replica", manifest: dep(1) },
    { name: "scaled to zero", manifest: dep(0) },
    { name: "template placeholder replicas", manifest: dep("{{ .Values.replicas }}") },
    { name: "a pod template without labels is a fragment (Kustomize patch)", manifest: dep(3, { labels: { app: "x" } }, {}) },
    { name: "Helm test hook", manifest: dep(3, { annotations: { "helm.sh/hook": "test-success" } }) },
  ],
  invalid: [
    {
      name: "three replicas and no PDB",
      manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: []\n",
      errors: [{ messageId: "missing", path: "metadata.name", line: 4 }],
    },
    {
      name: "PDB in another namespace",
      manifest: [dep(3, { namespace: "right" }), pdb({ matchLabels: { app: "d" } }, { namespace: "wrong" })],
      errors: [{ messageId: "missing", path: "metadata.name", object: "Deployment/d" }],
    },
    {
      name: "PDB selecting other labels",
      manifest: [dep(3), pdb({ matchLabels: { app: "other" } })],
      errors: [{ messageId: "missing", path: "metadata.name", object: "Deployment/d" }],
    },
    {
      name: "a PDB without a selector selects nothing",
      manifest: [dep(3), pdb(undefined)],
      errors: [{ messageId: "missing", path: "metadata.name", object: "Deployment/d" }],
    },
    {
      name: "an empty selector selects nothing in policy/v1beta1",
      manifest: [dep(3), pdb({}, {}, "policy/v1beta1")],
      errors: [{ messageId: "missing", path: "metadata.name", object: "Deployment/d" }],
    },
    {
      name: "one replica but an HPA may scale it out",
      manifest: [dep(undefined), { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name: "h" }, spec: { scaleTargetRef: { kind: "Deployment", name: "d" }, maxReplicas: 4 } }],
      errors: [{ messageId: "missing", path: "metadata.name", object: "Deployment/d" }],
    },
    {
      name: "StatefulSet",
      manifest: { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "db" }, spec: { replicas: 3, template: { metadata: { labels: { app: "db" } }, spec: { containers: [container()] } } } },
      errors: [{ messageId: "missing", path: "metadata.name" }],
    },
  ],
});
