import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";
import { credentialDetector } from "./_credentials.js";

// Only literal `value`s count (valueFrom is the fix). Messages name the variable and why it looks like a credential,
// never the value: findings end up in CI logs, SARIF uploads and tickets.
export default defineRule({
  id: "secret-literal-in-env",
  title: "Secret value in an environment variable",
  rationale:
    "A password, token or key written directly in a manifest is stored in plain text in Git, in the cluster's object " +
    "store and in every copy of the manifest: anyone who can read the repository, `kubectl get` the workload or see a " +
    "CI log has the credential. It cannot be rotated without a code change, and it stays in the Git history forever.",
  attack:
    "An attacker who gets read access to the repository, a Helm release, a backup or just `get deployments` in one " +
    "namespace collects the credentials from the environment variables and logs in to the database, cloud account or " +
    "API they protect.",
  remediation:
    "Move the value into a Secret (ideally created by an external secret manager such as External Secrets or Sealed " +
    "Secrets, not committed in plain text) and reference it with `valueFrom.secretKeyRef`, or mount it as a file. Then " +
    "rotate the credential: it is already exposed in the Git history.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: registry.example/api:1.0
      env:
        - name: DB_PASSWORD
          value: hunter2
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: registry.example/api:1.0
      env:
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef:
              name: api-db
              key: password
`,
  },
  messages: {
    name: "Container '{{container}}' sets '{{name}}', whose name looks like a credential (matches '{{pattern}}'), to a literal value in the manifest",
    value: "Container '{{container}}' sets '{{name}}' to a literal value that looks like {{kind}}",
  },
  check(ctx) {
    const detector = credentialDetector(ctx.params);
    for (const c of ctx.workload?.containers ?? []) {
      asArray(c.spec.env).forEach((e, i) => {
        if (!isObject(e) || typeof e.value !== "string" || e.valueFrom !== undefined) return;
        const name = typeof e.name === "string" ? e.name : "";
        const hit = detector.check(name, e.value);
        if (!hit) return;
        const path = [...c.path, "env", i, "value"];
        if (hit.by === "name") ctx.report({ messageId: "name", data: { container: c.name, name, pattern: hit.pattern }, path, container: c });
        else ctx.report({ messageId: "value", data: { container: c.name, name, kind: hit.kind }, path, container: c });
      });
    }
  },
});
