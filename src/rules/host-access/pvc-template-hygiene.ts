import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";

// StatefulSet `spec.volumeClaimTemplates[*]` (kubesec VolumeClaimRequestsStorage and VolumeClaimAccessModeReadWriteOnce):
// - `spec.resources.requests.storage` must be set: a PersistentVolumeClaim without it is refused when the StatefulSet
//   controller creates it, so the pods never start (the StatefulSet itself is accepted);
// - every entry of `spec.accessModes` must be ReadWriteOnce or ReadWriteOncePod: ReadWriteMany and ReadOnlyMany let
//   pods on several nodes mount the same volume, which a per-replica claim should not need. A missing accessModes
//   list is left alone (the claim is refused; there is nothing shared to report).
// Entries that are not maps are skipped.

const SINGLE_NODE = new Set(["ReadWriteOnce", "ReadWriteOncePod"]);

export default defineRule({
  id: "pvc-template-hygiene",
  title: "StatefulSet volume claim template hygiene",
  rationale:
    "A StatefulSet creates one PersistentVolumeClaim per replica from each volumeClaimTemplate. Each replica's data " +
    "should stay on that replica's volume: an access mode that lets several nodes mount the volume (ReadWriteMany, " +
    "ReadOnlyMany) widens who can reach it, and a template without a storage request cannot be turned into a claim at all.",
  attack:
    "With a volume that many nodes may mount, a pod compromised on another node, or a misconfigured workload bound to the " +
    "same volume, reads or corrupts the replica's data; a missing size leaves the replicas stuck before they start.",
  remediation:
    "Request an explicit size in `spec.resources.requests.storage` of each volumeClaimTemplate and use `ReadWriteOnce` " +
    "(or `ReadWriteOncePod`, which also keeps other pods on the same node away) as its access mode.",
  example: {
    insecure: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
        - name: db
          image: registry.example/db:1.0
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteMany"]
        resources:
          requests:
            storage: 10Gi
`,
    secure: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
        - name: db
          image: registry.example/db:1.0
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 10Gi
`,
  },
  messages: {
    noStorageRequest: "volumeClaimTemplate '{{template}}' requests no storage size, so its claims cannot be created",
    sharedAccessMode: "volumeClaimTemplate '{{template}}' uses access mode {{mode}}, so pods on several nodes can mount each replica's volume",
  },
  check(ctx) {
    const spec = ctx.resource.object.spec;
    if (!isObject(spec)) return;
    asArray(spec.volumeClaimTemplates).forEach((t, i) => {
      if (!isObject(t)) return;
      const base = ["spec", "volumeClaimTemplates", i];
      const meta = isObject(t.metadata) ? t.metadata : {};
      const template = typeof meta.name === "string" ? meta.name : `volumeClaimTemplates[${i}]`;
      const pvc = isObject(t.spec) ? t.spec : {};
      const resources = isObject(pvc.resources) ? pvc.resources : {};
      const requests = isObject(resources.requests) ? resources.requests : {};
      if (requests.storage === undefined || requests.storage === null || requests.storage === "") {
        ctx.report({ messageId: "noStorageRequest", data: { template }, path: [...base, "spec", "resources", "requests", "storage"] });
      }
      const modes = pvc.accessModes;
      const list = Array.isArray(modes) ? modes : typeof modes === "string" ? [modes] : [];
      list.forEach((m, j) => {
        if (typeof m !== "string" || SINGLE_NODE.has(m)) return;
        ctx.report({
          messageId: "sharedAccessMode",
          data: { template, mode: m },
          path: Array.isArray(modes) ? [...base, "spec", "accessModes", j] : [...base, "spec", "accessModes"],
        });
      });
    });
  },
});
