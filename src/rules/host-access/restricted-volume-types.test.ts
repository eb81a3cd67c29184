import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./restricted-volume-types.js";

const vols = (...volumes: unknown[]) => ({ containers: [container()], volumes });
const ALLOWED = [
  { name: "a", configMap: { name: "c" } },
  { name: "b", csi: { driver: "secrets-store.csi.k8s.io" } },
  { name: "c", downwardAPI: { items: [] } },
  { name: "d", emptyDir: {} },
  { name: "e", ephemeral: { volumeClaimTemplate: { spec: {} } } },
  { name: "f", image: { reference: "registry.example/data:1" } },
  { name: "g", persistentVolumeClaim: { claimName: "x" } },
  { name: "h", projected: { sources: [] } },
  { name: "i", secret: { secretName: "s" } },
];

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "no volumes", manifest: pod({ containers: [container()] }) },
    { name: "every allowed type (image from 1.33)", manifest: pod(vols(...ALLOWED)) },
    { name: "a volume with no source becomes an emptyDir", manifest: pod(vols({ name: "x" })) },
    { name: "a source set to null is unset", manifest: pod(vols({ name: "x", hostPath: null, emptyDir: {} })) },
    { name: "unknown keys are dropped by the API", manifest: pod(vols({ name: "x", HostPath: { path: "/" }, emptyDir: {} })) },
    { name: "volumes of a wrong type", manifest: pod({ containers: [container()], volumes: "nfs" }) },
    { name: "parameter widened", manifest: pod(vols({ name: "x", nfs: { server: "s", path: "/" } })), params: { allowedVolumeTypes: ["nfs"] } },
    { name: "a PersistentVolume may use nfs", manifest: { apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "pv" }, spec: { nfs: { server: "s", path: "/" } } } },
  ],
  invalid: [
    {
      name: "example insecure",
      manifest: rule.example!.insecure,
      errors: [{ messageId: "restricted", path: "spec.volumes[0].nfs", line: 15 }],
    },
    {
      name: "hostPath, gitRepo and other in-tree types",
      manifest: pod(vols(
        { name: "a", hostPath: { path: "/tmp" } },
        { name: "b", emptyDir: {} },
        { name: "c", gitRepo: { repository: "https://example.com/r.git" } },
        { name: "d", awsElasticBlockStore: { volumeID: "v" } },
        { name: "e", cephfs: { monitors: [] } },
        { name: "f", flexVolume: { driver: "x" } },
      )),
      errors: [
        { messageId: "restricted", path: "spec.volumes[0].hostPath" },
        { messageId: "restricted", path: "spec.volumes[2].gitRepo" },
        { messageId: "restricted", path: "spec.volumes[3].awsElasticBlockStore" },
        { messageId: "restricted", path: "spec.volumes[4].cephfs" },
        { messageId: "restricted", path: "spec.volumes[5].flexVolume" },
      ],
    },
    {
      name: "an empty hostPath map is still a hostPath",
      manifest: pod(vols({ name: "a", hostPath: {} })),
      errors: [{ messageId: "restricted", path: "spec.volumes[0].hostPath" }],
    },
    {
      name: "a volume with an allowed and a restricted source reports the restricted one",
      manifest: pod(vols({ name: "a", emptyDir: {}, hostPath: { path: "/" } })),
      errors: [{ messageId: "restricted", path: "spec.volumes[0].hostPath" }],
    },
    {
      name: "image volumes before 1.33",
      manifest: pod(vols({ name: "f", image: { reference: "registry.example/data:1" } })),
      kubeVersion: "1.32",
      errors: [{ messageId: "imageTooOld", path: "spec.volumes[0].image" }],
    },
    {
      name: "a type removed from the parameter",
      manifest: pod(vols({ name: "c", csi: { driver: "d" } })),
      params: { allowedVolumeTypes: ["configMap", "secret"] },
      errors: [{ messageId: "restricted", path: "spec.volumes[0].csi" }],
    },
    {
      name: "Deployment",
      manifest: deployment(vols({ name: "a", nfs: { server: "s", path: "/" } })),
      errors: [{ messageId: "restricted", path: "spec.template.spec.volumes[0].nfs" }],
    },
    {
      name: "CronJob",
      manifest: cronJob(vols({ name: "a", iscsi: { targetPortal: "t", iqn: "i", lun: 0 } })),
      errors: [{ messageId: "restricted", path: "spec.jobTemplate.spec.template.spec.volumes[0].iscsi" }],
    },
    {
      name: "Windows pod",
      manifest: pod({ os: { name: "windows" }, ...vols({ name: "a", azureFile: { secretName: "s", shareName: "x" } }) }),
      errors: [{ messageId: "restricted", path: "spec.volumes[0].azureFile" }],
    },
  ],
});
