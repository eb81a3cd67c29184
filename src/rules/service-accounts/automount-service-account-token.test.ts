import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./automount-service-account-token.js";

const sa = (name: string, extra: object = {}, namespace?: string) => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name, ...(namespace ? { namespace } : {}) }, ...extra });

ruleTester(rule, {
  valid: [
    { name: "pod sets false, no ServiceAccount named", manifest: pod({ automountServiceAccountToken: false, containers: [container()] }) },
    { name: "pod false overrides the ServiceAccount's true", manifest: [pod({ serviceAccountName: "test", automountServiceAccountToken: false, containers: [container()] }), sa("test", { automountServiceAccountToken: true })] },
    { name: "ServiceAccount sets false, pod unset", manifest: [pod({ serviceAccountName: "test", containers: [container()] }), sa("test", { automountServiceAccountToken: false })] },
    { name: "a ServiceAccount no workload uses", manifest: sa("lonely") },
    { name: "an explicit projected token volume", manifest: pod({ automountServiceAccountToken: false, containers: [container()], volumes: [{ name: "t", projected: { sources: [{ serviceAccountToken: { path: "token" } }] } }] }) },
    { name: "Deployment with false in its template", manifest: deployment({ automountServiceAccountToken: false, containers: [container()] }) },
    { name: "a Service is neither", manifest: { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: {} } },
  ],
  invalid: [
    {
      name: "pod sets true over the ServiceAccount's false",
      manifest: `apiVersion: v1
kind: Pod
metadata:
  name: test-pod
spec:
  automountServiceAccountToken: true
  serviceAccountName: test
  containers:
  - name: nginx
    image: nginx
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: test
automountServiceAccountToken: false
`,
      errors: [{ messageId: "podTrue", path: "spec.automountServiceAccountToken", line: 6, object: "Pod/test-pod" }],
    },
    {
      name: "nothing set, ServiceAccount not in the scan",
      manifest: pod({ containers: [container()] }),
      errors: [{ messageId: "notDisabled", path: "spec.automountServiceAccountToken" }],
    },
    {
      name: "nothing set, ServiceAccount in the scan: reported once on the ServiceAccount",
      manifest: [pod({ serviceAccountName: "test", containers: [container()] }), deployment({ serviceAccountName: "test", containers: [container()] }), sa("test")],
      errors: [{ messageId: "serviceAccount", path: "automountServiceAccountToken", object: "ServiceAccount/test" }],
    },
    {
      name: "ServiceAccount sets true, CronJob unset",
      manifest: [sa("test", { automountServiceAccountToken: true }), cronJob({ serviceAccountName: "test", containers: [container()] })],
      errors: [{ messageId: "serviceAccount", path: "automountServiceAccountToken", object: "ServiceAccount/test" }],
    },
    {
      name: "a ServiceAccount of another namespace does not count",
      manifest: [sa("test", { automountServiceAccountToken: false }, "other"), pod({ serviceAccountName: "test", containers: [container()] })],
      errors: [{ messageId: "notDisabled", path: "spec.automountServiceAccountToken", object: "Pod/p" }],
    },
    {
      name: "a quoted \"false\" is not false",
      manifest: pod({ automountServiceAccountToken: "false", containers: [container()] }),
      errors: [{ messageId: "podTrue", path: "spec.automountServiceAccountToken" }],
    },
  ],
});
