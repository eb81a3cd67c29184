import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./host-network.js";

const yamlPod = (value: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: ${value}\n  containers:\n  - name: a\n    image: x\n`;

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "unset", manifest: pod({ containers: [container()] }) },
    { name: "false", manifest: pod({ hostNetwork: false, containers: [container()] }) },
    { name: "YAML 1.1 off is false", manifest: yamlPod("off") },
    { name: "quoted \"false\" (wrong type)", manifest: pod({ hostNetwork: "false", containers: [container()] }) },
    { name: "null", manifest: pod({ hostNetwork: null, containers: [container()] }) },
    { name: "a number (wrong type) is not true", manifest: pod({ hostNetwork: 1, containers: [container()] }) },
    { name: "set on a container is not the pod field", manifest: pod({ containers: [container({ hostNetwork: true })] }) },
    { name: "a Service is not a workload", manifest: { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { hostNetwork: true } } },
  ],
  invalid: [
    {
      name: "example insecure",
      manifest: rule.example!.insecure,
      errors: [{ messageId: "hostNetwork", path: "spec.hostNetwork", line: 6 }],
    },
    {
      name: "YAML 1.1 yes is true",
      manifest: yamlPod("yes"),
      errors: [{ messageId: "hostNetwork", path: "spec.hostNetwork", line: 5, column: 16 }],
    },
    {
      name: "quoted \"true\" is reported",
      manifest: pod({ hostNetwork: "true", containers: [container()] }),
      errors: [{ messageId: "hostNetwork", path: "spec.hostNetwork" }],
    },
    {
      name: "Deployment",
      manifest: deployment({ hostNetwork: true, containers: [container()] }),
      errors: [{ messageId: "hostNetwork", path: "spec.template.spec.hostNetwork" }],
    },
    {
      name: "CronJob",
      manifest: cronJob({ hostNetwork: true, containers: [container()] }),
      errors: [{ messageId: "hostNetwork", path: "spec.jobTemplate.spec.template.spec.hostNetwork" }],
    },
    {
      name: "Windows pods are not exempt",
      manifest: pod({ os: { name: "windows" }, hostNetwork: true, containers: [container()] }),
      errors: [{ messageId: "hostNetwork", path: "spec.hostNetwork" }],
    },
  ],
});
