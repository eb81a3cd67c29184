import { container, deployment } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./single-replica.js";

const dep = (replicas?: unknown, extra: Record<string, unknown> = {}) => {
  const d = deployment({ containers: [container()] }) as { spec: Record<string, unknown>; metadata: Record<string, unknown> };
  if (replicas !== undefined) d.spec.replicas = replicas;
  Object.assign(d.metadata, extra);
  return d;
};
const hpa = (kind: string, name: string, namespace?: string) => ({
  apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name: "h", ...(namespace ? { namespace } : {}) },
  spec: { scaleTargetRef: { apiVersion: "apps/v1", kind, name }, minReplicas: 2, maxReplicas: 5 },
});

ruleTester(rule, {
  valid: [
    { name: "three replicas", manifest: dep(3) },
    { name: "two replicas meet the default minimum", manifest: dep(2) },
    { name: "scaled to zero on purpose", manifest: dep(0) },
    { name: "replicas from a template placeholder", manifest: dep("{{ .Values.replicas }}") },
    { name: "an HPA in the same namespace manages it", manifest: [dep(), hpa("Deployment", "d")] },
    {
      name: "a KEDA ScaledObject manages it (kind defaults to Deployment)",
      manifest: [dep(1), { apiVersion: "keda.sh/v1alpha1", kind: "ScaledObject", metadata: { name: "s" }, spec: { scaleTargetRef: { name: "d" } } }],
    },
    {
      name: "an HPA with a templated minimum still manages it",
      manifest: [dep(), { ...hpa("Deployment", "d"), spec: { scaleTargetRef: { kind: "Deployment", name: "d" }, minReplicas: "{{ .Values.min }}", maxReplicas: 5 } }],
    },
    { name: "a Helm test hook is not a workload", manifest: dep(1, { annotations: { "helm.sh/hook": "test" } }) },
    { name: "higher minimum met", manifest: dep(3), params: { minReplicas: 3 } },
    { name: "DaemonSets are not checked", manifest: { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "ds" }, spec: { template: { spec: { containers: [container()] } } } } },
  ],
  invalid: [
    {
      name: "replicas unset means one",
      manifest: dep(),
      errors: [{ messageId: "unset", path: "spec.replicas" }],
    },
    {
      name: "one replica",
      manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers: []\n",
      errors: [{ messageId: "tooFew", path: "spec.replicas", line: 6 }],
    },
    {
      name: "an HPA in another namespace does not count",
      manifest: [dep(1, { namespace: "a" }), hpa("Deployment", "d", "b")],
      errors: [{ messageId: "tooFew", path: "spec.replicas", object: "Deployment/d" }],
    },
    {
      name: "an HPA targeting another kind does not count",
      manifest: [dep(1), hpa("StatefulSet", "d")],
      errors: [{ messageId: "tooFew", path: "spec.replicas", object: "Deployment/d" }],
    },
    {
      name: "StatefulSet below a configured minimum of 3",
      manifest: { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "db" }, spec: { replicas: "2", template: { spec: { containers: [container()] } } } },
      params: { minReplicas: 3 },
      errors: [{ messageId: "tooFew", path: "spec.replicas" }],
    },
    {
      name: "OpenShift DeploymentConfig",
      manifest: { apiVersion: "apps.openshift.io/v1", kind: "DeploymentConfig", metadata: { name: "dc" }, spec: { replicas: 1 } },
      errors: [{ messageId: "tooFew", path: "spec.replicas" }],
    },
    {
      name: "a Helm install hook is still checked",
      manifest: dep(1, { annotations: { "helm.sh/hook": "post-install" } }),
      errors: [{ messageId: "tooFew", path: "spec.replicas" }],
    },
  ],
});
