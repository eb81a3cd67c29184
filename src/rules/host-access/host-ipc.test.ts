import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./host-ipc.js";

const yamlPod = (value: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostIPC: ${value}\n  containers:\n  - name: a\n    image: x\n`;

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "unset", manifest: pod({ containers: [container()] }) },
    { name: "false", manifest: pod({ hostIPC: false, containers: [container()] }) },
    { name: "YAML 1.1 off is false", manifest: yamlPod("off") },
    { name: "quoted \"false\" (wrong type)", manifest: pod({ hostIPC: "false", containers: [container()] }) },
    { name: "null", manifest: pod({ hostIPC: null, containers: [container()] }) },
    { name: "a number (wrong type) is not true", manifest: pod({ hostIPC: 1, containers: [container()] }) },
    { name: "set on a container is not the pod field", manifest: pod({ containers: [container({ hostIPC: true })] }) },
    { name: "a Service is not a workload", manifest: { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { hostIPC: true } } },
  ],
  invalid: [
    {
      name: "example insecure",
      manifest: rule.example!.insecure,
      errors: [{ messageId: "hostIPC", path: "spec.hostIPC", line: 6 }],
    },
    {
      name: "YAML 1.1 yes is true",
      manifest: yamlPod("yes"),
      errors: [{ messageId: "hostIPC", path: "spec.hostIPC", line: 5, column: 12 }],
    },
    {
      name: "quoted \"true\" is reported",
      manifest: pod({ hostIPC: "true", containers: [container()] }),
      errors: [{ messageId: "hostIPC", path: "spec.hostIPC" }],
    },
    {
      name: "Deployment",
      manifest: deployment({ hostIPC: true, containers: [container()] }),
      errors: [{ messageId: "hostIPC", path: "spec.template.spec.hostIPC" }],
    },
    {
      name: "CronJob",
      manifest: cronJob({ hostIPC: true, containers: [container()] }),
      errors: [{ messageId: "hostIPC", path: "spec.jobTemplate.spec.template.spec.hostIPC" }],
    },
    {
      name: "Windows pods are not exempt",
      manifest: pod({ os: { name: "windows" }, hostIPC: true, containers: [container()] }),
      errors: [{ messageId: "hostIPC", path: "spec.hostIPC" }],
    },
  ],
});
