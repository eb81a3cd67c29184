import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";

export default defineRule({
  id: "secret-via-env-secretkeyref",
  title: "Secret passed as environment variable",
  rationale:
    "Environment variables are easy to leak: they are inherited by every child process, printed by debug endpoints, " +
    "crash reporters and `env` in support sessions, visible through /proc to processes sharing the PID namespace, and " +
    "they cannot be updated without restarting the container. A Secret mounted as a file avoids all of that and is " +
    "refreshed in place when the Secret changes.",
  attack:
    "An attacker who triggers an error page, reads a crash dump or log line that includes the environment, or gets a " +
    "shell in a sidecar sharing the process namespace reads the credential from the environment instead of having to " +
    "break into the application.",
  remediation:
    "Mount the Secret as a volume (`volumes[].secret` with a `volumeMount`, optionally `readOnly: true`) and have the " +
    "application read the file; many images support a `*_FILE` variable for this. Keep environment variables for " +
    "non-confidential settings.",
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
          valueFrom:
            secretKeyRef:
              name: api-db
              key: password
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
        - name: DB_PASSWORD_FILE
          value: /etc/api-db/password
      volumeMounts:
        - name: api-db
          mountPath: /etc/api-db
          readOnly: true
  volumes:
    - name: api-db
      secret:
        secretName: api-db
`,
  },
  messages: {
    secretKeyRef: "Container '{{container}}' passes key '{{key}}' of Secret '{{secret}}' as environment variable '{{name}}'",
    envFrom: "Container '{{container}}' loads every key of Secret '{{secret}}' as environment variables (envFrom)",
  },
  check(ctx) {
    for (const c of ctx.workload?.containers ?? []) {
      asArray(c.spec.env).forEach((e, i) => {
        if (!isObject(e) || !isObject(e.valueFrom) || !isObject(e.valueFrom.secretKeyRef)) return;
        const ref = e.valueFrom.secretKeyRef;
        ctx.report({
          messageId: "secretKeyRef",
          data: { container: c.name, name: String(e.name ?? ""), secret: String(ref.name ?? ""), key: String(ref.key ?? "") },
          path: [...c.path, "env", i, "valueFrom", "secretKeyRef"],
          container: c,
        });
      });
      asArray(c.spec.envFrom).forEach((e, i) => {
        if (!isObject(e) || !isObject(e.secretRef)) return;
        ctx.report({
          messageId: "envFrom",
          data: { container: c.name, secret: String(e.secretRef.name ?? "") },
          path: [...c.path, "envFrom", i, "secretRef"],
          container: c,
        });
      });
    }
  },
});
