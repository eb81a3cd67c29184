import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { tokenMount, workloadServiceAccount } from "../../model/rbac.js";
import { describeWorkloads, isServiceAccount, workloadsByServiceAccount } from "./_sa.js";

// The token is mounted when the pod's automountServiceAccountToken is true, or unset and its ServiceAccount's is
// not false (unset means true). Only the boolean false switches it off. The finding goes on the object to change:
//  - the workload, when the pod sets true itself, or when its ServiceAccount is not in the scan;
//  - the ServiceAccount, when it is in the scan and does not set false, once, naming the workloads that rely on it.
// A pod that sets false itself is fine whatever its ServiceAccount says; a ServiceAccount no workload of the scan
// mounts is not reported; a projected serviceAccountToken volume is an explicit, deliberate mount and not reported.
export default defineRule({
  id: "automount-service-account-token",
  title: "Service account token auto-mounted",
  rationale:
    "Unless told otherwise, Kubernetes mounts a token of the pod's ServiceAccount into every container. Most applications never " +
    "call the Kubernetes API, but the token is there for anyone who gets code execution in the container, with whatever " +
    "permissions the account has now or is given later.",
  attack:
    "An attacker who exploits the application reads /var/run/secrets/kubernetes.io/serviceaccount/token and calls the API server " +
    "with it, exploring and using the account's permissions, often more than anyone remembers granting.",
  remediation:
    "Set `automountServiceAccountToken: false` on the ServiceAccount (for every pod that uses it) or in the pod spec. Pods that " +
    "do need the API can set it back to true, or mount a short-lived, audience-bound token with a projected volume.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  automountServiceAccountToken: false
  containers:
    - name: web
      image: registry.example/web:1.0
`,
  },
  messages: {
    podTrue: "The pod sets automountServiceAccountToken: true, so every container gets an API token of ServiceAccount {{sa}}",
    notDisabled: "automountServiceAccountToken is not set to false (ServiceAccount {{sa}} is not in the scan), so every container gets an API token",
    serviceAccount: "The ServiceAccount {{verb}}, so the pods of {{workloads}} get its API token",
  },
  check(ctx) {
    const note = "Pods that call the Kubernetes API (operators, controllers, tools using client libraries) lose their credentials; check that the application does not use the API first.";
    if (isServiceAccount(ctx.resource)) {
      const sa = ctx.resource;
      const own = sa.object.automountServiceAccountToken;
      if (own === false) return;
      const ns = sa.namespaceOr(ctx.defaultNamespace) ?? ctx.defaultNamespace;
      const uses = (workloadsByServiceAccount(ctx.inventory).get(`${ns}/${sa.name}`) ?? [])
        .filter((u) => u.token.mounted && (u.token.decidedBy === "serviceAccount" || u.token.decidedBy === "default"));
      if (uses.length === 0) return;
      const path = ["automountServiceAccountToken"];
      ctx.report({
        messageId: "serviceAccount",
        data: { verb: own === undefined || own === null ? "does not set automountServiceAccountToken: false" : "sets automountServiceAccountToken: true", workloads: describeWorkloads(uses, sa) },
        path,
        fix: fixes.set(path, false, { description: "Set automountServiceAccountToken to false on the ServiceAccount", safety: "unsafe", note }),
      });
      return;
    }
    const w = ctx.workload;
    if (!w) return;
    const token = tokenMount(w, ctx.inventory);
    if (!token.mounted) return;
    const sa = workloadServiceAccount(w, ctx.defaultNamespace);
    const fix = fixes.set(w.at("automountServiceAccountToken"), false, { description: "Set automountServiceAccountToken to false in the pod spec", safety: "unsafe", note });
    if (token.decidedBy === "pod") {
      ctx.report({ messageId: "podTrue", data: { sa: sa.name }, path: token.path, fix });
    } else if (token.decidedBy === "default" && !token.serviceAccount) {
      ctx.report({ messageId: "notDisabled", data: { sa: sa.name }, path: token.path, fix });
    }
  },
});
