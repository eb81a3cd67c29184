import { container, cronJob, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./deprecated-service-account-field.js";

ruleTester(rule, {
  valid: [
    { name: "serviceAccountName only", manifest: pod({ serviceAccountName: "web", containers: [container()] }) },
    { name: "empty serviceAccount", manifest: pod({ serviceAccount: "", containers: [container()] }) },
    { name: "wrong type", manifest: pod({ serviceAccount: ["web"], containers: [container()] }) },
  ],
  invalid: [
    {
      name: "serviceAccount alone (kube-linter)",
      manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      serviceAccount: default\n",
      errors: [{ messageId: "deprecated", path: "spec.template.spec.serviceAccount", line: 8 }],
    },
    {
      name: "both, equal",
      manifest: pod({ serviceAccountName: "web", serviceAccount: "web", containers: [container()] }),
      errors: [{ messageId: "redundant", path: "spec.serviceAccount" }],
    },
    {
      name: "both, different: serviceAccountName wins",
      manifest: cronJob({ serviceAccountName: "web", serviceAccount: "admin", containers: [container()] }),
      errors: [{ messageId: "ignored", path: "spec.jobTemplate.spec.template.spec.serviceAccount" }],
    },
  ],
});
