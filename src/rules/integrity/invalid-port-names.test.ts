import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./invalid-port-names.js";

const ports = (...p: object[]) => container({ ports: p });
const svc = (spec: object): object => ({ apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec });

ruleTester(rule, {
  valid: [
    { name: "valid container port names", manifest: pod({ containers: [ports({ name: "http", containerPort: 80 }, { name: "n-3456789012345", containerPort: 81 }, { containerPort: 82 })] }) },
    { name: "the same name in different pods", manifest: [pod({ containers: [ports({ name: "http", containerPort: 80 })] }), deployment({ containers: [ports({ name: "http", containerPort: 80 })] })] },
    { name: "a single unnamed Service port with numeric targetPort", manifest: svc({ ports: [{ port: 80, targetPort: 8080 }] }) },
    {
      name: "a named targetPort declared by the selected pods",
      manifest: [deployment({ containers: [ports({ name: "http", containerPort: 8080 })] }), svc({ selector: { app: "d" }, ports: [{ name: "web", port: 80, targetPort: "http" }, { name: "dns", port: 53, targetPort: 53, protocol: "UDP" }] })],
    },
    { name: "a named targetPort of a Service that selects nothing here is not judged", manifest: svc({ selector: { app: "elsewhere" }, ports: [{ port: 80, targetPort: "http" }] }) },
    { name: "targetPort 0 means the same as port", manifest: svc({ ports: [{ port: 80, targetPort: 0 }] }) },
    { name: "wrong types", manifest: [pod({ containers: [container({ ports: "80" })] }), svc({ ports: "80" })] },
  ],
  invalid: [
    {
      name: "kube-linter's invalid target ports",
      manifest:
        "apiVersion: v1\nkind: Service\nmetadata:\n  namespace: test\n  name: invalid-target-ports\nspec:\n  ports:\n    - targetPort: 1234\n    - targetPort: 'n-3456789012345'\n    - targetPort: 123456\n    - targetPort: 'n234567890123456'\n",
      errors: [
        { messageId: "servicePortNameMissing", path: "spec.ports[0].name" },
        { messageId: "servicePortNameMissing", path: "spec.ports[1].name" },
        { messageId: "servicePortNameMissing", path: "spec.ports[2].name" },
        { messageId: "targetPortRange", path: "spec.ports[2].targetPort", line: 10 },
        { messageId: "servicePortNameMissing", path: "spec.ports[3].name" },
        { messageId: "targetPortName", path: "spec.ports[3].targetPort", line: 11 },
      ],
    },
    {
      name: "invalid container port names, init container included",
      manifest: deployment({
        initContainers: [{ ...ports({ name: "Metrics", containerPort: 9090 }), name: "init" }],
        containers: [ports({ name: "n234567890123456", containerPort: 1235 }, { name: "123456", containerPort: 1236 }, { name: 8080, containerPort: 8080 }, { name: "a--b", containerPort: 1 })],
      }),
      errors: [
        { messageId: "containerPortName", path: "spec.template.spec.initContainers[0].ports[0].name", container: "init" },
        { messageId: "containerPortName", path: "spec.template.spec.containers[0].ports[0].name", container: "app" },
        { messageId: "containerPortName", path: "spec.template.spec.containers[0].ports[1].name", container: "app" },
        { messageId: "containerPortName", path: "spec.template.spec.containers[0].ports[2].name", container: "app" },
        { messageId: "containerPortName", path: "spec.template.spec.containers[0].ports[3].name", container: "app" },
      ],
    },
    {
      name: "a name used twice in a CronJob's pod",
      manifest: cronJob({ containers: [ports({ name: "http", containerPort: 80 }), { ...ports({ name: "http", containerPort: 81 }), name: "side" }] }),
      errors: [{ messageId: "duplicateName", path: "spec.jobTemplate.spec.template.spec.containers[1].ports[0].name", container: "side" }],
    },
    {
      name: "a Service port name that is not a DNS label, and a quoted number as targetPort",
      manifest: svc({ ports: [{ name: "HTTP_PORT", port: 80, targetPort: "8080" }] }),
      errors: [
        { messageId: "servicePortName", path: "spec.ports[0].name" },
        { messageId: "targetPortName", path: "spec.ports[0].targetPort" },
      ],
    },
    {
      name: "a named targetPort no selected container declares (or only with another protocol)",
      manifest: [
        deployment({ containers: [ports({ name: "http", containerPort: 8080 }, { name: "dns", containerPort: 53, protocol: "UDP" })] }),
        svc({ selector: { app: "d" }, ports: [{ name: "web", port: 80, targetPort: "https" }, { name: "dns", port: 53, targetPort: "dns" }] }),
      ],
      errors: [
        { messageId: "targetPortUndefined", path: "spec.ports[0].targetPort", object: "Service/s" },
        { messageId: "targetPortUndefined", path: "spec.ports[1].targetPort", object: "Service/s" },
      ],
    },
  ],
});
