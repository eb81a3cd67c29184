import { describe, expect, it } from "vitest";
import { runRuleOn, ruleTester } from "../../testing/rule-tester.js";
import rule from "./secret-in-configmap.js";

const cm = (data: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data, ...extra });
const pem = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY-----\n";

ruleTester(rule, {
  valid: [
    { name: "ordinary settings", manifest: cm({ message: "This is a test", db_user: "postgres", "ca.crt": "-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----\n" }) },
    { name: "no data", manifest: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } } },
    { name: "data of the wrong type", manifest: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: ["password"] } },
    { name: "metadata about credentials", manifest: cm({ token_url: "https://idp.example/token", password_min_length: 8, secret_name: "db", "jwt.issuer": "https://idp.example", password_file: "/etc/pw" }) },
    { name: "a config file whose key mentions tokens", manifest: cm({ "token-config.yaml": "refresh: 10m\n" }) },
    { name: "values that are templates", manifest: cm({ db_password: "{{ .Values.password }}", api_key: "${API_KEY}" }) },
    { name: "not a ConfigMap", manifest: { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, stringData: { password: "x" } } },
  ],
  invalid: [
    {
      name: "a password key",
      manifest: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  db_username: postgres\n  db_password: abc123\n",
      errors: [{ messageId: "name", path: 'data.db_password', line: 7 }],
    },
    {
      name: "well-known credential names",
      manifest: cm({ AWS_SECRET_ACCESS_KEY: "xxxxx", AZURE_BATCH_KEY: "xxxxx", OCI_CLI_KEY_CONTENT: "xxxxx" }),
      errors: [
        { messageId: "name", path: "data.AWS_SECRET_ACCESS_KEY" },
        { messageId: "name", path: "data.AZURE_BATCH_KEY" },
        { messageId: "name", path: "data.OCI_CLI_KEY_CONTENT" },
      ],
    },
    {
      name: "a private key in any key, also in a file-like key",
      manifest: cm({ a_key: "and value that are ok", ssh_access: pem, "id_rsa.txt": pem }),
      errors: [
        { messageId: "value", path: "data.ssh_access" },
        { messageId: "value", path: 'data["id_rsa.txt"]' },
      ],
    },
    {
      name: "a private key in binaryData",
      manifest: cm({}, { binaryData: { "key.bin": Buffer.from(pem).toString("base64") } }),
      errors: [{ messageId: "value", path: 'binaryData["key.bin"]' }],
    },
    {
      name: "a configured name pattern",
      manifest: cm({ signing_salt: "abc" }),
      params: { secretNamePatterns: ["salt"] },
      errors: [{ messageId: "name", path: "data.signing_salt", object: "ConfigMap/c" }],
    },
  ],
});

describe("secret-in-configmap output", () => {
  it("never contains the value", () => {
    const text = JSON.stringify(runRuleOn(rule, { name: "x", manifest: cm({ db_password: "hunter2-do-not-print", k: pem }) }));
    expect(text).not.toContain("hunter2-do-not-print");
    expect(text).not.toContain("MHcCAQEEIB");
  });
});
