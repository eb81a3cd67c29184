import { defineRule } from "../../engine/rule-types.js";
import { matchesSelector, readSelector } from "../../model/selectors.js";
import { serviceIndex } from "../../model/services.js";
import { isObject } from "../../model/types.js";
import { asArray, truthy } from "../../model/values.js";
import { formatSelector } from "./_selectors.js";

// Reports a ServiceMonitor (monitoring.coreos.com) whose `spec.selector` matches the labels of no v1 Service
// in the namespaces it watches: all of them with `namespaceSelector.any: true`, those of
// `namespaceSelector.matchNames`, otherwise its own (Prometheus Operator semantics). A missing selector
// reads as `{}`, which matches every Service of those namespaces.
export default defineRule({
  id: "dangling-servicemonitor",
  title: "ServiceMonitor selects no Service",
  rationale:
    "A ServiceMonitor tells the Prometheus Operator which Services to scrape, by their labels and namespaces. When " +
    "the selector matches no Service, the targets silently disappear from monitoring: dashboards go flat and the " +
    "alerts that would reveal an outage or an attack never fire.",
  attack:
    "An attacker benefits from the blind spot: resource abuse (crypto mining), error spikes from probing, or a " +
    "workload that was stopped go unnoticed because its metrics are no longer collected.",
  remediation:
    "Make `spec.selector` match the labels of the Service to scrape (its `metadata.labels`, not the pod labels) and " +
    "set `namespaceSelector.matchNames` to the Service's namespace when it differs from the ServiceMonitor's.",
  example: {
    insecure: `apiVersion: v1
kind: Service
metadata:
  name: web
  labels: {app.kubernetes.io/name: web}
spec:
  selector: {app.kubernetes.io/name: web}
  ports:
    - name: metrics
      port: 9090
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  endpoints:
    - port: metrics
`,
    secure: `apiVersion: v1
kind: Service
metadata:
  name: web
  labels: {app.kubernetes.io/name: web}
spec:
  selector: {app.kubernetes.io/name: web}
  ports:
    - name: metrics
      port: 9090
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: web
spec:
  selector:
    matchLabels: {app.kubernetes.io/name: web}
  endpoints:
    - port: metrics
`,
  },
  messages: {
    noService: "ServiceMonitor '{{name}}' selects Services with {{selector}} in {{namespaces}}, but there is none",
  },
  check(ctx) {
    const r = ctx.resource;
    if (!r.apiVersion.startsWith("monitoring.coreos.com/")) return;
    const own = ctx.inventory.namespaceOf(r) ?? ctx.defaultNamespace;
    const spec = isObject(r.object.spec) ? r.object.spec : {};
    const nsSel = isObject(spec.namespaceSelector) ? spec.namespaceSelector : {};
    const any = truthy(nsSel.any);
    const names = asArray(nsSel.matchNames).filter((n): n is string => typeof n === "string" && n !== "");
    const namespaces = names.length > 0 ? names : [own];
    const selector = readSelector(spec.selector) ?? {};
    const found = serviceIndex(ctx.inventory).services.some((s) => (any || namespaces.includes(s.namespace)) && matchesSelector(selector, s.resource.labels()));
    if (found) return;
    ctx.report({
      messageId: "noService",
      data: { name: r.name, selector: formatSelector(selector), namespaces: any ? "any namespace" : `namespace${namespaces.length > 1 ? "s" : ""} ${namespaces.map((n) => `'${n}'`).join(", ")}` },
      path: spec.selector !== undefined ? ["spec", "selector"] : ["spec"],
    });
  },
});
