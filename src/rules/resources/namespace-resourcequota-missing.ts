import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";

// Runs on Namespace objects of the scan. A ResourceQuota counts when it lives in the namespace (its own
// `metadata.namespace`, or the scan's default namespace when unset) and sets at least one `hard` limit.
export default defineRule({
  id: "namespace-resourcequota-missing",
  title: "Namespace without ResourceQuota",
  rationale:
    "A ResourceQuota caps what a namespace may consume in total: CPU, memory, storage and the number of objects such as pods, " +
    "Services or Secrets. Without one, a single team, a runaway controller or a compromised account can use up the cluster.",
  attack:
    "An attacker with rights to create objects in the namespace creates pods, load balancers or volumes by the thousand: the " +
    "cluster runs out of capacity (or the cloud bill explodes) and other tenants cannot schedule their workloads.",
  remediation:
    "Add a ResourceQuota to the namespace with `hard` limits sized for its workloads, for example `requests.cpu`, " +
    "`requests.memory`, `limits.memory`, `pods` and `services.loadbalancers`.",
  example: {
    insecure: `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
`,
    secure: `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: quota
  namespace: team-a
spec:
  hard:
    requests.cpu: "10"
    requests.memory: 20Gi
    limits.memory: 40Gi
    pods: "50"
`,
  },
  messages: {
    missing: "Namespace '{{namespace}}' has no ResourceQuota, so nothing caps the resources and objects it may consume",
  },
  check(ctx) {
    const ns = ctx.resource;
    if (ns.apiVersion !== "v1" || ns.name === "") return;
    const covered = ctx.inventory.memo("resources:namespacesWithQuota", (inv) => {
      const set = new Set<string>();
      for (const q of inv.ofKind("ResourceQuota")) {
        const spec = q.object.spec;
        const hard = isObject(spec) ? spec.hard : undefined;
        const n = inv.namespaceOf(q);
        if (n !== undefined && isObject(hard) && Object.keys(hard).length > 0) set.add(n);
      }
      return set;
    });
    if (covered.has(ns.name)) return;
    ctx.report({ messageId: "missing", data: { namespace: ns.name }, path: ["metadata", "name"] });
  },
});
