import { container, deployment } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./anti-affinity-missing.js";

type Obj = Record<string, unknown>;
const dep = (replicas: unknown, podSpec: Obj = {}, namespace?: string) => {
  const d = deployment({ containers: [container()], ...podSpec }) as { spec: Obj; metadata: Obj };
  if (replicas !== undefined) d.spec.replicas = replicas;
  if (namespace) d.metadata.namespace = namespace;
  return d;
};
const term = (extra: Obj = {}) => ({ topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "d" } }, ...extra });

ruleTester(rule, {
  valid: [
    { name: "required anti-affinity on the hostname", manifest: dep(3, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term()] } } }) },
    {
      name: "preferred anti-affinity with matchExpressions",
      manifest: dep(3, {
        affinity: {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 100, podAffinityTerm: term({ labelSelector: { matchExpressions: [{ key: "app", operator: "In", values: ["d"] }] } }) },
            ],
          },
        },
      }),
    },
    { name: "zone anti-affinity also separates nodes", manifest: dep(3, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ topologyKey: "topology.kubernetes.io/zone" })] } } }) },
    { name: "own namespace listed", manifest: dep(3, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ namespaces: ["foo"] })] } } }, "foo") },
    { name: "empty namespaceSelector selects every namespace", manifest: dep(3, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ namespaces: ["x"], namespaceSelector: {} })] } } }, "foo") },
    {
      name: "topology spread on the hostname",
      manifest: dep(3, { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { app: "d" } } }] }),
    },
    { name: "a single replica", manifest: dep(undefined) },
    {
      name: "a pod template without labels is a fragment (Kustomize patch)",
      manifest: {
        apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "m" },
        spec: { replicas: 2, template: { spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term()] } } } } },
      },
    },
    { name: "replicas from a template placeholder", manifest: dep("{{ .Values.replicas }}") },
    { name: "Helm test hook", manifest: { ...dep(3), metadata: { name: "d", annotations: { "helm.sh/hook": "test" } } } },
  ],
  invalid: [
    {
      name: "three replicas, no affinity",
      manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: app\n          image: x\n",
      errors: [{ messageId: "missing", path: "spec.template.spec.affinity.podAntiAffinity", line: 11 }],
    },
    {
      name: "anti-affinity on another workload's labels",
      manifest: dep(3, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ labelSelector: { matchLabels: { app: "other" } } })] } } }),
      errors: [{ messageId: "missing", path: "spec.template.spec.affinity.podAntiAffinity" }],
    },
    {
      name: "anti-affinity on a non-node topology key",
      manifest: dep(3, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ topologyKey: "example.com/rack-power" })] } } }),
      errors: [{ messageId: "missing", path: "spec.template.spec.affinity.podAntiAffinity" }],
    },
    {
      name: "term that looks at another namespace only",
      manifest: dep(3, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ namespaces: ["bar"] })] } } }, "foo"),
      errors: [{ messageId: "missing", path: "spec.template.spec.affinity.podAntiAffinity" }],
    },
    {
      name: "pod affinity is not anti-affinity",
      manifest: dep(2, { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term()] } } }),
      errors: [{ messageId: "missing", path: "spec.template.spec.affinity.podAntiAffinity" }],
    },
    {
      name: "one replica but an HPA may scale it out",
      manifest: [dep(undefined), { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name: "h" }, spec: { scaleTargetRef: { kind: "Deployment", name: "d" }, maxReplicas: 5 } }],
      errors: [{ messageId: "missing", path: "spec.template.spec.affinity.podAntiAffinity", object: "Deployment/d" }],
    },
    {
      name: "affinity of the wrong type, StatefulSet",
      manifest: { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "s" }, spec: { replicas: 3, template: { spec: { affinity: "spread", containers: [container()] } } } },
      errors: [{ messageId: "missing", path: "spec.template.spec.affinity.podAntiAffinity" }],
    },
  ],
});
