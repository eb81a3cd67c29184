import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./dangling-servicemonitor.js";

const svc = (name: string, labels: object, namespace?: string): object => ({
  apiVersion: "v1", kind: "Service", metadata: { name, labels, ...(namespace ? { namespace } : {}) }, spec: { ports: [{ port: 80 }] },
});
const sm = (spec: object, metadata: object = {}): object => ({ apiVersion: "monitoring.coreos.com/v1", kind: "ServiceMonitor", metadata: { name: "m", ...metadata }, spec });
const app = (v: string) => ({ matchLabels: { app: v } });

ruleTester(rule, {
  valid: [
    { name: "selects a Service of its namespace", manifest: [svc("web", { app: "web" }), sm({ selector: app("web") })] },
    { name: "matchNames lists the Service's namespace", manifest: [svc("web", { app: "web" }, "apps"), sm({ selector: app("web"), namespaceSelector: { matchNames: ["apps"] } }, { namespace: "monitoring" })] },
    { name: "any namespace", manifest: [svc("web", { app: "web" }, "apps"), sm({ selector: app("web"), namespaceSelector: { any: true } })] },
    { name: "no selector matches every Service of the namespaces", manifest: [svc("web", {}, "dontfire"), sm({ namespaceSelector: { matchNames: ["dontfire"] } })] },
    { name: "matchExpressions", manifest: [svc("web", { app: "web" }), sm({ selector: { matchExpressions: [{ key: "app", operator: "Exists" }] } })] },
  ],
  invalid: [
    {
      name: "labels that no Service has",
      manifest: "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: app1\nspec:\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: app\n",
      errors: [{ messageId: "noService", path: "spec.selector", line: 7 }],
    },
    {
      name: "the Service is in another namespace than the ServiceMonitor",
      manifest: [svc("web", { app: "web" }, "apps"), sm({ selector: app("web") })],
      errors: [{ messageId: "noService", path: "spec.selector", object: "ServiceMonitor/m" }],
    },
    {
      name: "matchNames points at a namespace without the Service",
      manifest: [svc("app1", {}, "test1"), sm({ namespaceSelector: { matchNames: ["test2"] } })],
      errors: [{ messageId: "noService", path: "spec" }],
    },
    {
      name: "the pod labels are not the Service labels",
      manifest: [{ apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { selector: { app: "web" } } }, sm({ selector: app("web") })],
      errors: [{ messageId: "noService", path: "spec.selector" }],
    },
  ],
});
