import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./priority-class-missing.js";

ruleTester(rule, {
  valid: [
    { name: "set", manifest: pod({ priorityClassName: "high-priority", containers: [container()] }) },
    { name: "any class when no allow-list is configured", manifest: deployment({ priorityClassName: "whatever", containers: [container()] }) },
    {
      name: "allowed class, case-insensitive",
      manifest: pod({ priorityClassName: "System-Cluster-Critical", containers: [container()] }),
      params: { allowedPriorityClasses: ["system-cluster-critical"] },
    },
    { name: "Helm test hook", manifest: pod({ containers: [container()] }, { annotations: { "helm.sh/hook": "test" } }) },
    { name: "not a workload", manifest: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } } },
  ],
  invalid: [
    {
      name: "unset in a Pod",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x\n",
      errors: [{ messageId: "missing", path: "spec.priorityClassName", line: 6 }],
    },
    { name: "empty in a CronJob", manifest: cronJob({ priorityClassName: "", containers: [container()] }), errors: [{ messageId: "missing", path: "spec.jobTemplate.spec.template.spec.priorityClassName" }] },
    {
      name: "not in the configured allow-list",
      manifest: deployment({ priorityClassName: "fire", containers: [container()] }),
      params: { allowedPriorityClasses: ["system-cluster-critical", "business"] },
      errors: [{ messageId: "notAllowed", path: "spec.template.spec.priorityClassName" }],
    },
    {
      name: "allow-list entries are whole names, not substrings",
      manifest: deployment({ priorityClassName: "not-business", containers: [container()] }),
      params: { allowedPriorityClasses: ["business"] },
      errors: [{ messageId: "notAllowed", path: "spec.template.spec.priorityClassName" }],
    },
  ],
});
