import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./workload-mounts-secrets.js";

const mount = (name: string) => ({ name, mountPath: `/m/${name}` });

ruleTester(rule, {
  valid: [
    { name: "no volumes", manifest: pod({ containers: [container()] }) },
    { name: "a Secret volume nobody mounts", manifest: pod({ containers: [container()], volumes: [{ name: "s", secret: { secretName: "s" } }] }) },
    { name: "emptyDir and downwardAPI", manifest: pod({ containers: [container({ volumeMounts: [mount("e"), mount("d")] })], volumes: [{ name: "e", emptyDir: {} }, { name: "d", downwardAPI: { items: [] } }] }) },
    { name: "projected service account token only", manifest: pod({ containers: [container({ volumeMounts: [mount("t")] })], volumes: [{ name: "t", projected: { sources: [{ serviceAccountToken: { path: "token" } }] } }] }) },
    { name: "another CSI driver", manifest: pod({ containers: [container({ volumeMounts: [mount("c")] })], volumes: [{ name: "c", csi: { driver: "ebs.csi.aws.com" } }] }) },
    { name: "wrong types", manifest: pod({ containers: [container({ volumeMounts: "s" }), container({ volumeMounts: [null, { name: 3 }] }, "b")], volumes: [null, "s", { name: "s", secret: "x" }] }) },
  ],
  invalid: [
    {
      name: "a mounted Secret",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x:1\n      volumeMounts:\n        - name: creds\n          mountPath: /etc/creds\n  volumes:\n    - name: creds\n      secret:\n        secretName: db\n",
      errors: [{ messageId: "secret", path: "spec.volumes[0].secret", line: 15 }],
    },
    {
      name: "ConfigMap, PVC, projected and CSI secret store in a Deployment, mounted by init and ephemeral containers",
      manifest: deployment({
        initContainers: [container({ volumeMounts: [mount("cfg")] }, "init")],
        containers: [container({ volumeDevices: [{ name: "data", devicePath: "/dev/xvda" }] })],
        ephemeralContainers: [container({ volumeMounts: [mount("proj"), mount("vault")] }, "debug")],
        volumes: [
          { name: "cfg", configMap: { name: "app-config" } },
          { name: "data", persistentVolumeClaim: { claimName: "data" } },
          { name: "proj", projected: { sources: [{ secret: { name: "a" } }, { configMap: { name: "b" } }, { serviceAccountToken: { path: "t" } }] } },
          { name: "vault", csi: { driver: "secrets-store.csi.k8s.io", volumeAttributes: { secretProviderClass: "vault-db" } } },
        ],
      }),
      errors: [
        { messageId: "configMap", path: "spec.template.spec.volumes[0].configMap" },
        { messageId: "pvc", path: "spec.template.spec.volumes[1].persistentVolumeClaim" },
        { messageId: "secret", path: "spec.template.spec.volumes[2].projected.sources[0].secret" },
        { messageId: "configMap", path: "spec.template.spec.volumes[2].projected.sources[1].configMap" },
        { messageId: "secretStore", path: "spec.template.spec.volumes[3].csi" },
      ],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [container({ volumeMounts: [mount("s")] })], volumes: [{ name: "s", secret: { secretName: "s" } }] }),
      errors: [{ messageId: "secret", path: "spec.jobTemplate.spec.template.spec.volumes[0].secret" }],
    },
    {
      name: "StatefulSet volumeClaimTemplates",
      manifest: {
        apiVersion: "apps/v1",
        kind: "StatefulSet",
        metadata: { name: "db" },
        spec: {
          selector: { matchLabels: { app: "db" } },
          template: { metadata: { labels: { app: "db" } }, spec: { containers: [container({ volumeMounts: [mount("data")] })] } },
          volumeClaimTemplates: [{ metadata: { name: "data" }, spec: {} }, { metadata: { name: "unused" }, spec: {} }],
        },
      },
      errors: [{ messageId: "pvcTemplate", path: "spec.volumeClaimTemplates[0]", object: "StatefulSet/db" }],
    },
  ],
});
