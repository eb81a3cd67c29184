import { container, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./probe-port-not-exposed.js";

const http = { name: "http", containerPort: 8080 };

ruleTester(rule, {
  valid: [
    { name: "named port declared", manifest: pod({ containers: [container({ ports: [http], livenessProbe: { httpGet: { path: "/", port: "http" } } })] }) },
    { name: "numeric port declared", manifest: pod({ containers: [container({ ports: [http], readinessProbe: { tcpSocket: { port: 8080 } } })] }) },
    { name: "numeric string port declared", manifest: pod({ containers: [container({ ports: [http], readinessProbe: { httpGet: { port: "8080" } } })] }) },
    { name: "number with no ports declared at all", manifest: pod({ containers: [container({ livenessProbe: { httpGet: { port: 9090 } } })] }) },
    { name: "grpc port declared", manifest: pod({ containers: [container({ ports: [http], startupProbe: { grpc: { port: 8080 } } })] }) },
    { name: "exec probe", manifest: pod({ containers: [container({ livenessProbe: { exec: { command: ["true"] } } })] }) },
    { name: "probe of another host", manifest: pod({ containers: [container({ ports: [http], livenessProbe: { httpGet: { host: "10.0.0.1", port: "admin" } } })] }) },
    { name: "port declared with a TCP and a UDP entry", manifest: pod({ containers: [container({ ports: [{ name: "dns", containerPort: 53, protocol: "UDP" }, { name: "dns-tcp", containerPort: 53 }], livenessProbe: { tcpSocket: { port: 53 } } })] }) },
    {
      name: "a number the container does not declare still works",
      manifest: deployment({ containers: [container({ ports: [{ name: "http", containerPort: 80 }], readinessProbe: { httpGet: { port: 10254 } }, livenessProbe: { grpc: { port: 9090 } } })] }),
    },
    { name: "a numeric string is a number", manifest: pod({ containers: [container({ ports: [http], livenessProbe: { tcpSocket: { port: "9999" } } })] }) },
    { name: "port of the wrong type", manifest: pod({ containers: [container({ ports: [http], livenessProbe: { httpGet: { port: ["http"] } } })] }) },
  ],
  invalid: [
    {
      name: "unknown port name",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x\n      livenessProbe:\n        httpGet:\n          port: http\n",
      errors: [{ messageId: "unknownName", path: "spec.containers[0].livenessProbe.httpGet.port", container: "app", line: 11 }],
    },
    {
      name: "named port declared for UDP",
      manifest: pod({ containers: [container({ ports: [{ name: "udp", containerPort: 9999, protocol: "UDP" }], livenessProbe: { tcpSocket: { port: "udp" } } })] }),
      errors: [{ messageId: "notTcp", path: "spec.containers[0].livenessProbe.tcpSocket.port" }],
    },
    {
      name: "name of a port of another container",
      manifest: pod({ containers: [container({ ports: [http] }, "web"), container({ livenessProbe: { httpGet: { port: "http" } } }, "sidecar")] }),
      errors: [{ messageId: "unknownName", path: "spec.containers[1].livenessProbe.httpGet.port", container: "sidecar" }],
    },
    {
      name: "sidecar init container probe",
      manifest: pod({ initContainers: [container({ restartPolicy: "Always", readinessProbe: { httpGet: { port: "metrics" } } }, "proxy")], containers: [container()] }),
      errors: [{ messageId: "unknownName", path: "spec.initContainers[0].readinessProbe.httpGet.port", container: "proxy" }],
    },
  ],
});
