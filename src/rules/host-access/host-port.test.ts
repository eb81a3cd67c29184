import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./host-port.js";

const ports = (list: unknown, name = "app") => container({ ports: list }, name);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "no ports", manifest: pod({ containers: [container()] }) },
    { name: "containerPort only", manifest: pod({ containers: [ports([{ containerPort: 80 }, { containerPort: 443, protocol: "TCP" }])] }) },
    { name: "hostPort 0 is unset", manifest: pod({ containers: [ports([{ containerPort: 80, hostPort: 0 }])] }) },
    { name: "hostPort \"0\" as a string", manifest: pod({ containers: [ports([{ containerPort: 80, hostPort: "0" }])] }) },
    { name: "hostPort null", manifest: pod({ containers: [ports([{ containerPort: 80, hostPort: null }])] }) },
    { name: "ports is a map (wrong type)", manifest: pod({ containers: [ports({ http: { hostPort: 80 } })] }) },
    { name: "port items that are not maps", manifest: pod({ containers: [ports([80, "8080:80"])] }) },
    { name: "allowed by the parameter", manifest: pod({ containers: [ports([{ containerPort: 9100, hostPort: 9100 }])] }), params: { allowedHostPorts: ["9100"] } },
    { name: "allowed by a range and by a number in the parameter", manifest: pod({ containers: [ports([{ hostPort: 8050 }, { hostPort: 53 }])] }), params: { allowedHostPorts: ["8000-8100", 53] } },
    { name: "a Service's ports are not hostPorts", manifest: { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { ports: [{ port: 80, hostPort: 80 }] } } },
  ],
  invalid: [
    {
      name: "example insecure",
      manifest: rule.example!.insecure,
      errors: [{ messageId: "hostPort", path: "spec.containers[0].ports[0].hostPort", container: "web", line: 11, column: 21 }],
    },
    {
      name: "one finding per hostPort",
      manifest: pod({ containers: [ports([{ containerPort: 80, hostPort: 80 }, { containerPort: 81 }, { containerPort: 443, hostPort: 443 }])] }),
      errors: [
        { messageId: "hostPort", path: "spec.containers[0].ports[0].hostPort", container: "app" },
        { messageId: "hostPort", path: "spec.containers[0].ports[2].hostPort", container: "app" },
      ],
    },
    {
      name: "empty allowedHostPorts (the default) allows no port",
      manifest: pod({ containers: [ports([{ hostPort: 9100 }])] }),
      params: { allowedHostPorts: [] },
      errors: [{ messageId: "hostPort", path: "spec.containers[0].ports[0].hostPort", container: "app" }],
    },
    {
      name: "a port outside the allowed ones",
      manifest: pod({ containers: [ports([{ hostPort: 8101 }, { hostPort: 8100 }])] }),
      params: { allowedHostPorts: ["8000-8100"] },
      errors: [{ messageId: "hostPort", path: "spec.containers[0].ports[0].hostPort", container: "app" }],
    },
    {
      name: "string and non-numeric hostPorts (wrong types) are reported",
      manifest: pod({ containers: [ports([{ hostPort: "8080" }, { hostPort: "{{ .Values.port }}" }, { hostPort: -1 }])] }),
      errors: [0, 1, 2].map((i) => ({ messageId: "hostPort", path: `spec.containers[0].ports[${i}].hostPort`, container: "app" })),
    },
    {
      name: "init and ephemeral containers of a Deployment",
      manifest: deployment({
        initContainers: [ports([{ hostPort: 1 }], "init")],
        containers: [container()],
        ephemeralContainers: [ports([{ hostPort: 2 }], "debug")],
      }),
      errors: [
        { messageId: "hostPort", path: "spec.template.spec.initContainers[0].ports[0].hostPort", container: "init" },
        { messageId: "hostPort", path: "spec.template.spec.ephemeralContainers[0].ports[0].hostPort", container: "debug" },
      ],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [ports([{ hostPort: 8080 }])] }),
      errors: [{ messageId: "hostPort", path: "spec.jobTemplate.spec.template.spec.containers[0].ports[0].hostPort", container: "app" }],
    },
    {
      name: "Windows pod",
      manifest: pod({ os: { name: "windows" }, containers: [ports([{ hostPort: 8080 }])] }),
      errors: [{ messageId: "hostPort", path: "spec.containers[0].ports[0].hostPort", container: "app" }],
    },
  ],
});
