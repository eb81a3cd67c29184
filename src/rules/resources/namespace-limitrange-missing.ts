import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";

// Runs on Namespace objects of the scan. A LimitRange counts when it lives in the namespace (its own
// `metadata.namespace`, or the scan's default namespace when unset) and lists at least one limit.
export default defineRule({
  id: "namespace-limitrange-missing",
  title: "Namespace without LimitRange",
  rationale:
    "A LimitRange gives every container of a namespace default requests and limits when it sets none, and bounds what it may " +
    "ask for. Without one, any pod that forgets its resources runs unbounded and unaccounted for.",
  attack:
    "Someone allowed to deploy into the namespace (or an attacker with those rights) starts containers with no limits that " +
    "consume all CPU, memory or disk of the nodes they land on, degrading every other tenant there.",
  remediation:
    "Add a LimitRange to the namespace with `type: Container` and `default` / `defaultRequest` values (and `max` if you want " +
    "an upper bound), so that containers without resources get sensible ones at admission.",
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
kind: LimitRange
metadata:
  name: defaults
  namespace: team-a
spec:
  limits:
    - type: Container
      default:
        cpu: 500m
        memory: 256Mi
      defaultRequest:
        cpu: 100m
        memory: 128Mi
`,
  },
  messages: {
    missing: "Namespace '{{namespace}}' has no LimitRange, so containers that set no resources get no defaults or bounds",
  },
  check(ctx) {
    const ns = ctx.resource;
    if (ns.apiVersion !== "v1" || ns.name === "") return;
    const covered = ctx.inventory.memo("resources:namespacesWithLimitRange", (inv) => {
      const set = new Set<string>();
      for (const lr of inv.ofKind("LimitRange")) {
        const spec = lr.object.spec;
        const limits = isObject(spec) ? spec.limits : undefined;
        const n = inv.namespaceOf(lr);
        if (n !== undefined && Array.isArray(limits) && limits.some(isObject)) set.add(n);
      }
      return set;
    });
    if (covered.has(ns.name)) return;
    ctx.report({ messageId: "missing", data: { namespace: ns.name }, path: ["metadata", "name"] });
  },
});
