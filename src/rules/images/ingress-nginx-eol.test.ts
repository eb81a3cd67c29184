import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./ingress-nginx-eol.js";

ruleTester(rule, {
  valid: [
    { name: "F5 NGINX Ingress Controller", manifest: deployment({ containers: [container({ image: "nginx/nginx-ingress:3.7.0" })] }) },
    { name: "the certgen job image", manifest: cronJob({ containers: [container({ image: "registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.4" })] }) },
    { name: "plain nginx", manifest: pod({ containers: [container({ image: "nginx:1.27" })] }) },
    { name: "templated repository", manifest: pod({ containers: [container({ image: "{{ .Values.controller.image }}" })] }) },
    { name: "no containers", manifest: pod({}) },
  ],
  invalid: [
    {
      name: "registry.k8s.io controller with digest",
      manifest: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ingress-nginx-controller
spec:
  template:
    spec:
      containers:
        - name: controller
          image: registry.k8s.io/ingress-nginx/controller:v1.13.0@sha256:${"f".repeat(64)}
`,
      errors: [{ messageId: "eol", path: "spec.template.spec.containers[0].image", container: "controller", line: 10 }],
    },
    {
      name: "old quay image, chroot variant, Bitnami repackaging, mirrored path",
      manifest: pod({
        initContainers: [container({ image: "quay.io/kubernetes-ingress-controller/nginx-ingress-controller:0.26.1" }, "old")],
        containers: [container({ image: "k8s.gcr.io/ingress-nginx/controller-chroot:v1.5.1" }), container({ image: "bitnami/nginx-ingress-controller:1.11.3" }, "b")],
        ephemeralContainers: [container({ image: "myregistry.azurecr.io/ingress-nginx/controller:${TAG}" }, "m")],
      }),
      errors: [
        { messageId: "eol", path: "spec.initContainers[0].image", container: "old" },
        { messageId: "eol", path: "spec.containers[0].image", container: "app" },
        { messageId: "eol", path: "spec.containers[1].image", container: "b" },
        { messageId: "eol", path: "spec.ephemeralContainers[0].image", container: "m" },
      ],
    },
  ],
});
