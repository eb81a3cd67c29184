import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./host-path-volume.js";

const withVolumes = (volumes: unknown) => ({ containers: [container()], volumes });

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "no volumes", manifest: pod({ containers: [container()] }) },
    { name: "other volume types", manifest: pod(withVolumes([{ name: "a", emptyDir: {} }, { name: "b", configMap: { name: "c" } }])) },
    { name: "hostPath: null is unset (the API makes it an emptyDir)", manifest: pod(withVolumes([{ name: "a", hostPath: null }])) },
    { name: "volumes is a map (wrong type)", manifest: pod(withVolumes({ a: { hostPath: { path: "/" } } })) },
    { name: "volume items that are not maps", manifest: pod(withVolumes(["hostPath", 3, null])) },
    { name: "a PersistentVolume's hostPath is not a pod volume", manifest: { apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "pv" }, spec: { hostPath: { path: "/data" } } } },
  ],
  invalid: [
    {
      name: "example insecure",
      manifest: rule.example!.insecure,
      errors: [{ messageId: "hostPath", path: "spec.volumes[0].hostPath", line: 15 }],
    },
    {
      name: "every hostPath volume, mounted or not, whatever its path or type",
      manifest: pod(withVolumes([
        { name: "a", emptyDir: {} },
        { name: "b", hostPath: { path: "/tmp", type: "DirectoryOrCreate" } },
        { name: "c", hostPath: { path: "/var/log" } },
      ])),
      errors: [
        { messageId: "hostPath", path: "spec.volumes[1].hostPath" },
        { messageId: "hostPath", path: "spec.volumes[2].hostPath" },
      ],
    },
    {
      name: "hostPath without a path, or of a wrong type",
      manifest: pod(withVolumes([{ name: "a", hostPath: {} }, { name: "b", hostPath: "/etc" }])),
      errors: [
        { messageId: "hostPath", path: "spec.volumes[0].hostPath" },
        { messageId: "hostPath", path: "spec.volumes[1].hostPath" },
      ],
    },
    {
      name: "Deployment",
      manifest: deployment(withVolumes([{ name: "a", hostPath: { path: "/data" } }])),
      errors: [{ messageId: "hostPath", path: "spec.template.spec.volumes[0].hostPath" }],
    },
    {
      name: "CronJob",
      manifest: cronJob(withVolumes([{ name: "a", hostPath: { path: "/data" } }])),
      errors: [{ messageId: "hostPath", path: "spec.jobTemplate.spec.template.spec.volumes[0].hostPath" }],
    },
    {
      name: "Windows pod",
      manifest: pod({ os: { name: "windows" }, ...withVolumes([{ name: "a", hostPath: { path: "C:\\data" } }]) }),
      errors: [{ messageId: "hostPath", path: "spec.volumes[0].hostPath" }],
    },
  ],
});
