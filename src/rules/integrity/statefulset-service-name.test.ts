import { container } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./statefulset-service-name.js";

const sts = (spec: object, metadata: object = {}): object => ({
  apiVersion: "apps/v1",
  kind: "StatefulSet",
  metadata: { name: "db", ...metadata },
  spec: { selector: { matchLabels: { app: "db" } }, template: { metadata: { labels: { app: "db" } }, spec: { containers: [container()] } }, ...spec },
});
const svc = (spec: object, metadata: object = {}): object => ({ apiVersion: "v1", kind: "Service", metadata: { name: "db", ...metadata }, spec });

ruleTester(rule, {
  valid: [
    { name: "a headless Service selecting the pods", manifest: [sts({ serviceName: "db" }), svc({ clusterIP: "None", selector: { app: "db" } })] },
    { name: "a headless Service without selector", manifest: [sts({ serviceName: "db" }), svc({ clusterIP: "None" })] },
    { name: "in a namespace", manifest: [sts({ serviceName: "db" }, { namespace: "x" }), svc({ clusterIP: "None", selector: { app: "db" } }, { namespace: "x" })] },
    { name: "a custom resource named StatefulSet", manifest: { apiVersion: "example.com/v1", kind: "StatefulSet", metadata: { name: "s" }, spec: {} } },
  ],
  invalid: [
    {
      name: "no serviceName",
      manifest: "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers: []\n",
      errors: [{ messageId: "missing", path: "spec.serviceName", line: 6 }],
    },
    { name: "an empty serviceName", manifest: sts({ serviceName: "" }), errors: [{ messageId: "missing", path: "spec.serviceName" }] },
    { name: "the Service is not in the scan", manifest: sts({ serviceName: "db" }), errors: [{ messageId: "notFound", path: "spec.serviceName" }] },
    {
      name: "the Service is in another namespace",
      manifest: [sts({ serviceName: "db" }), svc({ clusterIP: "None", selector: { app: "db" } }, { namespace: "other" })],
      errors: [{ messageId: "notFound", path: "spec.serviceName", object: "StatefulSet/db" }],
    },
    { name: "a ClusterIP Service", manifest: [sts({ serviceName: "db" }), svc({ selector: { app: "db" } })], errors: [{ messageId: "notHeadless", path: "spec.serviceName" }] },
    {
      name: "a headless Service selecting other pods",
      manifest: [sts({ serviceName: "db" }), svc({ clusterIP: "None", selector: { app: "database" } })],
      errors: [{ messageId: "notSelecting", path: "spec.serviceName" }],
    },
  ],
});
