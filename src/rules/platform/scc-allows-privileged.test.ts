import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./scc-allows-privileged.js";

const scc = (extra: Record<string, unknown>) => ({
  apiVersion: "security.openshift.io/v1",
  kind: "SecurityContextConstraints",
  metadata: { name: "app1" },
  runAsUser: { type: "RunAsAny" },
  ...extra,
});

ruleTester(rule, {
  valid: [
    { name: "allowPrivilegedContainer false", manifest: scc({ allowPrivilegedContainer: false }) },
    { name: "field absent (defaults to false)", manifest: scc({}) },
    { name: "YAML 1.1 'no'", manifest: "apiVersion: security.openshift.io/v1\nkind: SecurityContextConstraints\nmetadata: {name: s}\nallowPrivilegedContainer: no\n" },
    { name: "other kinds are not checked", manifest: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, allowPrivilegedContainer: true } },
  ],
  invalid: [
    {
      name: "allowPrivilegedContainer true (kube-linter fixture shape)",
      manifest: `allowHostDirVolumePlugin: true
allowPrivilegeEscalation: false
allowPrivilegedContainer: true
apiVersion: security.openshift.io/v1
kind: SecurityContextConstraints
metadata:
  name: app1
users:
- system:serviceaccount:ns:chart-jenkins-agent
`,
      errors: [{ messageId: "privileged", path: "allowPrivilegedContainer", line: 3, column: 27 }],
    },
    {
      name: "quoted \"true\" and many subjects",
      manifest: scc({ allowPrivilegedContainer: "true", users: ["a", "b", "c"], groups: ["g"] }),
      errors: [{ messageId: "privileged", path: "allowPrivilegedContainer" }],
    },
    {
      name: "users given as a string (wrong type) does not throw",
      manifest: scc({ allowPrivilegedContainer: true, users: "system:admin" }),
      errors: [{ messageId: "privileged", path: "allowPrivilegedContainer", object: "SecurityContextConstraints/app1" }],
    },
  ],
});
