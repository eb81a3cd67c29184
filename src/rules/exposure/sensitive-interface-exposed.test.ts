import { container, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./sensitive-interface-exposed.js";

const svc = (name: string, spec: object, metadata: object = {}): object => ({ apiVersion: "v1", kind: "Service", metadata: { name, ...metadata }, spec });
const dashboard = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "ui" },
  spec: { template: { metadata: { labels: { "k8s-app": "kubernetes-dashboard" } }, spec: { containers: [{ name: "d", image: "kubernetesui/dashboard:v2.7.0" }] } } },
};
const notebook = pod({ containers: [container({ image: "quay.io/jupyter/base-notebook:2024-01-01" }, "nb")] }, { labels: { app: "nb" } });

ruleTester(rule, {
  valid: [
    { name: "a ClusterIP Service of a dashboard", manifest: [dashboard, svc("ui", { selector: { "k8s-app": "kubernetes-dashboard" } })] },
    { name: "an ordinary app behind a LoadBalancer", manifest: [deployment({ containers: [container()] }), svc("d", { type: "LoadBalancer", selector: { app: "d" } })] },
    {
      name: "an internal load balancer for Jenkins",
      manifest: svc("jenkins", { type: "LoadBalancer", selector: { app: "jenkins" } }, { annotations: { "networking.gke.io/load-balancer-type": "Internal" } }),
    },
    { name: "not configured", manifest: svc("jupyter", { type: "NodePort" }), params: { sensitiveInterfaces: [] } },
    { name: "a sensitive workload without exposure", manifest: notebook },
  ],
  invalid: [
    {
      name: "a NodePort Service named after the interface",
      manifest: "apiVersion: v1\nkind: Service\nmetadata:\n  name: jenkins\nspec:\n  type: NodePort\n  ports:\n    - port: 8080\n",
      errors: [{ messageId: "service", path: "spec.type", line: 6 }],
    },
    {
      name: "a LoadBalancer Service selecting a dashboard by its labels",
      manifest: [dashboard, svc("web", { type: "LoadBalancer", selector: { "k8s-app": "kubernetes-dashboard" } })],
      errors: [{ messageId: "service", path: "spec.type", object: "Service/web" }],
    },
    {
      name: "an Ingress to a Service whose pods run a Jupyter image",
      manifest: [
        notebook,
        svc("web", { selector: { app: "nb" } }),
        { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "i" }, spec: { defaultBackend: { service: { name: "web", port: { number: 80 } } } } },
      ],
      errors: [{ messageId: "service", path: "metadata.name", object: "Service/web" }],
    },
    {
      name: "externalIPs on an MLflow Service",
      manifest: svc("tracking", { externalIPs: ["203.0.113.5"], selector: { app: "x" } }, { labels: { "app.kubernetes.io/name": "mlflow" } }),
      errors: [{ messageId: "service", path: "spec.externalIPs" }],
    },
    {
      name: "a Ray head on a hostPort",
      manifest: deployment({ containers: [container({ image: "rayproject/ray:2.9", ports: [{ containerPort: 8265, hostPort: 8265 }] }, "ray-head")] }, { labels: { app: "ray-head" } }),
      errors: [{ messageId: "workload", path: "spec.template.spec.containers[0].ports[0].hostPort", object: "Deployment/d" }],
    },
  ],
});
