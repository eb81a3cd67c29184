import { container } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./pvc-template-hygiene.js";

function sts(templates: unknown): Record<string, unknown> {
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name: "db" },
    spec: { serviceName: "db", selector: { matchLabels: { app: "db" } }, template: { metadata: { labels: { app: "db" } }, spec: { containers: [container()] } }, volumeClaimTemplates: templates },
  };
}
const claim = (spec: unknown, name = "data"): Record<string, unknown> => ({ metadata: { name }, spec });

ruleTester(rule, {
  valid: [
    { name: "RWO with a size", manifest: sts([claim({ accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } })]) },
    { name: "RWOP with a size", manifest: sts([claim({ accessModes: ["ReadWriteOncePod"], resources: { requests: { storage: "1Gi" } } })]) },
    { name: "no templates", manifest: sts(undefined) },
    { name: "templates of the wrong type", manifest: sts("data") },
    { name: "a Deployment is not checked", manifest: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { volumeClaimTemplates: [claim({})] } } },
  ],
  invalid: [
    {
      name: "ReadWriteMany, with line",
      manifest:
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: x\n" +
        "  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: [ReadWriteMany]\n      resources:\n        requests:\n          storage: 1Gi\n",
      errors: [{ messageId: "sharedAccessMode", path: "spec.volumeClaimTemplates[0].spec.accessModes[0]", line: 15 }],
    },
    {
      name: "no storage request",
      manifest: sts([claim({ accessModes: ["ReadWriteOnce"], resources: { limits: { storage: "1Gi" } } })]),
      errors: [{ messageId: "noStorageRequest", path: "spec.volumeClaimTemplates[0].spec.resources.requests.storage" }],
    },
    {
      name: "both problems in the second template; ReadOnlyMany is shared too",
      manifest: sts([claim({ accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } }), claim({ accessModes: ["ReadWriteOnce", "ReadOnlyMany"] }, "logs")]),
      errors: [
        { messageId: "noStorageRequest", path: "spec.volumeClaimTemplates[1].spec.resources.requests.storage" },
        { messageId: "sharedAccessMode", path: "spec.volumeClaimTemplates[1].spec.accessModes[1]" },
      ],
    },
    {
      name: "a template without a spec",
      manifest: sts([{ metadata: { name: "x" } }]),
      errors: [{ messageId: "noStorageRequest", path: "spec.volumeClaimTemplates[0].spec.resources.requests.storage" }],
    },
  ],
});
