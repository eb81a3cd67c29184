import { container, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./probes-identical.js";

const get = (path: string, extra: Record<string, unknown> = {}) => ({ httpGet: { path, port: 8080 }, ...extra });

ruleTester(rule, {
  valid: [
    { name: "different endpoints", manifest: pod({ containers: [container({ livenessProbe: get("/livez"), readinessProbe: get("/readyz") })] }) },
    { name: "same endpoint, liveness more patient", manifest: pod({ containers: [container({ livenessProbe: get("/h", { failureThreshold: 6 }), readinessProbe: get("/h") })] }) },
    { name: "same endpoint, different period", manifest: pod({ containers: [container({ livenessProbe: get("/h", { periodSeconds: 20 }), readinessProbe: get("/h") })] }) },
    { name: "only one probe", manifest: pod({ containers: [container({ livenessProbe: get("/h") })] }) },
    { name: "different kinds of check", manifest: pod({ containers: [container({ livenessProbe: { tcpSocket: { port: 8080 } }, readinessProbe: get("/h") })] }) },
    { name: "probes without a recognisable check", manifest: pod({ containers: [container({ livenessProbe: { periodSeconds: 5 }, readinessProbe: { periodSeconds: 5 } })] }) },
  ],
  invalid: [
    {
      name: "identical httpGet probes",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x\n      livenessProbe:\n        httpGet: {path: /h, port: 80}\n      readinessProbe:\n        httpGet: {path: /h, port: 80}\n",
      errors: [{ messageId: "identical", path: "spec.containers[0].livenessProbe", container: "app", line: 10 }],
    },
    {
      name: "identical once defaults apply",
      manifest: deployment({
        containers: [
          container({
            livenessProbe: { httpGet: { port: "8080", scheme: "HTTP", path: "/" }, periodSeconds: 10, initialDelaySeconds: 30 },
            readinessProbe: { httpGet: { port: 8080 }, failureThreshold: 3, timeoutSeconds: 1 },
          }),
        ],
      }),
      errors: [{ messageId: "identical", path: "spec.template.spec.containers[0].livenessProbe", container: "app" }],
    },
    {
      name: "identical exec probes on a sidecar",
      manifest: pod({
        initContainers: [container({ restartPolicy: "Always", livenessProbe: { exec: { command: ["check"] } }, readinessProbe: { exec: { command: ["check"] } } }, "proxy")],
        containers: [container()],
      }),
      errors: [{ messageId: "identical", path: "spec.initContainers[0].livenessProbe", container: "proxy" }],
    },
  ],
});
