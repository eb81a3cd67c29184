import { defineRule } from "../../engine/rule-types.js";
import { type YamlPath, isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";

// Context for risk ranking, one finding per data source a container actually mounts (a volume that no container
// mounts exposes nothing). Sources: Secret, ConfigMap and PersistentVolumeClaim volumes, Secret and ConfigMap
// sources of projected volumes, the Secrets Store CSI driver, and a StatefulSet's volumeClaimTemplates.
export default defineRule({
  id: "workload-mounts-secrets",
  title: "Workload mounts Secrets or data volumes",
  rationale:
    "Knowing which workloads can read Secrets, configuration and persistent data tells you where a compromise hurts " +
    "most. A vulnerable web application that mounts the database credentials or a volume of customer data deserves " +
    "more hardening and monitoring than a stateless one. This is context, not a misconfiguration.",
  attack:
    "An attacker who gets code execution in the pod reads the mounted files directly: credentials to move on to " +
    "databases and cloud accounts, or the stored data itself.",
  remediation:
    "Mount only what the workload needs, prefer specific `items` of a Secret over the whole Secret, mount read-only, " +
    "and give workloads that hold sensitive data the strictest security context, network policies and monitoring.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: registry.example/api:1.0
      volumeMounts:
        - name: db-credentials
          mountPath: /etc/db
          readOnly: true
  volumes:
    - name: db-credentials
      secret:
        secretName: api-db
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: registry.example/api:1.0
`,
  },
  messages: {
    secret: "The pod mounts Secret '{{name}}' (volume '{{volume}}') into {{containers}}",
    configMap: "The pod mounts ConfigMap '{{name}}' (volume '{{volume}}') into {{containers}}",
    pvc: "The pod mounts PersistentVolumeClaim '{{name}}' (volume '{{volume}}') into {{containers}}",
    secretStore: "The pod mounts secrets from an external store (SecretProviderClass '{{name}}', volume '{{volume}}') into {{containers}}",
    pvcTemplate: "Each pod mounts its own PersistentVolumeClaim from template '{{name}}' into {{containers}}",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    // Volume name -> names of the containers that mount it.
    const mountedBy = new Map<string, string[]>();
    for (const c of w.containers) {
      for (const field of ["volumeMounts", "volumeDevices"]) {
        for (const m of asArray(c.spec[field])) {
          if (!isObject(m) || typeof m.name !== "string") continue;
          const list = mountedBy.get(m.name) ?? [];
          if (!list.includes(c.name)) list.push(c.name);
          mountedBy.set(m.name, list);
        }
      }
    }
    const who = (volume: string) => (mountedBy.get(volume) ?? []).map((n) => `'${n}'`).join(", ");
    const str = (v: unknown) => (typeof v === "string" ? v : "");

    asArray(w.podSpec.volumes).forEach((v, i) => {
      if (!isObject(v) || typeof v.name !== "string" || !mountedBy.has(v.name)) return;
      const volume = v.name;
      const base: YamlPath = w.at("volumes", i);
      const report = (messageId: "secret" | "configMap" | "pvc" | "secretStore", name: string, path: YamlPath) =>
        ctx.report({ messageId, data: { name, volume, containers: who(volume) }, path });
      if (isObject(v.secret)) report("secret", str(v.secret.secretName), [...base, "secret"]);
      if (isObject(v.configMap)) report("configMap", str(v.configMap.name), [...base, "configMap"]);
      if (isObject(v.persistentVolumeClaim)) report("pvc", str(v.persistentVolumeClaim.claimName), [...base, "persistentVolumeClaim"]);
      if (isObject(v.csi) && v.csi.driver === "secrets-store.csi.k8s.io") {
        const attrs = isObject(v.csi.volumeAttributes) ? v.csi.volumeAttributes : {};
        report("secretStore", str(attrs.secretProviderClass), [...base, "csi"]);
      }
      if (isObject(v.projected)) {
        asArray(v.projected.sources).forEach((s, j) => {
          if (!isObject(s)) return;
          if (isObject(s.secret)) report("secret", str(s.secret.name), [...base, "projected", "sources", j, "secret"]);
          if (isObject(s.configMap)) report("configMap", str(s.configMap.name), [...base, "projected", "sources", j, "configMap"]);
        });
      }
    });

    if (ctx.resource.kind === "StatefulSet" && isObject(ctx.resource.object.spec)) {
      asArray(ctx.resource.object.spec.volumeClaimTemplates).forEach((t, i) => {
        const name = isObject(t) && isObject(t.metadata) ? t.metadata.name : undefined;
        if (typeof name !== "string" || !mountedBy.has(name)) return;
        ctx.report({ messageId: "pvcTemplate", data: { name, containers: who(name) }, path: ["spec", "volumeClaimTemplates", i] });
      });
    }
  },
});
