import { container } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./mismatching-selector.js";

const ctrl = (kind: string, selector: unknown, labels: object | undefined, apiVersion = "apps/v1"): object => ({
  apiVersion,
  kind,
  metadata: { name: "x" },
  spec: {
    ...(selector === undefined ? {} : { selector }),
    template: { ...(labels ? { metadata: { labels } } : {}), spec: { containers: [container()] } },
  },
});

ruleTester(rule, {
  valid: [
    { name: "matchLabels equal to the labels", manifest: ctrl("Deployment", { matchLabels: { app: "x" } }, { app: "x", tier: "web" }) },
    { name: "matchExpressions satisfied", manifest: ctrl("StatefulSet", { matchExpressions: [{ key: "app", operator: "In", values: ["x", "y"] }] }, { app: "x" }) },
    { name: "DeploymentConfig with a label map", manifest: ctrl("DeploymentConfig", { app: "x" }, { app: "x" }, "apps.openshift.io/v1") },
    { name: "ReplicationController without selector defaults to the labels", manifest: ctrl("ReplicationController", undefined, { app: "x" }, "v1") },
    { name: "extensions/v1beta1 Deployment without selector defaults to the labels", manifest: ctrl("Deployment", undefined, { app: "x" }, "extensions/v1beta1") },
    { name: "a missing selector (a Kustomize base whose commonLabels add it) is not judged", manifest: ctrl("ReplicaSet", undefined, { app: "x" }) },
    { name: "no pod template", manifest: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x" }, spec: { selector: { matchLabels: { app: "x" } } } } },
    { name: "a Deployment kind of another group", manifest: ctrl("Deployment", { app: "x" }, {}, "example.com/v1") },
  ],
  invalid: [
    {
      name: "template without labels",
      manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app1\nspec:\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: app1\n  template:\n    spec:\n      containers:\n        - name: app\n",
      errors: [{ messageId: "mismatch", path: "spec.selector", line: 7 }],
    },
    {
      name: "DeploymentConfig whose template lacks the labels",
      manifest: ctrl("DeploymentConfig", { app: "x" }, undefined, "apps.openshift.io/v1"),
      errors: [{ messageId: "mismatch", path: "spec.selector", object: "DeploymentConfig/x" }],
    },
    { name: "ReplicationController with other labels", manifest: ctrl("ReplicationController", { app: "x" }, { app: "y" }, "v1"), errors: [{ messageId: "mismatch", path: "spec.selector" }] },
    { name: "DaemonSet with a failing expression", manifest: ctrl("DaemonSet", { matchExpressions: [{ key: "tier", operator: "Exists" }] }, { app: "x" }), errors: [{ messageId: "mismatch", path: "spec.selector" }] },
    { name: "an empty selector", manifest: ctrl("Deployment", {}, { app: "x" }, "extensions/v1beta1"), errors: [{ messageId: "empty", path: "spec.selector" }] },
    { name: "a label map where a LabelSelector belongs", manifest: ctrl("Deployment", { app: "x" }, { app: "x" }), errors: [{ messageId: "plainMap", path: "spec.selector" }] },
    { name: "a string selector", manifest: ctrl("Deployment", "app=x", { app: "x" }), errors: [{ messageId: "plainMap", path: "spec.selector" }] },
  ],
});
