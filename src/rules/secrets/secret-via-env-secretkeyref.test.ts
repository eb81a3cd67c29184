import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./secret-via-env-secretkeyref.js";

const ref = (name: string, key: string) => ({ secretKeyRef: { name, key } });

ruleTester(rule, {
  valid: [
    { name: "literal and ConfigMap values", manifest: pod({ containers: [container({ env: [{ name: "A", value: "1" }, { name: "B", valueFrom: { configMapKeyRef: { name: "c", key: "k" } } }], envFrom: [{ configMapRef: { name: "c" } }] })] }) },
    { name: "fieldRef", manifest: pod({ containers: [container({ env: [{ name: "NODE", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } }] })] }) },
    { name: "Secret mounted as a volume", manifest: pod({ containers: [container({ volumeMounts: [{ name: "s", mountPath: "/s" }] })], volumes: [{ name: "s", secret: { secretName: "s" } }] }) },
    { name: "env of the wrong type", manifest: pod({ containers: [container({ env: { name: "A" }, envFrom: "secretRef" }), container({ env: [null, { valueFrom: "x" }, { valueFrom: { secretKeyRef: "s" } }], envFrom: [3] }, "b")] }) },
  ],
  invalid: [
    {
      name: "secretKeyRef in a Pod",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x:1\n      env:\n        - name: TOKEN\n          valueFrom:\n            secretKeyRef:\n              name: my-secret\n              key: token\n",
      errors: [{ messageId: "secretKeyRef", path: "spec.containers[0].env[0].valueFrom.secretKeyRef", container: "app", line: 13 }],
    },
    {
      name: "envFrom and optional references still expose the Secret",
      manifest: deployment({
        initContainers: [container({ envFrom: [{ configMapRef: { name: "c" } }, { secretRef: { name: "s", optional: true } }] }, "init")],
        containers: [container({ env: [{ name: "A", valueFrom: { secretKeyRef: { name: "s", key: "a", optional: true } } }] })],
        ephemeralContainers: [container({ env: [{ name: "B", valueFrom: ref("s", "b") }] }, "debug")],
      }),
      errors: [
        { messageId: "envFrom", path: "spec.template.spec.initContainers[0].envFrom[1].secretRef", container: "init" },
        { messageId: "secretKeyRef", path: "spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef", container: "app" },
        { messageId: "secretKeyRef", path: "spec.template.spec.ephemeralContainers[0].env[0].valueFrom.secretKeyRef", container: "debug" },
      ],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [container({ env: [{ name: "A", valueFrom: ref("s", "a") }] })] }),
      errors: [{ messageId: "secretKeyRef", path: "spec.jobTemplate.spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef", container: "app" }],
    },
  ],
});
