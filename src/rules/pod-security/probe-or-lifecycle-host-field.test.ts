import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./probe-or-lifecycle-host-field.js";

const http = (host?: string) => ({ httpGet: { path: "/healthz", port: 8080, ...(host === undefined ? {} : { host }) } });
const tcp = (host?: string) => ({ tcpSocket: { port: 8080, ...(host === undefined ? {} : { host }) } });

ruleTester(rule, {
  valid: [
    { name: "probes without host", manifest: pod({ containers: [container({ livenessProbe: http(), readinessProbe: tcp(), startupProbe: http() })] }) },
    { name: "empty host", manifest: pod({ containers: [container({ livenessProbe: http(""), lifecycle: { preStop: tcp("") } })] }) },
    { name: "exec probe", manifest: pod({ containers: [container({ livenessProbe: { exec: { command: ["true"] } } })] }) },
    { name: "Host header is fine", manifest: pod({ containers: [container({ livenessProbe: { httpGet: { port: 80, httpHeaders: [{ name: "Host", value: "example.com" }] } } })] }) },
    { name: "not checked before 1.34", manifest: pod({ containers: [container({ livenessProbe: http("10.0.0.1") })] }), kubeVersion: "1.33" },
  ],
  invalid: [
    {
      name: "liveness httpGet host, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    livenessProbe:\n      httpGet:\n        host: 127.0.0.1\n        port: 8080\n",
      errors: [{ messageId: "probeHost", path: "spec.containers[0].livenessProbe.httpGet.host", container: "a", line: 11, column: 15 }],
    },
    {
      name: "every probe and hook, httpGet and tcpSocket",
      manifest: pod({
        containers: [
          container({
            livenessProbe: tcp("a"),
            readinessProbe: http("b"),
            startupProbe: { httpGet: { port: 1, host: "c" }, tcpSocket: { port: 1, host: "d" } },
            lifecycle: { postStart: http("e"), preStop: tcp("f") },
          }),
        ],
      }),
      errors: [
        { messageId: "probeHost", path: "spec.containers[0].livenessProbe.tcpSocket.host", container: "app" },
        { messageId: "probeHost", path: "spec.containers[0].readinessProbe.httpGet.host", container: "app" },
        { messageId: "probeHost", path: "spec.containers[0].startupProbe.httpGet.host", container: "app" },
        { messageId: "probeHost", path: "spec.containers[0].startupProbe.tcpSocket.host", container: "app" },
        { messageId: "hookHost", path: "spec.containers[0].lifecycle.postStart.httpGet.host", container: "app" },
        { messageId: "hookHost", path: "spec.containers[0].lifecycle.preStop.tcpSocket.host", container: "app" },
      ],
    },
    {
      name: "init and ephemeral containers",
      manifest: pod({
        initContainers: [container({ startupProbe: http("metadata.google.internal") }, "init")],
        containers: [container()],
        ephemeralContainers: [container({ lifecycle: { preStop: http("10.0.0.1") } }, "debug")],
      }),
      errors: [
        { messageId: "probeHost", path: "spec.initContainers[0].startupProbe.httpGet.host", container: "init" },
        { messageId: "hookHost", path: "spec.ephemeralContainers[0].lifecycle.preStop.httpGet.host", container: "debug" },
      ],
    },
    {
      name: "checked from 1.34",
      manifest: pod({ containers: [container({ readinessProbe: tcp("db") })] }),
      kubeVersion: "1.34",
      errors: [{ messageId: "probeHost", path: "spec.containers[0].readinessProbe.tcpSocket.host", container: "app" }],
    },
    {
      name: "Deployment",
      manifest: deployment({ containers: [container({ livenessProbe: http("169.254.169.254") })] }),
      errors: [{ messageId: "probeHost", path: "spec.template.spec.containers[0].livenessProbe.httpGet.host", container: "app" }],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [container({ lifecycle: { postStart: http("internal") } })] }),
      errors: [{ messageId: "hookHost", path: "spec.jobTemplate.spec.template.spec.containers[0].lifecycle.postStart.httpGet.host", container: "app" }],
    },
  ],
});
