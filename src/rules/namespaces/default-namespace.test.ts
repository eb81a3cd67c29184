import { describe, expect, it } from "vitest";
import { makeParams } from "../../engine/params.js";
import { withFacts } from "../../engine/registry.js";
import type { RuleModule } from "../../engine/rule-types.js";
import { runRules } from "../../engine/run.js";
import { loadManifestText } from "../../loaders/manifest.js";
import { KubeVersion } from "../../model/kube-version.js";
import { container, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./default-namespace.js";

const cm = (metadata: Record<string, unknown>): Record<string, unknown> => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", ...metadata }, data: {} });

ruleTester(rule, {
  valid: [
    { name: "another namespace", manifest: pod({ containers: [container()] }, { namespace: "shop" }) },
    { name: "cluster-scoped kinds have no namespace", manifest: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "r" }, rules: [] } },
    { name: "a Namespace object itself", manifest: { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } } },
    { name: "unset namespace, flagUnsetNamespace off", manifest: cm({}), params: { flagUnsetNamespace: false } },
    { name: "unset namespace of a custom kind of unknown scope (may be cluster-scoped)", manifest: { apiVersion: "pkg.crossplane.io/v1", kind: "Provider", metadata: { name: "aws" }, spec: {} } },
    {
      name: "a custom kind whose CRD in the scan says Cluster",
      manifest: [
        { apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", metadata: { name: "widgets.example.com" }, spec: { group: "example.com", scope: "Cluster", names: { kind: "Widget", plural: "widgets" } } },
        { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } },
      ],
    },
  ],
  invalid: [
    {
      name: "explicit default, with line (kube-linter's app1)",
      manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app1\n  namespace: default\n",
      errors: [{ messageId: "explicitDefault", path: "metadata.namespace", line: 5, object: "Deployment/app1" }],
    },
    { name: "unset namespace of a Deployment", manifest: deployment({ containers: [container()] }), errors: [{ messageId: "unset", path: "metadata.namespace" }] },
    { name: "an empty namespace is unset", manifest: cm({ namespace: "" }), errors: [{ messageId: "unset", path: "metadata.namespace" }] },
    { name: "explicit default even with flagUnsetNamespace off", manifest: cm({ namespace: "default" }), params: { flagUnsetNamespace: false }, errors: [{ messageId: "explicitDefault", path: "metadata.namespace" }] },
    { name: "well-known namespaced custom resource", manifest: { apiVersion: "monitoring.coreos.com/v1", kind: "ServiceMonitor", metadata: { name: "m" }, spec: {} }, errors: [{ messageId: "unset", path: "metadata.namespace" }] },
    {
      name: "a custom kind whose CRD in the scan says Namespaced",
      manifest: [
        { apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", metadata: { name: "widgets.example.com" }, spec: { group: "example.com", scope: "Namespaced", names: { kind: "Widget", plural: "widgets" } } },
        { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } },
      ],
      errors: [{ messageId: "unset", path: "metadata.namespace", object: "Widget/w" }],
    },
  ],
});

describe("default-namespace with a scan-wide default namespace", () => {
  it("does not report unset namespaces when the scan says where they go, but still reports an explicit default", () => {
    const text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  namespace: default\n";
    const loaded = loadManifestText(text, "test.yaml");
    const r = withFacts(rule as RuleModule);
    const result = runRules(loaded.resources, {
      rules: [{ rule: r, severity: r.severity, params: makeParams(r.id, r.params), waivable: true }],
      kubeVersion: KubeVersion.DEFAULT,
      defaultNamespace: "shop",
    });
    expect(result.findings.map((f) => `${f.messageId} ${f.object?.name}`)).toEqual(["explicitDefault b"]);
  });
});
