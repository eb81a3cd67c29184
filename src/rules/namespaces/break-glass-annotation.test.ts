import { container, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./break-glass-annotation.js";

ruleTester(rule, {
  valid: [
    { name: "no annotations", manifest: deployment({ containers: [container()] }) },
    { name: "other annotations", manifest: pod({ containers: [container()] }, { annotations: { "admission.stackrox.io/enforce": "true" } }) },
    { name: "a ConfigMap is not a workload", manifest: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", annotations: { "admission.stackrox.io/break-glass": "x" } } } },
    { name: "an empty list is not configured", manifest: pod({ containers: [container()] }, { annotations: { "admission.stackrox.io/break-glass": "x" } }), params: { annotations: [] } },
  ],
  invalid: [
    {
      name: "on the Deployment, with line",
      manifest:
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  annotations:\n    admission.stackrox.io/break-glass: jira-1\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: x\n",
      errors: [{ messageId: "breakGlass", path: "metadata.annotations[\"admission.stackrox.io/break-glass\"]", line: 6 }],
    },
    {
      name: "on the pod template, any value, any case",
      manifest: deployment({ containers: [container()] }, { annotations: { "Admission.StackRox.io/Break-Glass": "" } }),
      errors: [{ messageId: "breakGlass", path: "spec.template.metadata.annotations[\"Admission.StackRox.io/Break-Glass\"]" }],
    },
    {
      name: "a Pod's own annotation is reported once",
      manifest: pod({ containers: [container()] }, { annotations: { "admission.stackrox.io/break-glass": "true" } }),
      errors: [{ messageId: "breakGlass", path: "metadata.annotations[\"admission.stackrox.io/break-glass\"]" }],
    },
    {
      name: "a configured annotation",
      manifest: pod({ containers: [container()] }, { annotations: { "policy.example.com/bypass": "yes" } }),
      params: { annotations: ["policy.example.com/bypass"] },
      errors: [{ messageId: "breakGlass", path: "metadata.annotations[\"policy.example.com/bypass\"]" }],
    },
  ],
});
