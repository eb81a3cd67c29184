import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./host-users-not-isolated.js";

ruleTester(rule, {
  valid: [
    { name: "hostUsers false", manifest: pod({ hostUsers: false, containers: [container()] }) },
    { name: "host namespaces cannot be combined with a user namespace", manifest: pod({ hostNetwork: true, containers: [container()] }) },
    { name: "hostPID pods neither", manifest: deployment({ hostPID: true, containers: [container()] }) },
    { name: "Windows pods have no user namespaces", manifest: pod({ os: { name: "windows" }, containers: [container()] }) },
    { name: "before 1.33 the feature is off by default", manifest: pod({ containers: [container()] }), kubeVersion: "1.32" },
  ],
  invalid: [
    {
      name: "hostUsers true, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostUsers: true\n  containers:\n  - name: a\n    image: x\n",
      errors: [{ messageId: "notFalse", path: "spec.hostUsers", line: 6 }],
    },
    { name: "unset in a Deployment", manifest: deployment({ containers: [container()] }), errors: [{ messageId: "notSet", path: "spec.template.spec.hostUsers" }] },
    { name: "a quoted \"false\" is not the boolean", manifest: cronJob({ hostUsers: "false", containers: [container()] }), errors: [{ messageId: "notFalse", path: "spec.jobTemplate.spec.template.spec.hostUsers" }] },
    { name: "hostNetwork false does not exempt", manifest: pod({ hostNetwork: false, containers: [container()] }), kubeVersion: "1.33", errors: [{ messageId: "notSet", path: "spec.hostUsers" }] },
  ],
});
