import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./kubernetes-dashboard-deployed.js";

ruleTester(rule, {
  valid: [
    { name: "an ordinary app", manifest: deployment({ containers: [container()] }) },
    { name: "the metrics scraper is not the Dashboard", manifest: deployment({ containers: [container({ image: "kubernetesui/metrics-scraper:v1.0.8" })] }, { labels: { "k8s-app": "dashboard-metrics-scraper" } }) },
    { name: "the v7 chart's Kong proxy", manifest: deployment({ containers: [container({ image: "kong:3.6" })] }, { labels: { "app.kubernetes.io/name": "kong" } }) },
    { name: "an image that merely contains the word", manifest: pod({ containers: [container({ image: "registry.example/my-dashboard:1" })] }) },
    { name: "image is not a string", manifest: pod({ containers: [container({ image: 42 })] }) },
  ],
  invalid: [
    {
      name: "kubernetesui/dashboard v2",
      manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: kubernetes-dashboard\nspec:\n  template:\n    spec:\n      containers:\n        - name: kubernetes-dashboard\n          image: kubernetesui/dashboard:v2.7.0\n",
      errors: [{ messageId: "image", path: "spec.template.spec.containers[0].image", container: "kubernetes-dashboard", line: 10 }],
    },
    {
      name: "the v7 API part from a mirror registry",
      manifest: deployment({ containers: [container({ image: "mirror.example:5000/kubernetesui/dashboard-api:1.8.0" }, "api")] }),
      errors: [{ messageId: "image", path: "spec.template.spec.containers[0].image", container: "api" }],
    },
    {
      name: "the v1 image by digest in an init container",
      manifest: pod({ initContainers: [container({ image: "k8s.gcr.io/kubernetes-dashboard-amd64@sha256:abc" }, "old")], containers: [container()] }),
      errors: [{ messageId: "image", path: "spec.initContainers[0].image", container: "old" }],
    },
    {
      name: "labelled as the Dashboard with a renamed image",
      manifest: deployment({ containers: [container({ image: "registry.example/ui:2.7" })] }, { labels: { "k8s-app": "kubernetes-dashboard" } }),
      errors: [{ messageId: "labels", path: "spec.template.metadata.labels.k8s-app", object: "Deployment/d" }],
    },
    {
      name: "CronJob (unusual, still the Dashboard)",
      manifest: cronJob({ containers: [container({ image: "docker.io/kubernetesui/dashboard:v2.0.0" })] }),
      errors: [{ messageId: "image", path: "spec.jobTemplate.spec.template.spec.containers[0].image", container: "app" }],
    },
  ],
});
