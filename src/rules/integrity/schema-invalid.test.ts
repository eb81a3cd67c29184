import { describe, expect, it } from "vitest";
import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester, runRuleOn } from "../../testing/rule-tester.js";
import rule from "./schema-invalid.js";

const crd = {
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: "widgets.example.com" },
  spec: {
    group: "example.com",
    names: { kind: "Widget", plural: "widgets" },
    scope: "Namespaced",
    versions: [
      {
        name: "v1",
        served: true,
        storage: true,
        additionalPrinterColumns: [{ name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp", description: "age" }],
        schema: {
          openAPIV3Schema: {
            type: "object",
            description: "A widget.",
            properties: {
              spec: { type: "object", "x-kubernetes-preserve-unknown-fields": true, default: { anything: { goes: 1 } } },
              items: { type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"], items: { type: "object" } },
            },
          },
        },
      },
    ],
  },
};

ruleTester(rule, {
  valid: [
    { name: "a valid Deployment", manifest: deployment({ containers: [container({ securityContext: { runAsNonRoot: true }, resources: { limits: { cpu: 0.5, memory: "128Mi" } } })] }) },
    { name: "a valid CronJob", manifest: cronJob({ containers: [container()], restartPolicy: "OnFailure" }) },
    { name: "null means unset (creationTimestamp: null, type: null)", manifest: "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  creationTimestamp: null\nspec:\n  type: null\n  ports:\n  - port: 80\n    targetPort: http\nstatus:\n  loadBalancer: {}\n" },
    { name: "custom resources are skipped", manifest: { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec: { anything: true } } },
    { name: "a kind the schemas do not know in a built-in group is skipped by default", manifest: { apiVersion: "apps/v1", kind: "Deploymnet", metadata: { name: "d" } } },
    { name: "CRD: description and x-kubernetes-* extensions are known, free-form defaults are not checked", manifest: crd },
    { name: "PriorityClass description", manifest: { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "high" }, value: 1000, description: "for important pods" } },
    {
      name: "a Kustomize strategic-merge patch is not judged on its own",
      manifest: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { template: { spec: { containers: [{ name: "app", resources: { $patch: "delete" } }] } } } },
    },
    {
      name: "a resource of a Kustomization in the scan may leave required fields to the overlay",
      manifest: [
        { apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization", commonLabels: { app: "x" }, resources: ["./test.yaml"] },
        { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { template: { spec: { containers: [container()] } } } },
      ],
    },
    {
      name: "a patch file of a Kustomize Component",
      manifest: [
        { apiVersion: "kustomize.config.k8s.io/v1alpha1", kind: "Component", patchesStrategicMerge: ["test.yaml"] },
        { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { replicas: 2 } },
      ],
    },
    {
      name: "status: {} of a generated DaemonSet (its schema requires status fields the server fills in)",
      manifest: {
        apiVersion: "apps/v1",
        kind: "DaemonSet",
        metadata: { name: "ds" },
        spec: { selector: { matchLabels: { a: "b" } }, template: { metadata: { labels: { a: "b" } }, spec: { containers: [container()] } } },
        status: {},
      },
    },
    { name: "labels and annotations are maps, any key is fine", manifest: pod({ containers: [container()] }, { labels: { "app.kubernetes.io/name": "x" }, annotations: { "anything/goes": "1" } }) },
    { name: "very large integers (int64)", manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  activeDeadlineSeconds: 9223372036854775807\n  containers:\n  - name: a\n    image: x\n" },
  ],
  invalid: [
    {
      name: "misspelled securityContext in a container, with a line",
      manifest: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContex:
        runAsNonRoot: true
`,
      errors: [{ messageId: "unknownField", path: "spec.containers[0].securityContex", line: 10 }],
    },
    {
      name: "replicas as a string, unknown field in securityContext, wrong protocol",
      manifest: {
        ...deployment({ containers: [container({ securityContext: { readOnlyRootFileSystem: true }, ports: [{ containerPort: 80, protocol: "tcp" }] })] }),
        spec: {
          replicas: "3",
          selector: { matchLabels: { app: "d" } },
          template: {
            metadata: { labels: { app: "d" } },
            spec: { containers: [container({ securityContext: { readOnlyRootFileSystem: true }, ports: [{ containerPort: 80, protocol: "tcp" }] })] },
          },
        },
      },
      errors: [
        { messageId: "wrongType", path: "spec.replicas" },
        { messageId: "unknownField", path: "spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem" },
        { messageId: "notAllowed", path: "spec.template.spec.containers[0].ports[0].protocol" },
      ],
    },
    {
      name: "missing required fields: selector, container name",
      manifest: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { template: { spec: { containers: [{ image: "x" }] } } } },
      errors: [
        { messageId: "missingRequired", path: "spec.template.spec.containers[0].name" },
        { messageId: "missingRequired", path: "spec.selector" },
      ],
    },
    {
      name: "a Kustomize patch still gets its types checked",
      manifest: [
        { apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization", patches: [{ path: "test.yaml" }, { patch: "inline" }, "junk"] },
        { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { replicas: "2" } },
      ],
      errors: [{ messageId: "wrongType", path: "spec.replicas", object: "Deployment/d" }],
    },
    {
      name: "int-or-string and quantity",
      manifest: {
        apiVersion: "v1",
        kind: "Service",
        metadata: { name: "s", labels: { tier: 3 } },
        spec: { ports: [{ port: 80, targetPort: true }] },
      },
      errors: [
        { messageId: "wrongType", path: "metadata.labels.tier" },
        { messageId: "wrongType", path: "spec.ports[0].targetPort" },
      ],
    },
    {
      name: "quantity and date formats",
      manifest: pod({ containers: [container({ resources: { limits: { memory: "1Gb" } } })] }, { creationTimestamp: "yesterday" }),
      errors: [
        { messageId: "badFormat", path: "metadata.creationTimestamp" },
        { messageId: "badFormat", path: "spec.containers[0].resources.limits.memory" },
      ],
    },
    {
      name: "field names are case-sensitive (dnsConfig.Searches)",
      manifest: pod({ containers: [container()], dnsConfig: { Searches: ["a.local"] } }),
      errors: [{ messageId: "unknownField", path: "spec.dnsConfig.Searches" }],
    },
    {
      name: "a mapping where a list is expected (initContainers), and a CronJob at the wrong level",
      manifest: [
        pod({ containers: [container()], initContainers: { name: "init", image: "x" } }),
        { ...cronJob({ containers: [container()] }), spec: { schedule: "* * * * *", jobTemplate: { spec: { template: { spec: { containers: [container()] } } } }, containers: [] } },
      ],
      errors: [
        { messageId: "wrongType", path: "spec.initContainers", object: "Pod/p" },
        { messageId: "unknownField", path: "spec.containers", object: "CronJob/c" },
      ],
    },
    {
      name: "capped per object",
      manifest: pod({ containers: [container(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`bogus${i}`, i])))] }),
      errors: [
        ...Array.from({ length: 10 }, (_, i) => ({ messageId: "unknownField", path: `spec.containers[0].bogus${i}` })),
        { messageId: "more", path: "" },
      ],
    },
    {
      name: "with ignoreMissingSchemas false, a misspelled built-in kind is reported",
      manifest: { apiVersion: "apps/v1", kind: "Deploymnet", metadata: { name: "d" } },
      params: { ignoreMissingSchemas: false },
      errors: [{ messageId: "unknownKind", path: "kind" }],
    },
  ],
});

describe("schema-invalid messages", () => {
  const messages = (manifest: object) => runRuleOn(rule, { name: "m", manifest }).map((f) => f.message);
  it("suggest the closest known field and describe types", () => {
    expect(messages(pod({ containers: [container({ securityContex: {} })] }))).toEqual([
      "Pod has no field 'securityContex' in 'spec.containers[0]' (did you mean 'securityContext'?); Kubernetes rejects or drops it, so it has no effect",
    ]);
    expect(messages({ ...deployment({ containers: [container()] }), spec: { replicas: "3", selector: {}, template: { spec: { containers: [container()] } } } })).toEqual([
      "'spec.replicas' must be an integer, but is the string \"3\"",
    ]);
    expect(messages({ apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { ports: [{ port: 80, targetPort: true }] } })).toEqual([
      "'spec.ports[0].targetPort' must be a string or an integer, but is the boolean true",
    ]);
  });
});
