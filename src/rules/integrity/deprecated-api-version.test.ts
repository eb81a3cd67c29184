import { cronJob, deployment } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./deprecated-api-version.js";

const oldCronJob = { ...cronJob({ containers: [{ name: "a", image: "x" }] }), apiVersion: "batch/v1beta1" };
const extDeployment = { ...deployment({ containers: [{ name: "a", image: "x" }] }), apiVersion: "extensions/v1beta1" };

ruleTester(rule, {
  valid: [
    { name: "current versions", manifest: [deployment({ containers: [{ name: "a", image: "x" }] }), cronJob({ containers: [{ name: "a", image: "x" }] })] },
    { name: "batch/v1beta1 CronJob before its deprecation (target 1.20)", manifest: oldCronJob, kubeVersion: "1.20" },
    { name: "Endpoints before 1.33", manifest: { apiVersion: "v1", kind: "Endpoints", metadata: { name: "e" } }, kubeVersion: "1.32" },
    { name: "a custom resource with a beta version is not ours to judge", manifest: { apiVersion: "example.com/v1beta1", kind: "CronJob", metadata: { name: "c" } } },
    { name: "a kind the old version never had", manifest: { apiVersion: "apps/v1beta1", kind: "Widget", metadata: { name: "w" } } },
    {
      name: "targetKubernetesVersion parameter overrides the scan target",
      manifest: oldCronJob,
      params: { targetKubernetesVersion: "1.19" },
    },
  ],
  invalid: [
    {
      name: "extensions/v1beta1 NetworkPolicy is removed (kube-linter fixture shape)",
      manifest: "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: app\n---\napiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata:\n  name: app\n",
      errors: [{ messageId: "removed", path: "apiVersion", line: 6, column: 13 }],
    },
    {
      name: "extensions/v1beta1 Deployment",
      manifest: extDeployment,
      errors: [{ messageId: "removed", path: "apiVersion", object: "Deployment/d" }],
    },
    { name: "batch/v1beta1 CronJob at the default target", manifest: oldCronJob, errors: [{ messageId: "removed", path: "apiVersion" }] },
    {
      name: "batch/v1beta1 CronJob deprecated but still served at 1.22",
      manifest: oldCronJob,
      kubeVersion: "1.22",
      errors: [{ messageId: "deprecated", path: "apiVersion" }],
    },
    {
      name: "policy/v1beta1 PodSecurityPolicy removed in 1.25",
      manifest: { apiVersion: "policy/v1beta1", kind: "PodSecurityPolicy", metadata: { name: "p" }, spec: {} },
      kubeVersion: "1.25",
      errors: [{ messageId: "removed", path: "apiVersion" }],
    },
    {
      name: "autoscaling/v2beta2 HPA served at 1.25, deprecated",
      manifest: { apiVersion: "autoscaling/v2beta2", kind: "HorizontalPodAutoscaler", metadata: { name: "h" } },
      kubeVersion: "1.25",
      errors: [{ messageId: "deprecated", path: "apiVersion" }],
    },
    {
      name: "flowcontrol v1beta3 removed in 1.32",
      manifest: { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3", kind: "FlowSchema", metadata: { name: "f" } },
      kubeVersion: "v1.32.1",
      errors: [{ messageId: "removed", path: "apiVersion" }],
    },
    {
      name: "v1 Endpoints is deprecated from 1.33 but served",
      manifest: { apiVersion: "v1", kind: "Endpoints", metadata: { name: "e" } },
      errors: [{ messageId: "deprecated", path: "apiVersion" }],
    },
    {
      name: "a target given as the parameter",
      manifest: oldCronJob,
      params: { targetKubernetesVersion: "1.21" },
      kubeVersion: "1.19",
      errors: [{ messageId: "deprecated", path: "apiVersion" }],
    },
    {
      name: "a nonsense parameter falls back to the scan target",
      manifest: oldCronJob,
      params: { targetKubernetesVersion: "soon" },
      errors: [{ messageId: "removed", path: "apiVersion" }],
    },
  ],
});
