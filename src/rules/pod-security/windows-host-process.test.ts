import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./windows-host-process.js";

const hp = (v: unknown) => ({ windowsOptions: { hostProcess: v } });
const windows = { os: { name: "windows" } };

ruleTester(rule, {
  valid: [
    { name: "unset", manifest: pod({ ...windows, containers: [container()] }) },
    { name: "false at both levels", manifest: pod({ ...windows, securityContext: hp(false), containers: [withSc(hp(false))] }) },
    { name: "other windowsOptions", manifest: pod({ ...windows, securityContext: { windowsOptions: { runAsUserName: "ContainerUser" } }, containers: [container()] }) },
  ],
  invalid: [
    {
      name: "pod-level hostProcess, reported once, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  os:\n    name: windows\n  hostNetwork: true\n  securityContext:\n    windowsOptions:\n      hostProcess: true\n  containers:\n  - name: a\n    image: x\n  - name: b\n    image: x\n",
      errors: [{ messageId: "pod", path: "spec.securityContext.windowsOptions.hostProcess", line: 11, column: 20 }],
    },
    {
      name: "pod-level true is forbidden even when containers set false",
      manifest: pod({ ...windows, securityContext: hp(true), containers: [withSc(hp(false))] }),
      errors: [{ messageId: "pod", path: "spec.securityContext.windowsOptions.hostProcess" }],
    },
    {
      name: "container with its own windowsOptions next to a pod-level true: both setters",
      manifest: pod({ ...windows, hostNetwork: true, securityContext: hp(true), containers: [withSc(hp(true))] }),
      errors: [
        { messageId: "pod", path: "spec.securityContext.windowsOptions.hostProcess" },
        { messageId: "container", path: "spec.containers[0].securityContext.windowsOptions.hostProcess", container: "app" },
      ],
    },
    {
      name: "init and ephemeral containers",
      manifest: pod({ ...windows, initContainers: [withSc(hp(true), "init")], containers: [container()], ephemeralContainers: [withSc(hp(true), "debug")] }),
      errors: [
        { messageId: "container", path: "spec.initContainers[0].securityContext.windowsOptions.hostProcess", container: "init" },
        { messageId: "container", path: "spec.ephemeralContainers[0].securityContext.windowsOptions.hostProcess", container: "debug" },
      ],
    },
    {
      name: "quoted \"true\" is reported",
      manifest: pod({ containers: [withSc(hp("true"))] }),
      errors: [{ messageId: "container", path: "spec.containers[0].securityContext.windowsOptions.hostProcess", container: "app" }],
    },
    {
      name: "checked without spec.os too",
      manifest: pod({ securityContext: hp(true), containers: [container()] }),
      errors: [{ messageId: "pod", path: "spec.securityContext.windowsOptions.hostProcess" }],
    },
    {
      name: "Deployment",
      manifest: deployment({ ...windows, containers: [withSc(hp(true))] }),
      errors: [{ messageId: "container", path: "spec.template.spec.containers[0].securityContext.windowsOptions.hostProcess", container: "app" }],
    },
    {
      name: "CronJob",
      manifest: cronJob({ ...windows, securityContext: hp(true), containers: [container()] }),
      errors: [{ messageId: "pod", path: "spec.jobTemplate.spec.template.spec.securityContext.windowsOptions.hostProcess" }],
    },
  ],
});
