import { describe, expect, it } from "vitest";
import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { runRuleOn, ruleTester } from "../../testing/rule-tester.js";
import rule from "./secret-literal-in-env.js";

const env = (...e: object[]) => pod({ containers: [container({ env: e })] });
const pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n";

ruleTester(rule, {
  valid: [
    { name: "harmless names", manifest: env({ name: "GREETING", value: "hello" }, { name: "LOG_LEVEL", value: "debug" }) },
    { name: "valueFrom secretKeyRef", manifest: env({ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "s", key: "k" } } }) },
    { name: "empty value", manifest: env({ name: "API_TOKEN", value: "" }) },
    { name: "a file path", manifest: env({ name: "DB_PASSWORD_FILE", value: "/run/secrets/db" }, { name: "GOOGLE_APPLICATION_CREDENTIALS", value: "/var/secrets/google/key.json" }) },
    { name: "metadata about a credential", manifest: env({ name: "JWT_ISSUER", value: "https://auth.example" }, { name: "TOKEN_TTL", value: "3600" }, { name: "SECRET_NAME", value: "db-creds" }, { name: "PASSWORD_MIN_LENGTH", value: "8" }, { name: "AWS_ACCESS_KEY_ID", value: "ABCDEF" }) },
    { name: "booleans and numbers", manifest: env({ name: "ENABLE_TOKEN_AUTH", value: "true" }, { name: "MAX_TOKENS", value: "512" }) },
    { name: "kubelet and template references", manifest: env({ name: "DB_PASSWORD", value: "$(PASSWORD_FROM_SECRET)" }, { name: "API_KEY", value: "{{ .Values.apiKey }}" }, { name: "TOKEN", value: "${TOKEN}" }) },
    { name: "URL without a password", manifest: env({ name: "DATABASE_URL", value: "postgres://db:5432/app" }, { name: "TOKEN_ENDPOINT", value: "https://idp/token" }) },
    { name: "URL whose password is a reference", manifest: env({ name: "DATABASE_URL", value: "postgres://app:$(DB_PASSWORD)@db/app" }) },
    { name: "env of the wrong type", manifest: pod({ containers: [container({ env: "PASSWORD=x" }), container({ env: [null, "x", { name: "PASSWORD", value: 42 }] }, "b")] }) },
    { name: "substitution markers", manifest: env({ name: "GOOGLE_API_KEY", value: "GOOGLE_API_KEY_VAL" }, { name: "ETCD_DISCOVERY_TOKEN", value: "INSERT_ETCD_DISCOVERY_TOKEN" }, { name: "API_TOKEN", value: "YOUR_TOKEN_HERE" }) },
    { name: "name patterns configured away", manifest: env({ name: "PASSWORD", value: "abc" }), params: { secretNamePatterns: [] } },
    { name: "not a workload", manifest: { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { env: [{ name: "PASSWORD", value: "x" }] } } },
  ],
  invalid: [
    {
      name: "password literal",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: db\n      image: postgres:16\n      env:\n        - name: POSTGRES_PASSWORD\n          value: hunter2\n",
      errors: [{ messageId: "name", path: "spec.containers[0].env[0].value", container: "db", line: 11 }],
    },
    {
      name: "names in other spellings",
      manifest: env({ name: "apiKey", value: "abc" }, { name: "x-auth-token", value: "abc" }, { name: "MYSQL_ROOT_PASSWORD", value: "123456" }, { name: "AZURE_STORAGE_KEY", value: "CHANGEME" }),
      errors: [
        { messageId: "name", path: "spec.containers[0].env[0].value", container: "app" },
        { messageId: "name", path: "spec.containers[0].env[1].value", container: "app" },
        { messageId: "name", path: "spec.containers[0].env[2].value", container: "app" },
        { messageId: "name", path: "spec.containers[0].env[3].value", container: "app" },
      ],
    },
    {
      name: "values that are credentials whatever the name",
      manifest: env({ name: "CONFIG", value: pem }, { name: "A", value: "AKIAIOSFODNN7EXAMPLE" }, { name: "DATABASE_URL", value: "postgres://app:s3cret@db:5432/app" }, { name: "B", value: "---BEGIN OPENSSH PRIVATE KEY---\nxx\n" }),
      errors: [
        { messageId: "value", path: "spec.containers[0].env[0].value", container: "app" },
        { messageId: "value", path: "spec.containers[0].env[1].value", container: "app" },
        { messageId: "value", path: "spec.containers[0].env[2].value", container: "app" },
        { messageId: "value", path: "spec.containers[0].env[3].value", container: "app" },
      ],
    },
    {
      name: "init and ephemeral containers of a Deployment",
      manifest: deployment({
        initContainers: [container({ env: [{ name: "GITHUB_TOKEN", value: "ghp_x" }] }, "init")],
        containers: [container()],
        ephemeralContainers: [container({ env: [{ name: "SECRET_BLAH", value: "secretsquirrels" }] }, "debug")],
      }),
      errors: [
        { messageId: "name", path: "spec.template.spec.initContainers[0].env[0].value", container: "init" },
        { messageId: "name", path: "spec.template.spec.ephemeralContainers[0].env[0].value", container: "debug" },
      ],
    },
    {
      name: "CronJob with a configured pattern",
      manifest: cronJob({ containers: [container({ env: [{ name: "SIGNING_SALT", value: "abc" }] })] }),
      params: { secretNamePatterns: ["salt"] },
      errors: [{ messageId: "name", path: "spec.jobTemplate.spec.template.spec.containers[0].env[0].value", container: "app" }],
    },
  ],
});

describe("secret-literal-in-env output", () => {
  it("never contains the secret value", () => {
    const findings = runRuleOn(rule, { name: "x", manifest: env({ name: "DB_PASSWORD", value: "hunter2-do-not-print" }, { name: "K", value: pem }) });
    expect(findings).toHaveLength(2);
    const text = JSON.stringify(findings);
    expect(text).not.toContain("hunter2-do-not-print");
    expect(text).not.toContain("MIIEowIBAAKCAQEA");
  });
  it("ignores a malformed configured value pattern", () => {
    expect(runRuleOn(rule, { name: "x", manifest: env({ name: "A", value: "b" }), params: { secretValuePatterns: ["(unclosed"] } })).toEqual([]);
  });
});
