import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./selinux-custom-options.js";

const se = (o: Record<string, unknown>) => ({ seLinuxOptions: o });

ruleTester(rule, {
  valid: [
    { name: "unset", manifest: pod({ containers: [container()] }) },
    { name: "level only", manifest: pod({ securityContext: se({ level: "s0:c1,c2" }), containers: [container()] }) },
    { name: "standard types", manifest: pod({ securityContext: se({ type: "container_t" }), containers: [withSc(se({ type: "container_init_t" }), "a"), withSc(se({ type: "container_kvm_t" }), "b")] }) },
    { name: "empty strings", manifest: pod({ containers: [withSc(se({ type: "", user: "", role: "" }))] }) },
    { name: "container_engine_t from 1.31", manifest: pod({ containers: [withSc(se({ type: "container_engine_t" }))] }), kubeVersion: "1.31" },
    { name: "empty allowedTypes means not configured", manifest: pod({ containers: [withSc(se({ type: "spc_t" }))] }), params: { allowedTypes: [] } },
    { name: "a type added to allowedTypes", manifest: pod({ containers: [withSc(se({ type: "my_app_t" }))] }), params: { allowedTypes: ["container_t", "my_app_t"] } },
  ],
  invalid: [
    {
      name: "spc_t on a container, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      seLinuxOptions:\n        type: spc_t\n",
      errors: [{ messageId: "type", path: "spec.containers[0].securityContext.seLinuxOptions.type", container: "a", line: 11 }],
    },
    {
      name: "pod-level type, user and role: one finding per field, not per container",
      manifest: pod({ securityContext: se({ type: "unconfined_t", user: "system_u", role: "system_r" }), containers: [container({}, "a"), container({}, "b")] }),
      errors: [
        { messageId: "type", path: "spec.securityContext.seLinuxOptions.type" },
        { messageId: "user", path: "spec.securityContext.seLinuxOptions.user" },
        { messageId: "role", path: "spec.securityContext.seLinuxOptions.role" },
      ],
    },
    {
      name: "pod-level custom type is forbidden even when every container overrides it",
      manifest: pod({ securityContext: se({ type: "spc_t" }), containers: [withSc(se({ type: "container_t" }))] }),
      errors: [{ messageId: "type", path: "spec.securityContext.seLinuxOptions.type" }],
    },
    {
      name: "container_engine_t before 1.31",
      manifest: pod({ containers: [withSc(se({ type: "container_engine_t" }))] }),
      kubeVersion: "1.30",
      errors: [{ messageId: "typeTooNew", path: "spec.containers[0].securityContext.seLinuxOptions.type", container: "app" }],
    },
    {
      name: "init and ephemeral containers",
      manifest: pod({ initContainers: [withSc(se({ user: "u" }), "init")], containers: [container()], ephemeralContainers: [withSc(se({ role: "r" }), "debug")] }),
      errors: [
        { messageId: "user", path: "spec.initContainers[0].securityContext.seLinuxOptions.user", container: "init" },
        { messageId: "role", path: "spec.ephemeralContainers[0].securityContext.seLinuxOptions.role", container: "debug" },
      ],
    },
    {
      name: "Deployment",
      manifest: deployment({ containers: [withSc(se({ type: "spc_t" }))] }),
      errors: [{ messageId: "type", path: "spec.template.spec.containers[0].securityContext.seLinuxOptions.type", container: "app" }],
    },
    {
      name: "CronJob",
      manifest: cronJob({ securityContext: se({ user: "system_u" }), containers: [container()] }),
      errors: [{ messageId: "user", path: "spec.jobTemplate.spec.template.spec.securityContext.seLinuxOptions.user" }],
    },
  ],
});
