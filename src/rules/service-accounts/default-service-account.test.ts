import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./default-service-account.js";

const rbac = "rbac.authorization.k8s.io/v1";
const sa = (name: string, extra: object = {}) => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name }, ...extra });

ruleTester(rule, {
  valid: [
    { name: "a dedicated account", manifest: deployment({ serviceAccountName: "app", containers: [container()] }) },
    { name: "default account but no token", manifest: pod({ automountServiceAccountToken: false, containers: [container()] }) },
    { name: "default account that switches tokens off", manifest: [sa("default", { automountServiceAccountToken: false }), pod({ containers: [container()] })] },
    { name: "another ServiceAccount without the setting", manifest: sa("app") },
    { name: "a binding to a dedicated account", manifest: { apiVersion: rbac, kind: "RoleBinding", metadata: { name: "b", namespace: "x" }, roleRef: { kind: "ClusterRole", name: "view" }, subjects: [{ kind: "ServiceAccount", name: "app" }] } },
  ],
  invalid: [
    {
      name: "serviceAccountName: default (kube-linter)",
      manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      serviceAccountName: default\n",
      errors: [{ messageId: "workloadExplicit", path: "spec.template.spec.serviceAccountName", line: 8 }],
    },
    {
      name: "no serviceAccountName",
      manifest: cronJob({ containers: [container()] }),
      errors: [{ messageId: "workloadUnset", path: "spec.jobTemplate.spec.template.spec.serviceAccountName" }],
    },
    {
      name: "the default ServiceAccount mounts tokens",
      manifest: sa("default"),
      errors: [{ messageId: "serviceAccount", path: "automountServiceAccountToken" }],
    },
    {
      name: "bindings to default, also as a user name",
      manifest: {
        apiVersion: rbac, kind: "ClusterRoleBinding", metadata: { name: "b" }, roleRef: { kind: "ClusterRole", name: "view" },
        subjects: [{ kind: "ServiceAccount", name: "default", namespace: "app" }, { kind: "User", name: "system:serviceaccount:web:default" }, { kind: "User", name: "alice" }],
      },
      errors: [
        { messageId: "binding", path: "subjects[0]" },
        { messageId: "binding", path: "subjects[1]" },
      ],
    },
  ],
});
