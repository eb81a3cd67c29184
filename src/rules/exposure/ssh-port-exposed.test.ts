import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./ssh-port-exposed.js";

const ports = (...p: unknown[]) => container({ ports: p });

ruleTester(rule, {
  valid: [
    { name: "no ports", manifest: pod({ containers: [container()] }) },
    { name: "port 8080", manifest: deployment({ containers: [ports({ containerPort: 8080 })] }) },
    { name: "UDP 22 is not SSH", manifest: pod({ containers: [ports({ containerPort: 22, protocol: "UDP" })] }) },
    { name: "2222 when sshPorts is only 22", manifest: pod({ containers: [ports({ containerPort: 2222 })] }), params: { sshPorts: [22] } },
    { name: "wrong types", manifest: pod({ containers: [container({ ports: 22 }), ports(null, { containerPort: "x" })] }) },
  ],
  invalid: [
    {
      name: "port 22 without protocol",
      manifest: "apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata:\n  name: app3\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          ports:\n            - containerPort: 22\n",
      errors: [{ messageId: "sshPort", path: "spec.template.spec.containers[0].ports[0].containerPort", container: "app", line: 11 }],
    },
    {
      name: "2222 in an init container and a port named ssh",
      manifest: deployment({
        initContainers: [{ ...ports({ containerPort: 2222, protocol: "TCP" }), name: "init" }],
        containers: [ports({ name: "ssh", containerPort: 2022 })],
      }),
      errors: [
        { messageId: "sshPort", path: "spec.template.spec.initContainers[0].ports[0].containerPort", container: "init" },
        { messageId: "sshPort", path: "spec.template.spec.containers[0].ports[0].name", container: "app" },
      ],
    },
    {
      name: "CronJob with a custom list",
      manifest: cronJob({ containers: [ports({ containerPort: 8022 })] }),
      params: { sshPorts: [8022] },
      errors: [{ messageId: "sshPort", path: "spec.jobTemplate.spec.template.spec.containers[0].ports[0].containerPort", container: "app" }],
    },
  ],
});
