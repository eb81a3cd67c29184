import { fixes } from "../../engine/fixes.js";
import type { Inventory } from "../../engine/inventory.js";
import { defineRule } from "../../engine/rule-types.js";
import type { Resource } from "../../model/resource.js";
import { isObject } from "../../model/types.js";
import { truthy } from "../../model/values.js";

/**
 * Provisioners whose StorageClass parameters decide whether new disks are encrypted, with the parameter
 * that asks for it. Provisioners whose disks are always encrypted at rest by the platform (GCE PD, Azure
 * Disk/File, DigitalOcean) are never reported; for the others (vSphere storage policies, NFS, local
 * volumes, EFS whose encryption is set on the file system) a manifest cannot tell, so they are not either.
 */
const ENCRYPTION_PARAMETER: Record<string, string> = {
  "kubernetes.io/aws-ebs": "encrypted",
  "ebs.csi.aws.com": "encrypted",
  "diskplugin.csi.alibabacloud.com": "encrypted",
  "driver.longhorn.io": "encrypted",
  "rbd.csi.ceph.com": "encrypted",
  "kubernetes.io/portworx-volume": "secure",
  "pxd.portworx.com": "secure",
};

interface Verdict {
  provisioner: string;
  parameter: string;
  value: unknown;
}

/** Why a StorageClass does not ask for encryption, or undefined when it does (or when that cannot be told). */
function unencrypted(sc: Resource): Verdict | undefined {
  const provisioner = sc.object.provisioner;
  if (typeof provisioner !== "string") return undefined;
  const parameter = ENCRYPTION_PARAMETER[provisioner];
  if (!parameter) return undefined;
  const params = isObject(sc.object.parameters) ? sc.object.parameters : {};
  return truthy(params[parameter]) ? undefined : { provisioner, parameter, value: params[parameter] };
}

/** StorageClasses of the scan by name, with their verdict (computed once per scan). */
function storageClasses(inventory: Inventory): Map<string, Verdict | undefined> {
  return inventory.memo("pv-without-encryption/storage-classes", (inv) => {
    const map = new Map<string, Verdict | undefined>();
    for (const sc of inv.ofKind("StorageClass")) map.set(sc.name, unencrypted(sc));
    return map;
  });
}

export default defineRule({
  id: "pv-without-encryption",
  title: "PersistentVolume without encryption",
  rationale:
    "Data written to an unencrypted disk can be read by anyone who gets hold of the disk, a snapshot or a backup of it — " +
    "outside Kubernetes' access control entirely. On most clouds encryption at rest is one StorageClass parameter away, " +
    "but only applies to disks created after it is set.",
  attack:
    "An attacker with access to the cloud account (a leaked key, an over-broad IAM role) or to the storage backend copies " +
    "a snapshot of the volume, attaches it elsewhere and reads the database files, keys and customer data on it.",
  remediation:
    "Set the provider's encryption parameter on the StorageClass (for AWS EBS `encrypted: \"true\"`, optionally with `kmsKeyId`; " +
    "`secure: \"true\"` for Portworx; `encrypted: \"true\"` with a key configuration for Ceph RBD and Longhorn), then migrate " +
    "existing volumes, which keep the setting they were created with. (An AWS account with EBS encryption by default " +
    "encrypts new disks anyway; setting the parameter makes that explicit and independent of the account.)",
  example: {
    insecure: `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: gp3
provisioner: ebs.csi.aws.com
parameters:
  type: gp3
`,
    secure: `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: gp3
provisioner: ebs.csi.aws.com
parameters:
  type: gp3
  encrypted: "true"
`,
  },
  messages: {
    storageClass: "StorageClass '{{name}}' ({{provisioner}}) does not request encryption at rest for the volumes it creates: parameters.{{parameter}} is {{value}}",
    volume: "PersistentVolume '{{name}}' was provisioned by StorageClass '{{class}}', which does not ask {{provisioner}} for encryption at rest",
    volumeAttribute: "PersistentVolume '{{name}}' ({{driver}}) turns encryption off: volumeAttributes.{{parameter}} is {{value}}",
  },
  check(ctx) {
    const r = ctx.resource;
    if (r.kind === "StorageClass") {
      const v = unencrypted(r);
      if (!v) return;
      const path = ["parameters", v.parameter];
      ctx.report({
        messageId: "storageClass",
        data: { name: r.name, provisioner: v.provisioner, parameter: v.parameter, value: describe(v.value) },
        path,
        fix: fixes.set(path, "true", {
          description: `Set parameters.${v.parameter} to "true"`,
          safety: "unsafe",
          note: "StorageClass parameters cannot be changed on an existing object: it has to be deleted and re-created. Existing volumes stay unencrypted until migrated, and the cloud account needs a usable KMS key.",
        }),
      });
      return;
    }
    // PersistentVolume: the disk behind a pre-created volume was made outside Kubernetes, so its encryption is
    // only known when the volume says so (CSI attributes), or when it records the StorageClass that created it.
    const spec = isObject(r.object.spec) ? r.object.spec : {};
    const csi = isObject(spec.csi) ? spec.csi : undefined;
    if (csi && typeof csi.driver === "string") {
      const parameter = ENCRYPTION_PARAMETER[csi.driver];
      const attrs = isObject(csi.volumeAttributes) ? csi.volumeAttributes : {};
      if (parameter && attrs[parameter] !== undefined && attrs[parameter] !== null && !truthy(attrs[parameter])) {
        ctx.report({
          messageId: "volumeAttribute",
          data: { name: r.name, driver: csi.driver, parameter, value: describe(attrs[parameter]) },
          path: ["spec", "csi", "volumeAttributes", parameter],
        });
        return;
      }
    }
    const provisionedBy = r.annotations()["pv.kubernetes.io/provisioned-by"];
    const className = spec.storageClassName;
    if (provisionedBy === undefined || typeof className !== "string" || className === "") return;
    const v = storageClasses(ctx.inventory).get(className);
    if (!v || v.provisioner !== provisionedBy) return;
    ctx.report({
      messageId: "volume",
      data: { name: r.name, class: className, provisioner: v.provisioner },
      path: ["spec", "storageClassName"],
    });
  },
});

function describe(v: unknown): string {
  if (v === undefined || v === null) return "not set";
  return typeof v === "string" ? `"${v}"` : String(v);
}
