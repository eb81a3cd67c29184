import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./workload-externally-exposed.js";

const svc = (name: string, spec: object, metadata: object = {}): object => ({ apiVersion: "v1", kind: "Service", metadata: { name, ...metadata }, spec });
const d = deployment({ containers: [container()] }); // pods labelled app: d
const ingressTo = (service: string, metadata: object = {}): object => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "Ingress",
  metadata: { name: "i", ...metadata },
  spec: { rules: [{ host: "a.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: service, port: { number: 80 } } } }] } }] },
});

ruleTester(rule, {
  valid: [
    { name: "a ClusterIP Service only", manifest: [d, svc("d", { selector: { app: "d" } })] },
    { name: "a NodePort Service that selects other pods", manifest: [d, svc("x", { type: "NodePort", selector: { app: "x" } })] },
    { name: "a NodePort Service in another namespace", manifest: [d, svc("d", { type: "NodePort", selector: { app: "d" } }, { namespace: "other" })] },
    {
      name: "an internal load balancer",
      manifest: [d, svc("d", { type: "LoadBalancer", selector: { app: "d" } }, { annotations: { "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal" } })],
    },
    { name: "an Ingress to a Service that selects nothing here", manifest: [d, svc("other", { selector: { app: "other" } }), ingressTo("other")] },
    {
      name: "a mesh-only VirtualService",
      manifest: [d, svc("d", { selector: { app: "d" } }), { apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { name: "v" }, spec: { http: [{ route: [{ destination: { host: "d" } }] }] } }],
    },
    { name: "a Service is not a workload", manifest: svc("d", { type: "NodePort", selector: { app: "d" } }) },
  ],
  invalid: [
    {
      name: "a NodePort Service selects the Deployment",
      manifest: [d, svc("d", { type: "NodePort", selector: { app: "d" } })],
      errors: [{ messageId: "exposed", path: "spec.template.metadata.labels", object: "Deployment/d" }],
    },
    {
      name: "an Ingress to a ClusterIP Service, and a LoadBalancer",
      manifest: [d, svc("d", { selector: { app: "d" } }), ingressTo("d"), svc("lb", { type: "LoadBalancer", selector: { app: "d" } })],
      errors: [{ messageId: "exposed", path: "spec.template.metadata.labels" }],
    },
    {
      name: "an HTTPRoute from another namespace",
      manifest: [
        pod({ containers: [container()] }, { namespace: "apps", labels: { app: "web" } }),
        svc("web", { selector: { app: "web" } }, { namespace: "apps" }),
        {
          apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: "r", namespace: "edge" },
          spec: { parentRefs: [{ name: "gw" }], rules: [{ backendRefs: [{ name: "web", namespace: "apps", port: 80 }] }] },
        },
      ],
      errors: [{ messageId: "exposed", path: "metadata.labels", object: "Pod/p" }],
    },
    {
      name: "hostPort",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: x\n      ports:\n        - containerPort: 80\n          hostPort: 8080\n",
      errors: [{ messageId: "exposed", path: "spec.containers[0].ports[0].hostPort", line: 11 }],
    },
    {
      name: "hostNetwork in a CronJob",
      manifest: cronJob({ hostNetwork: true, containers: [container()] }),
      errors: [{ messageId: "exposed", path: "spec.jobTemplate.spec.template.spec.hostNetwork" }],
    },
  ],
});
