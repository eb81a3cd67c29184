import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./pv-without-encryption.js";

const sc = (name: string, provisioner: unknown, parameters?: unknown) => ({
  apiVersion: "storage.k8s.io/v1",
  kind: "StorageClass",
  metadata: { name },
  provisioner,
  ...(parameters === undefined ? {} : { parameters }),
});

const pv = (name: string, spec: Record<string, unknown>, annotations?: Record<string, string>) => ({
  apiVersion: "v1",
  kind: "PersistentVolume",
  metadata: { name, ...(annotations ? { annotations } : {}) },
  spec: { capacity: { storage: "10Gi" }, accessModes: ["ReadWriteOnce"], ...spec },
});

ruleTester(rule, {
  valid: [
    { name: "EBS CSI with encrypted \"true\"", manifest: sc("gp3", "ebs.csi.aws.com", { type: "gp3", encrypted: "true" }) },
    { name: "in-tree aws-ebs with encrypted true (boolean)", manifest: sc("gp2", "kubernetes.io/aws-ebs", { encrypted: true }) },
    { name: "GCE PD is always encrypted at rest", manifest: sc("standard", "pd.csi.storage.gke.io", { type: "pd-balanced" }) },
    { name: "Azure Disk is always encrypted at rest", manifest: sc("managed", "kubernetes.io/azure-disk", { kind: "Managed" }) },
    { name: "unknown provisioners are not judged", manifest: sc("local", "rancher.io/local-path") },
    { name: "provisioner of the wrong type", manifest: sc("x", 42, "oops") },
    { name: "Portworx secure", manifest: sc("px", "kubernetes.io/portworx-volume", { repl: "2", secure: "true" }) },
    {
      name: "a static PV naming an unencrypted class is not judged (its disk was made elsewhere)",
      manifest: [sc("gp2", "kubernetes.io/aws-ebs", { type: "gp2", encrypted: "true" }), pv("static", { storageClassName: "gp2", awsElasticBlockStore: { volumeID: "vol-1" } })],
    },
    {
      name: "a CSI PV that turns encryption on",
      manifest: pv("rbd", { csi: { driver: "rbd.csi.ceph.com", volumeHandle: "x", volumeAttributes: { encrypted: "true" } } }),
    },
  ],
  invalid: [
    {
      name: "a static PV with an unencrypted class in the scan, not provisioned by it: only the class is reported",
      manifest: [sc("slow", "kubernetes.io/aws-ebs"), pv("static", { storageClassName: "slow", awsElasticBlockStore: { volumeID: "vol-1" } })],
      errors: [{ messageId: "storageClass", path: "parameters.encrypted", object: "StorageClass/slow" }],
    },
    {
      name: "EBS CSI class without the parameter",
      manifest: `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: gp3
provisioner: ebs.csi.aws.com
parameters:
  type: gp3
`,
      errors: [{ messageId: "storageClass", path: "parameters.encrypted", line: 7 }],
    },
    {
      name: "in-tree aws-ebs with encrypted \"false\", and no parameters at all",
      manifest: [sc("gp2", "kubernetes.io/aws-ebs", { encrypted: "false" }), sc("bare", "kubernetes.io/aws-ebs")],
      errors: [
        { messageId: "storageClass", path: "parameters.encrypted", object: "StorageClass/gp2" },
        { messageId: "storageClass", path: "parameters.encrypted", object: "StorageClass/bare" },
      ],
    },
    {
      name: "Portworx without secure",
      manifest: sc("px", "kubernetes.io/portworx-volume", { repl: "1" }),
      errors: [{ messageId: "storageClass", path: "parameters.secure" }],
    },
    {
      name: "a PV provisioned by an unencrypted class of the scan",
      manifest: [
        sc("slow", "kubernetes.io/aws-ebs", { type: "st1" }),
        pv("pvc-123", { storageClassName: "slow", awsElasticBlockStore: { volumeID: "vol-1" } }, { "pv.kubernetes.io/provisioned-by": "kubernetes.io/aws-ebs" }),
      ],
      errors: [
        { messageId: "storageClass", path: "parameters.encrypted", object: "StorageClass/slow" },
        { messageId: "volume", path: "spec.storageClassName", object: "PersistentVolume/pvc-123" },
      ],
    },
    {
      name: "a CSI PV that turns encryption off",
      manifest: pv("lh", { csi: { driver: "driver.longhorn.io", volumeHandle: "x", volumeAttributes: { encrypted: "false" } } }),
      errors: [{ messageId: "volumeAttribute", path: "spec.csi.volumeAttributes.encrypted" }],
    },
  ],
});
