import { describe, expect, it } from "vitest";
import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import { related } from "./_scope.js";
import rule from "./env-ref-missing.js";

const cm = (name: string, data: Record<string, string> = { k: "v" }, namespace?: string) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, ...(namespace ? { namespace } : {}) }, data });
const secret = (name: string, data: Record<string, string> = { k: "dg==" }, stringData?: Record<string, string>) => ({ apiVersion: "v1", kind: "Secret", metadata: { name }, data, ...(stringData ? { stringData } : {}) });
const cmKey = (name: string, key: string, optional?: unknown) => ({ name: "V", valueFrom: { configMapKeyRef: { name, key, ...(optional !== undefined ? { optional } : {}) } } });
const secKey = (name: string, key: string) => ({ name: "V", valueFrom: { secretKeyRef: { name, key } } });
const withEnv = (...env: object[]) => pod({ containers: [container({ env })] });

ruleTester(rule, {
  valid: [
    { name: "the referenced key exists", manifest: [cm("c", { a: "1" }), withEnv(cmKey("c", "a"))] },
    { name: "Secret key in stringData", manifest: [secret("s", {}, { pw: "x" }), withEnv(secKey("s", "pw"))] },
    { name: "ConfigMap key in binaryData", manifest: [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, binaryData: { b: "AA==" } }, withEnv(cmKey("c", "b"))] },
    { name: "no ConfigMaps in the scan: managed elsewhere", manifest: withEnv(cmKey("elsewhere", "k")) },
    { name: "no Secrets in the scan, though ConfigMaps are", manifest: [cm("c"), withEnv(secKey("elsewhere", "k"))] },
    { name: "optional reference to a missing object", manifest: [cm("c"), withEnv(cmKey("gone", "k", true))] },
    { name: "optional reference to a missing key", manifest: [cm("c"), withEnv(cmKey("c", "gone", true))] },
    { name: "optional envFrom", manifest: [cm("c"), pod({ containers: [container({ envFrom: [{ configMapRef: { name: "gone", optional: true } }] })] })] },
    {
      name: "Secrets created by other objects",
      manifest: [
        secret("other"),
        { apiVersion: "cert-manager.io/v1", kind: "Certificate", metadata: { name: "cert" }, spec: { secretName: "tls" } },
        { apiVersion: "external-secrets.io/v1beta1", kind: "ExternalSecret", metadata: { name: "es" }, spec: { target: { name: "db" } } },
        { apiVersion: "bitnami.com/v1alpha1", kind: "SealedSecret", metadata: { name: "sealed" }, spec: {} },
        { apiVersion: "secrets-store.csi.x-k8s.io/v1", kind: "SecretProviderClass", metadata: { name: "spc" }, spec: { secretObjects: [{ secretName: "synced" }] } },
        withEnv(secKey("tls", "tls.key"), secKey("db", "password"), secKey("sealed", "x"), secKey("synced", "y")),
      ],
    },
    {
      name: "a Secret a Role names in resourceNames is expected at run time",
      manifest: [
        secret("other"),
        { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "r" }, rules: [{ apiGroups: [""], resources: ["secrets"], resourceNames: ["redis-auth"], verbs: ["get"] }] },
        withEnv(secKey("redis-auth", "auth")),
      ],
    },
    { name: "kube-root-ca.crt exists in every namespace", manifest: [cm("c"), withEnv(cmKey("kube-root-ca.crt", "ca.crt"))] },
    { name: "templated names", manifest: [cm("c"), withEnv(cmKey("{{ .Release.Name }}-config", "k"))] },
    { name: "a ConfigMap in another namespace does not make this one managed", manifest: [cm("c", { k: "v" }, "other"), withEnv(cmKey("c", "k"))] },
    { name: "env of the wrong type", manifest: [cm("c"), pod({ containers: [container({ env: "x", envFrom: { configMapRef: { name: "gone" } } }), container({ env: [null, { valueFrom: { configMapKeyRef: "x" } }], envFrom: [1] }, "b")] })] },
  ],
  invalid: [
    {
      name: "missing key in an existing ConfigMap",
      manifest: `apiVersion: v1
kind: ConfigMap
metadata:
  name: testconfig
data:
  configkey: value
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: x:1
      env:
        - name: CONFIG_VAR
          valueFrom:
            configMapKeyRef:
              name: testconfig
              key: configkey-wrong
`,
      errors: [{ messageId: "missingKey", path: "spec.containers[0].env[0].valueFrom.configMapKeyRef.key", container: "app", line: 21, object: "Pod/p" }],
    },
    {
      name: "missing Secret and missing key in a Deployment's init and ephemeral containers",
      manifest: [
        secret("s", { a: "eA==" }),
        deployment({
          initContainers: [container({ env: [secKey("missing", "k")] }, "init")],
          containers: [container({ env: [secKey("s", "a")] })],
          ephemeralContainers: [container({ env: [secKey("s", "b")] }, "debug")],
        }),
      ],
      errors: [
        { messageId: "missingObject", path: "spec.template.spec.initContainers[0].env[0].valueFrom.secretKeyRef.name", container: "init" },
        { messageId: "missingKey", path: "spec.template.spec.ephemeralContainers[0].env[0].valueFrom.secretKeyRef.key", container: "debug" },
      ],
    },
    {
      name: "envFrom of a missing ConfigMap in a CronJob; optional: false counts as required",
      manifest: [cm("c"), cronJob({ containers: [container({ envFrom: [{ configMapRef: { name: "gone", optional: false } }] })] })],
      errors: [{ messageId: "missingObject", path: "spec.jobTemplate.spec.template.spec.containers[0].envFrom[0].configMapRef.name", container: "app" }],
    },
    {
      name: "the object exists only in another namespace",
      manifest: [cm("c", { k: "v" }, "other"), cm("x", { k: "v" }, "team"), { ...withEnv(cmKey("c", "k")), metadata: { name: "p", namespace: "team" } }],
      errors: [{ messageId: "missingObject", path: "spec.containers[0].env[0].valueFrom.configMapKeyRef.name", container: "app" }],
    },
  ],
});

describe("related folders", () => {
  it.each([
    ["a/b", "a/b", true],
    ["a/b", "a/b/c", true],
    ["a/b/c", "a", true],
    [".", "x/y", true],
    ["a/b", "a/c", true],
    ["a/b", "x/b", false],
    ["AI/vllm", "_archived/mysql", false],
  ])("%s ~ %s is %s", (a, b, want) => {
    expect(related(a, b)).toBe(want);
  });
});
