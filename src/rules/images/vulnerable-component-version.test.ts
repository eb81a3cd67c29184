import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./vulnerable-component-version.js";

const node = (nodeInfo: Record<string, unknown>) => ({ apiVersion: "v1", kind: "Node", metadata: { name: "n1" }, status: { nodeInfo } });

ruleTester(rule, {
  valid: [
    { name: "fixed Argo CD releases", manifest: pod({ containers: [container({ image: "quay.io/argoproj/argocd:v2.1.9" }), container({ image: "quay.io/argoproj/argocd:v2.2.4" }, "b"), container({ image: "quay.io/argoproj/argocd:v2.3.0-rc1" }, "c")] }) },
    { name: "Grafana before and after the affected range", manifest: pod({ containers: [container({ image: "grafana/grafana:9.1.8" }), container({ image: "grafana/grafana:9.2.4-ubuntu" }, "b")] }) },
    { name: "Kyverno 1.8.2 and 1.8.5", manifest: pod({ containers: [container({ image: "ghcr.io/kyverno/kyverno:v1.8.2" }), container({ image: "ghcr.io/kyverno/kyverno:v1.8.5" }, "b")] }) },
    { name: "Kyverno's other images are other components", manifest: pod({ containers: [container({ image: "ghcr.io/kyverno/kyvernopre:v1.8.3" })] }) },
    { name: "ingress-nginx 1.11.5 and 1.12.1", manifest: pod({ containers: [container({ image: "registry.k8s.io/ingress-nginx/controller:v1.11.5" }), container({ image: "registry.k8s.io/ingress-nginx/controller:v1.12.1" }, "b")] }) },
    { name: "no readable version", manifest: pod({ containers: [container({ image: "grafana/grafana:latest" }), container({ image: "grafana/grafana" }, "b"), container({ image: `grafana/grafana@sha256:${"1".repeat(64)}` }, "c"), container({ image: "grafana/grafana:{{ .Values.tag }}" }, "d")] }) },
    { name: "another product with a similar name", manifest: pod({ containers: [container({ image: "example/grafana-agent:9.2.3" })] }) },
    { name: "patched containerd", manifest: node({ containerRuntimeVersion: "containerd://1.6.1", kernelVersion: "6.1.0" }) },
    { name: "other runtime", manifest: node({ containerRuntimeVersion: "cri-o://1.4.0", kernelVersion: "5.16.2" }) },
    { name: "kernel on a fixed stable branch", manifest: node({ kernelVersion: "5.10.93", operatingSystem: "linux" }) },
    { name: "kernel before 5.1", manifest: node({ kernelVersion: "4.19.0" }) },
    { name: "distribution kernels with their own build numbers", manifest: node({ kernelVersion: "5.4.0-91-generic" }) },
    { name: "Amazon Linux kernel build", manifest: node({ kernelVersion: "5.10.75-79.358.amzn2.x86_64" }) },
    { name: "Windows node", manifest: node({ kernelVersion: "10.0.17763.2300", operatingSystem: "windows" }) },
    { name: "Node without status", manifest: { apiVersion: "v1", kind: "Node", metadata: { name: "n" } } },
    { name: "nodeInfo of the wrong type", manifest: { apiVersion: "v1", kind: "Node", metadata: { name: "n" }, status: { nodeInfo: ["x"] } } },
  ],
  invalid: [
    {
      name: "Argo CD 2.2.3",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: server\n      image: quay.io/argoproj/argocd:v2.2.3\n",
      errors: [{ messageId: "image", path: "spec.containers[0].image", container: "server", line: 8 }],
    },
    {
      name: "Grafana, Kyverno and ingress-nginx in init, regular and ephemeral containers",
      manifest: deployment({
        initContainers: [container({ image: "grafana/grafana:9.2.3-ubuntu" }, "init")],
        containers: [container({ image: "ghcr.io/kyverno/kyverno:v1.8.4" })],
        ephemeralContainers: [container({ image: "registry.k8s.io/ingress-nginx/controller:v1.12.0@sha256:" + "2".repeat(64) }, "debug")],
      }),
      errors: [
        { messageId: "image", path: "spec.template.spec.initContainers[0].image", container: "init" },
        { messageId: "image", path: "spec.template.spec.containers[0].image", container: "app" },
        { messageId: "image", path: "spec.template.spec.ephemeralContainers[0].image", container: "debug" },
      ],
    },
    {
      name: "old Argo CD 1.x in a CronJob",
      manifest: cronJob({ containers: [container({ image: "argoproj/argocd:v1.8.7" })] }),
      errors: [{ messageId: "image", path: "spec.jobTemplate.spec.template.spec.containers[0].image", container: "app" }],
    },
    {
      name: "vulnerable containerd and kernel",
      manifest: node({ containerRuntimeVersion: "containerd://1.5.9", kernelVersion: "5.15.5+", operatingSystem: "linux" }),
      errors: [
        { messageId: "containerd", path: "status.nodeInfo.containerRuntimeVersion", object: "Node/n1" },
        { messageId: "kernel", path: "status.nodeInfo.kernelVersion", object: "Node/n1" },
      ],
    },
    {
      name: "containerd 1.4.12 is affected",
      manifest: node({ containerRuntimeVersion: "containerd://1.4.12-1" }),
      errors: [{ messageId: "containerd", path: "status.nodeInfo.containerRuntimeVersion" }],
    },
  ],
});
