import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./host-pid.js";

const yamlPod = (value: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: ${value}\n  containers:\n  - name: a\n    image: x\n`;

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "unset", manifest: pod({ containers: [container()] }) },
    { name: "false", manifest: pod({ hostPID: false, containers: [container()] }) },
    { name: "YAML 1.1 off is false", manifest: yamlPod("off") },
    { name: "quoted \"false\" (wrong type)", manifest: pod({ hostPID: "false", containers: [container()] }) },
    { name: "null", manifest: pod({ hostPID: null, containers: [container()] }) },
    { name: "a number (wrong type) is not true", manifest: pod({ hostPID: 1, containers: [container()] }) },
    { name: "set on a container is not the pod field", manifest: pod({ containers: [container({ hostPID: true })] }) },
    { name: "a Service is not a workload", manifest: { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { hostPID: true } } },
  ],
  invalid: [
    {
      name: "example insecure",
      manifest: rule.example!.insecure,
      errors: [{ messageId: "hostPID", path: "spec.hostPID", line: 6 }],
    },
    {
      name: "YAML 1.1 yes is true",
      manifest: yamlPod("yes"),
      errors: [{ messageId: "hostPID", path: "spec.hostPID", line: 5, column: 12 }],
    },
    {
      name: "quoted \"true\" is reported",
      manifest: pod({ hostPID: "true", containers: [container()] }),
      errors: [{ messageId: "hostPID", path: "spec.hostPID" }],
    },
    {
      name: "Deployment",
      manifest: deployment({ hostPID: true, containers: [container()] }),
      errors: [{ messageId: "hostPID", path: "spec.template.spec.hostPID" }],
    },
    {
      name: "CronJob",
      manifest: cronJob({ hostPID: true, containers: [container()] }),
      errors: [{ messageId: "hostPID", path: "spec.jobTemplate.spec.template.spec.hostPID" }],
    },
    {
      name: "Windows pods are not exempt",
      manifest: pod({ os: { name: "windows" }, hostPID: true, containers: [container()] }),
      errors: [{ messageId: "hostPID", path: "spec.hostPID" }],
    },
  ],
});
