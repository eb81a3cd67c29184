import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";

/** The volume sources of the core Pod API (VolumeSource). Other keys are unknown fields that the API drops. */
const VOLUME_SOURCES = new Set([
  "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi",
  "glusterfs", "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc",
  "azureFile", "configMap", "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "projected",
  "portworxVolume", "scaleIO", "storageos", "csi", "ephemeral", "image",
]);

// Pod Security Admission `restrictedVolumes` (restricted, all policy versions): every volume must be one of
// configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret (the
// `allowedVolumeTypes` parameter); `image` is allowed by the PSA of Kubernetes 1.33 and later only, so it is
// reported for older target versions. A source set to null is unset, and a volume with no source at all is
// defaulted to an emptyDir by the API, so neither is reported. Each restricted source of a volume is reported
// (PSA would let a volume through when one of several sources is allowed, but the API refuses such volumes).
export default defineRule({
  id: "restricted-volume-types",
  title: "Volume type outside the restricted set",
  rationale:
    "The restricted profile of the Pod Security Standards lets a pod use only volumes that carry its own data " +
    "(configMap, secret, downwardAPI, projected, emptyDir, image) or storage the cluster manages through " +
    "PersistentVolumes and CSI drivers. Other volume types reach outside the pod directly: hostPath into the " +
    "node, nfs, iscsi, rbd and similar into storage systems with credentials in the pod spec, gitRepo into a git " +
    "process run by the kubelet.",
  attack:
    "An attacker who can create pods in the namespace uses such a volume to read the node's files (hostPath), " +
    "mount a storage export that other teams use (nfs, cephfs), or make the kubelet run git against a repository " +
    "they control (gitRepo, with known code-execution flaws).",
  remediation:
    "Move the storage behind a PersistentVolumeClaim (the administrator defines the PersistentVolume or a " +
    "StorageClass) or a CSI driver; replace gitRepo with an init container that clones into an emptyDir, and " +
    "hostPath with an emptyDir, ConfigMap or Secret.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: registry.example/app:1.0
      volumeMounts:
        - name: shared
          mountPath: /shared
  volumes:
    - name: shared
      nfs:
        server: nfs.example.internal
        path: /exports/shared
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: registry.example/app:1.0
      volumeMounts:
        - name: shared
          mountPath: /shared
  volumes:
    - name: shared
      persistentVolumeClaim:
        claimName: shared
`,
  },
  messages: {
    restricted: "Volume '{{volume}}' is of type {{type}}, which the restricted profile does not allow",
    imageTooOld: "Volume '{{volume}}' is of type image, which Pod Security Admission allows in the restricted profile only from Kubernetes 1.33 (target: {{kubeVersion}})",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    const imageAllowed = ctx.kubeVersion.atLeast(33);
    const allowed = new Set(ctx.params.strings("allowedVolumeTypes"));
    asArray(w.podSpec.volumes).forEach((v, i) => {
      if (!isObject(v)) return;
      const name = typeof v.name === "string" ? v.name : `volumes[${i}]`;
      for (const [type, source] of Object.entries(v)) {
        if (!VOLUME_SOURCES.has(type) || source === undefined || source === null) continue;
        const path = w.at("volumes", i, type);
        if (type === "image" && allowed.has(type) && !imageAllowed) {
          ctx.report({ messageId: "imageTooOld", data: { volume: name, kubeVersion: ctx.kubeVersion.toString() }, path });
        } else if (!allowed.has(type)) {
          ctx.report({ messageId: "restricted", data: { volume: name, type }, path });
        }
      }
    });
  },
});
