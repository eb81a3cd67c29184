import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";

// The kubelet builds a container's environment in list order and a later entry replaces an earlier one of the same
// name (pkg/kubelet/kubelet_pods.go makeEnvironmentVariables). Entries in between may still read the earlier value
// through $(NAME), so removing the earlier entries is only behaviour-preserving when none of them does.
// envFrom is not compared: env overriding envFrom is the documented way to adjust imported variables.
export default defineRule({
  id: "duplicate-env-var",
  title: "Duplicate environment variable",
  rationale:
    "When a container lists the same environment variable twice, only the last entry takes effect. Reviewers and " +
    "tools that read the first entry see a value that is not the one in use, so a security setting (TLS verification, " +
    "an authentication switch, a debug flag) can be silently overridden further down a long list or by a merged " +
    "Helm or Kustomize patch.",
  attack:
    "An attacker who can contribute a small change to a long manifest or values file appends a second `VERIFY_TLS=false` " +
    "or `AUTH_DISABLED=true`; the reviewed first entry still reads safe, and the override ships unnoticed.",
  remediation: "Keep one entry per variable name: delete the earlier entries, which have no effect, after checking which value is intended.",
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
        - name: VERIFY_TLS
          value: "true"
        - name: VERIFY_TLS
          value: "false"
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
        - name: VERIFY_TLS
          value: "true"
`,
  },
  messages: {
    duplicate: "Container '{{container}}' defines environment variable '{{name}}' {{count}} times; only the last definition takes effect",
  },
  check(ctx) {
    for (const c of ctx.workload?.containers ?? []) {
      const env = asArray(c.spec.env);
      const byName = new Map<string, number[]>();
      env.forEach((e, i) => {
        if (!isObject(e) || typeof e.name !== "string" || e.name === "") return;
        const list = byName.get(e.name) ?? [];
        list.push(i);
        byName.set(e.name, list);
      });
      for (const [name, indexes] of byName) {
        if (indexes.length < 2) continue;
        const last = indexes[indexes.length - 1]!;
        const earlier = indexes.slice(0, -1);
        const ref = `$(${name})`;
        const referenced = env.slice(indexes[0]! + 1, last).some((e) => isObject(e) && typeof e.value === "string" && e.value.includes(ref));
        ctx.report({
          messageId: "duplicate",
          data: { container: c.name, name, count: indexes.length },
          path: [...c.path, "env", last, "name"],
          container: c,
          fix: fixes.ops(
            [...earlier].reverse().map((i) => ({ op: "remove" as const, path: [...c.path, "env", i] })),
            {
              description: `Remove the earlier, ineffective definitions of ${name}`,
              safety: referenced ? "unsafe" : "safe",
              note: referenced
                ? `An entry between the definitions reads the earlier value through ${ref}; removing it changes that entry's value.`
                : "The removed entries are overridden by the last one, so the container's environment does not change; check that the last value is the intended one.",
            },
          ),
        });
      }
    }
  },
});
