import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { credentialDetector } from "./_credentials.js";

// Keys that name a file ("app.yaml", "jwt.conf") hold configuration, not one credential: only their content is
// checked against the value patterns. binaryData values are decoded before the value patterns run.
const FILE_KEY = /\.(ya?ml|json|conf|cfg|cnf|ini|toml|properties|props|xml|txt|env|sh|py|js|lua|tpl|tmpl|j2|html|md|rules|sql)$/i;

export default defineRule({
  id: "secret-in-configmap",
  title: "Credential stored in a ConfigMap",
  rationale:
    "ConfigMaps are meant for non-confidential settings. They are readable by far more people and controllers than " +
    "Secrets (many roles grant `get configmaps` freely), are shown in dashboards and logs, are not encrypted at rest " +
    "even where Secrets are, and are usually committed to Git in plain text. A credential in a ConfigMap is exposed to " +
    "all of them.",
  attack:
    "An attacker with only read access to ConfigMaps, for example through a monitoring tool's service account or a " +
    "leaked kubeconfig of a developer role, lists them across namespaces and harvests the passwords, tokens and keys " +
    "stored there.",
  remediation:
    "Move the credential into a Secret (created by an external secret manager or Sealed Secrets rather than committed " +
    "in plain text) and mount or reference it from there; keep only non-confidential settings in the ConfigMap. Then " +
    "rotate the credential, since it is already exposed.",
  example: {
    insecure: `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  db_host: postgres.db.svc
  db_password: hunter2
`,
    secure: `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  db_host: postgres.db.svc
  db_password_file: /etc/app/secrets/db-password
`,
  },
  messages: {
    name: "ConfigMap key '{{key}}' looks like a credential (matches '{{pattern}}') and holds a literal value",
    value: "The value of ConfigMap key '{{key}}' looks like {{kind}}",
  },
  check(ctx) {
    const detector = credentialDetector(ctx.params);
    for (const field of ["data", "binaryData"] as const) {
      const data = ctx.resource.object[field];
      if (!isObject(data)) continue;
      for (const [key, raw] of Object.entries(data)) {
        if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") continue;
        let value = String(raw);
        if (field === "binaryData") value = Buffer.from(value, "base64").toString("latin1");
        // Decoded binary data and file-like keys are judged by content only.
        const name = field === "binaryData" || FILE_KEY.test(key) ? "" : key;
        const hit = detector.check(name, value);
        if (!hit) continue;
        const path = [field, key];
        if (hit.by === "name") ctx.report({ messageId: "name", data: { key, pattern: hit.pattern }, path });
        else ctx.report({ messageId: "value", data: { key, kind: hit.kind }, path });
      }
    }
  },
});
