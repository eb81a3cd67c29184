import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./dangling-service.js";

const svc = (spec: object, metadata: object = {}): object => ({ apiVersion: "v1", kind: "Service", metadata: { name: "s", ...metadata }, spec });

ruleTester(rule, {
  valid: [
    { name: "selects a Deployment's pods", manifest: [deployment({ containers: [container()] }), svc({ selector: { app: "d" } })] },
    { name: "selects a Pod with more labels", manifest: [pod({ containers: [container()] }, { labels: { app: "web", tier: "front" } }), svc({ selector: { app: "web" } })] },
    {
      name: "selects a CronJob's pods",
      manifest: [{ ...(cronJob({ containers: [container()] }) as object), spec: { schedule: "@daily", jobTemplate: { spec: { template: { metadata: { labels: { job: "x" } }, spec: { containers: [container()] } } } } } }, svc({ selector: { job: "x" } })],
    },
    {
      name: "a Deployment whose template has labels but no spec yet",
      manifest: [{ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { template: { metadata: { labels: { app: "d" } } } } }, svc({ selector: { app: "d" } })],
    },
    {
      name: "a per-pod Service of a StatefulSet (statefulset.kubernetes.io/pod-name is added by the controller)",
      manifest: [
        { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "redis-ha-server" }, spec: { serviceName: "r", template: { metadata: { labels: { app: "redis-ha" } }, spec: { containers: [container()] } } } },
        svc({ selector: { app: "redis-ha", "statefulset.kubernetes.io/pod-name": "redis-ha-server-0" } }),
      ],
    },
    {
      name: "selects the pods the Prometheus Operator creates for a Prometheus resource",
      manifest: [{ apiVersion: "monitoring.coreos.com/v1", kind: "Prometheus", metadata: { name: "main" }, spec: { replicas: 2 } }, svc({ selector: { prometheus: "main" } })],
    },
    { name: "no selector: endpoints are managed elsewhere", manifest: svc({ ports: [{ port: 80 }] }) },
    { name: "an empty selector is no selector", manifest: svc({ selector: {} }) },
    { name: "ExternalName ignores its selector", manifest: svc({ type: "ExternalName", externalName: "db.example.com", selector: { app: "db" } }) },
    { name: "selector of a wrong type", manifest: svc({ selector: "app=web" }) },
  ],
  invalid: [
    {
      name: "no pods at all",
      manifest: "apiVersion: v1\nkind: Service\nmetadata:\n  name: app1\nspec:\n  ports:\n    - port: 8080\n  selector:\n    app.kubernetes.io/name: app\n",
      errors: [{ messageId: "noPods", path: "spec.selector", line: 9 }],
    },
    {
      name: "a renamed label",
      manifest: [deployment({ containers: [container()] }), svc({ selector: { app: "d", tier: "web" } })],
      errors: [{ messageId: "noPods", path: "spec.selector", object: "Service/s" }],
    },
    {
      name: "the pod-name label of another StatefulSet",
      manifest: [
        { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "db" }, spec: { template: { metadata: { labels: { app: "db" } }, spec: { containers: [container()] } } } },
        svc({ selector: { app: "db", "statefulset.kubernetes.io/pod-name": "cache-0" } }),
      ],
      errors: [{ messageId: "noPods", path: "spec.selector" }],
    },
    {
      name: "matching pods live in another namespace",
      manifest: [deployment({ containers: [container()] }), svc({ selector: { app: "d" } }, { namespace: "other" })],
      errors: [{ messageId: "noPods", path: "spec.selector" }],
    },
  ],
});
