import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./agent-sandbox-hardening.js";

const LIMITS = { limits: { cpu: "1", memory: "1Gi" } };
const goodContainer = { name: "runtime", image: "registry.example.com/python:3.13", resources: LIMITS };
const scopedPolicy = { egress: [{ to: [{ ipBlock: { cidr: "203.0.113.0/24" } }, { namespaceSelector: { matchLabels: { team: "a" } } }] }] };

const template = (over: { spec?: Record<string, unknown>; podSpec?: Record<string, unknown> } = {}, apiVersion = "extensions.agents.x-k8s.io/v1beta1") => ({
  apiVersion,
  kind: "SandboxTemplate",
  metadata: { name: "t" },
  spec: {
    networkPolicy: scopedPolicy,
    ...over.spec,
    podTemplate: { spec: { runtimeClassName: "gvisor", containers: [goodContainer], ...over.podSpec } },
  },
});

ruleTester(rule, {
  valid: [
    { name: "hardened template", manifest: template() },
    { name: "digest-pinned image", manifest: template({ podSpec: { containers: [{ ...goodContainer, image: "python@sha256:" + "a".repeat(64) }] } }) },
    { name: "networkPolicy with no egress rules denies all egress", manifest: template({ spec: { networkPolicy: {} } }) },
    { name: "runtime class matched as a case-insensitive substring", manifest: template({ podSpec: { runtimeClassName: "gVisor-debug" } }) },
    { name: "runtime check off when the list is empty", manifest: template({ podSpec: { runtimeClassName: undefined } }), params: { hardenedRuntimeClasses: [] } },
    { name: "registry allowed", manifest: template(), params: { allowedRegistries: ["registry.example.com"] } },
    { name: "another API group's SandboxTemplate", manifest: { ...template({ podSpec: { runtimeClassName: undefined } }), apiVersion: "example.com/v1" } },
    { name: "templated image is not judged", manifest: template({ podSpec: { containers: [{ ...goodContainer, image: "{{ .Values.image }}" }] } }) },
  ],
  invalid: [
    {
      name: "the README's bare template",
      manifest: `apiVersion: extensions.agents.x-k8s.io/v1beta1
kind: SandboxTemplate
metadata:
  name: python
spec:
  podTemplate:
    spec:
      containers:
        - name: runtime
          image: python
`,
      errors: [
        { messageId: "noRuntimeClass", path: "spec.podTemplate.spec.runtimeClassName" },
        { messageId: "defaultEgress", path: "spec.networkPolicy" },
        { messageId: "missingLimits", path: "spec.podTemplate.spec.containers[0].resources.limits", container: "runtime" },
        { messageId: "imageNotPinned", path: "spec.podTemplate.spec.containers[0].image", container: "runtime", line: 10, column: 18 },
      ],
    },
    {
      name: "runc runtime, Unmanaged network",
      manifest: template({ spec: { networkPolicyManagement: "Unmanaged" }, podSpec: { runtimeClassName: "runc" } }),
      errors: [
        { messageId: "runtimeNotHardened", path: "spec.podTemplate.spec.runtimeClassName" },
        { messageId: "unmanagedNetwork", path: "spec.networkPolicyManagement" },
      ],
    },
    {
      name: "open egress rules",
      manifest: template({
        spec: {
          networkPolicy: {
            egress: [
              { ports: [{ port: 443 }] },
              { to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["10.0.0.0/8"] } }] },
              { to: [{ podSelector: {} }] },
              scopedPolicy.egress[0],
            ],
          },
        },
      }),
      errors: [
        { messageId: "openEgress", path: "spec.networkPolicy.egress[0]" },
        { messageId: "openEgress", path: "spec.networkPolicy.egress[1]" },
        { messageId: "openEgress", path: "spec.networkPolicy.egress[2]" },
      ],
    },
    {
      name: "init container without memory limit and latest tag; registry not allowed",
      manifest: template({
        podSpec: {
          initContainers: [{ name: "setup", image: "docker.io/library/busybox:latest", resources: { limits: { cpu: "100m" } } }],
        },
      }),
      params: { allowedRegistries: ["registry.example.com"] },
      errors: [
        { messageId: "missingLimits", path: "spec.podTemplate.spec.initContainers[0].resources.limits.memory", container: "setup" },
        { messageId: "imageNotPinned", path: "spec.podTemplate.spec.initContainers[0].image", container: "setup" },
        { messageId: "registryNotAllowed", path: "spec.podTemplate.spec.initContainers[0].image", container: "setup" },
      ],
    },
    {
      name: "podTemplate of the wrong type",
      manifest: { apiVersion: "extensions.agents.x-k8s.io/v1alpha1", kind: "SandboxTemplate", metadata: { name: "w" }, spec: { podTemplate: "x", networkPolicy: {} } },
      errors: [{ messageId: "noRuntimeClass", path: "spec.podTemplate.spec.runtimeClassName" }],
    },
  ],
});
