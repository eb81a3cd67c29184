import { container, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./tiller-deployed.js";

const svc = (name: string, spec: object, labels?: object): object => ({ apiVersion: "v1", kind: "Service", metadata: { name, ...(labels ? { labels } : {}) }, spec });

ruleTester(rule, {
  valid: [
    { name: "an ordinary app", manifest: deployment({ containers: [container()] }) },
    { name: "an image whose name merely contains tiller", manifest: pod({ containers: [container({ image: "registry.example/distiller:1" })] }) },
    { name: "only one of Tiller's labels", manifest: deployment({ containers: [container()] }, { labels: { app: "helm" } }) },
    { name: "an ordinary Service", manifest: svc("web", { selector: { app: "web" } }) },
    { name: "a Service with app=helm only", manifest: svc("chartmuseum", { selector: { app: "helm", name: "chartmuseum" } }) },
  ],
  invalid: [
    {
      name: "the Tiller Deployment",
      manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: tiller-deploy\nspec:\n  template:\n    spec:\n      containers:\n        - name: tiller\n          image: gcr.io/kubernetes-helm/tiller:v2.16.1\n",
      errors: [{ messageId: "image", path: "spec.template.spec.containers[0].image", container: "tiller", line: 10 }],
    },
    {
      name: "Tiller's labels with a mirrored image",
      manifest: deployment({ containers: [container({ image: "registry.example/helm-server:2" })] }, { labels: { app: "helm", name: "tiller" } }),
      errors: [{ messageId: "labels", path: "spec.template.metadata.labels", object: "Deployment/d" }],
    },
    {
      name: "the tiller-deploy Service",
      manifest: svc("tiller-deploy", { ports: [{ port: 44134 }] }),
      errors: [{ messageId: "service", path: "metadata.name" }],
    },
    {
      name: "a Service selecting Tiller",
      manifest: svc("helm", { selector: { app: "helm", name: "tiller" } }),
      errors: [{ messageId: "service", path: "spec.selector", object: "Service/helm" }],
    },
    {
      name: "a Service labelled as Tiller",
      manifest: svc("helm", {}, { app: "helm", name: "tiller" }),
      errors: [{ messageId: "service", path: "metadata.labels" }],
    },
  ],
});
