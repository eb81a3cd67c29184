import { defineRule } from "../../engine/rule-types.js";
import { mapSelectsTemplate, serviceIndex } from "../../model/services.js";
import { isObject } from "../../model/types.js";
import { formatLabels } from "./_selectors.js";

// Reports a StatefulSet whose `spec.serviceName` is missing or empty (`missing`), names no v1 Service of its
// namespace in the scan (`notFound`), names a Service that is not headless (`clusterIP: None`) (`notHeadless`),
// or a headless Service whose selector does not select the StatefulSet's pods (`notSelecting`; a Service
// without selector is accepted: its endpoints may be managed by hand). All findings are at `spec.serviceName`.
export default defineRule({
  id: "statefulset-service-name",
  title: "StatefulSet without a headless Service",
  rationale:
    "A StatefulSet gives each pod a stable DNS name (`db-0.db.shop.svc`) through the headless Service named in " +
    "`serviceName`. Without that Service, or with a normal ClusterIP Service, the names do not resolve: replicas of a " +
    "database or a consensus system cannot find each other, and clients fall back to addresses that change.",
  attack:
    "Mostly an availability risk: clustered stores fail to form or to fail over. A missing Service name can also be " +
    "claimed by anyone allowed to create Services in the namespace, who then receives the peer traffic.",
  remediation:
    "Create a Service with `clusterIP: None` whose selector matches the StatefulSet's pod labels, and set " +
    "`spec.serviceName` to its name.",
  example: {
    insecure: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
        - name: db
          image: postgres:16
---
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  selector: {app: db}
  ports:
    - port: 5432
`,
    secure: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
        - name: db
          image: postgres:16
---
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  selector: {app: db}
  ports:
    - port: 5432
`,
  },
  messages: {
    missing: "StatefulSet '{{name}}' has no serviceName: its pods get no stable network identity",
    notFound: "StatefulSet '{{name}}' names Service '{{service}}', which is not in namespace '{{namespace}}'",
    notHeadless: "Service '{{service}}' of StatefulSet '{{name}}' is not headless (clusterIP: None): pods get no stable DNS names",
    notSelecting: "Headless Service '{{service}}' selects {{selector}}, which does not match the pods of StatefulSet '{{name}}'",
  },
  check(ctx) {
    const r = ctx.resource;
    if (!r.apiVersion.startsWith("apps/")) return;
    const spec = isObject(r.object.spec) ? r.object.spec : {};
    const path = ["spec", "serviceName"];
    const name = spec.serviceName;
    if (typeof name !== "string" || name.trim() === "") {
      ctx.report({ messageId: "missing", data: { name: r.name }, path });
      return;
    }
    const idx = serviceIndex(ctx.inventory);
    const namespace = ctx.inventory.namespaceOf(r) ?? ctx.defaultNamespace;
    const s = idx.serviceNamed(namespace, name);
    const data = { name: r.name, service: name, namespace };
    if (!s) return ctx.report({ messageId: "notFound", data, path });
    if (!s.headless) return ctx.report({ messageId: "notHeadless", data, path });
    const template = idx.template(r);
    if (s.selector && template && !mapSelectsTemplate(s.selector, template)) {
      ctx.report({ messageId: "notSelecting", data: { ...data, selector: formatLabels(s.selector) }, path });
    }
  },
});
