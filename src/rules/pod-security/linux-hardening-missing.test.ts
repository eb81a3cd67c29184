import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./linux-hardening-missing.js";

ruleTester(rule, {
  valid: [
    { name: "pod-level RuntimeDefault seccomp", manifest: pod({ securityContext: { seccompProfile: { type: "RuntimeDefault" } }, containers: [container()] }) },
    { name: "container Localhost seccomp overrides an Unconfined pod", manifest: pod({ securityContext: { seccompProfile: { type: "Unconfined" } }, containers: [withSc({ seccompProfile: { type: "Localhost", localhostProfile: "p.json" } })] }) },
    { name: "AppArmor field", manifest: pod({ containers: [withSc({ appArmorProfile: { type: "RuntimeDefault" } })] }) },
    {
      name: "AppArmor annotations naming every container",
      manifest: pod(
        { containers: [container({}, "a"), container({}, "b")] },
        { annotations: { "container.apparmor.security.beta.kubernetes.io/a": "runtime/default", "container.apparmor.security.beta.kubernetes.io/b": "localhost/k8s-b" } },
      ),
    },
    { name: "SELinux level on the pod", manifest: pod({ securityContext: { seLinuxOptions: { level: "s0:c123,c456" } }, containers: [container()] }) },
    { name: "some capability dropped, none added back as ALL", manifest: pod({ containers: [withSc({ capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } })] }) },
    { name: "Windows pods are skipped", manifest: pod({ os: { name: "windows" }, containers: [container()] }) },
    {
      name: "legacy seccomp annotation before 1.27",
      manifest: deployment({ containers: [container()] }, { annotations: { "seccomp.security.alpha.kubernetes.io/pod": "runtime/default" } }),
      kubeVersion: "1.26",
    },
  ],
  invalid: [
    {
      name: "nothing satisfied, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n",
      errors: [{ messageId: "unhardened", path: "spec.containers[0].securityContext", container: "a", line: 7 }],
    },
    {
      name: "AppArmor annotations for other container names",
      manifest: pod({ containers: [container({}, "nginx")] }, { annotations: { "container.apparmor.security.beta.kubernetes.io/other": "runtime/default" } }),
      errors: [{ messageId: "unhardened", path: "spec.containers[0].securityContext", container: "nginx" }],
    },
    {
      name: "a container's unconfined AppArmor annotation wins over the pod's field",
      manifest: pod(
        { securityContext: { appArmorProfile: { type: "RuntimeDefault" } }, containers: [container({}, "a")] },
        { annotations: { "container.apparmor.security.beta.kubernetes.io/a": "unconfined" } },
      ),
      errors: [{ messageId: "unhardened", path: "spec.containers[0].securityContext", container: "a" }],
    },
    {
      name: "drop ALL but add all back",
      manifest: pod({ containers: [withSc({ capabilities: { drop: ["ALL"], add: ["all"] } })] }),
      errors: [{ messageId: "unhardened", path: "spec.containers[0].securityContext", container: "app" }],
    },
    {
      name: "container Unconfined overrides a RuntimeDefault pod",
      manifest: pod({ securityContext: { seccompProfile: { type: "RuntimeDefault" } }, containers: [container({}, "ok"), withSc({ seccompProfile: { type: "Unconfined" } }, "bad")] }),
      errors: [{ messageId: "unhardened", path: "spec.containers[1].securityContext", container: "bad" }],
    },
    {
      name: "seccompProfile without a type, seLinuxOptions without a field",
      manifest: pod({ securityContext: { seccompProfile: {}, seLinuxOptions: {} }, containers: [container()] }),
      errors: [{ messageId: "unhardened", path: "spec.containers[0].securityContext", container: "app" }],
    },
    {
      name: "legacy seccomp annotation no longer counts from 1.27; init container in a CronJob",
      manifest: {
        apiVersion: "batch/v1",
        kind: "CronJob",
        metadata: { name: "c" },
        spec: {
          schedule: "* * * * *",
          jobTemplate: { spec: { template: { metadata: { annotations: { "seccomp.security.alpha.kubernetes.io/pod": "runtime/default" } }, spec: { initContainers: [container({}, "init")], containers: [withSc({ capabilities: { drop: ["NET_RAW"] } })] } } } },
        },
      },
      errors: [{ messageId: "unhardened", path: "spec.jobTemplate.spec.template.spec.initContainers[0].securityContext", container: "init" }],
    },
    {
      name: "an empty drop list drops nothing",
      manifest: cronJob({ containers: [withSc({ capabilities: { drop: [] } })] }),
      errors: [{ messageId: "unhardened", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext", container: "app" }],
    },
  ],
});
