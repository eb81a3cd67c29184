import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./node-affinity-missing.js";

ruleTester(rule, {
  valid: [
    { name: "nodeSelector", manifest: pod({ nodeSelector: { pool: "web" }, containers: [container()] }) },
    {
      name: "required node affinity",
      manifest: deployment({
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "pool", operator: "In", values: ["web"] }] }] } } },
        containers: [container()],
      }),
    },
    {
      name: "preferred node affinity",
      manifest: deployment({
        affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: "pool", operator: "In", values: ["web"] }] } }] } },
        containers: [container()],
      }),
    },
    { name: "DaemonSet", manifest: { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "ds" }, spec: { template: { spec: { containers: [container()] } } } } },
    { name: "Helm test hook", manifest: pod({ containers: [container()] }, { annotations: { "helm.sh/hook": "test" } }) },
  ],
  invalid: [
    {
      name: "nothing",
      manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: x\n",
      errors: [{ messageId: "missing", path: "spec.template.spec.affinity.nodeAffinity", line: 8 }],
    },
    { name: "empty nodeSelector", manifest: pod({ nodeSelector: {}, containers: [container()] }), errors: [{ messageId: "missing", path: "spec.affinity.nodeAffinity" }] },
    {
      name: "empty node affinity, in a CronJob",
      manifest: cronJob({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } }, containers: [container()] }),
      errors: [{ messageId: "missing", path: "spec.jobTemplate.spec.template.spec.affinity.nodeAffinity" }],
    },
    { name: "nodeSelector of the wrong type", manifest: pod({ nodeSelector: "web", containers: [container()] }), errors: [{ messageId: "missing", path: "spec.affinity.nodeAffinity" }] },
  ],
});
