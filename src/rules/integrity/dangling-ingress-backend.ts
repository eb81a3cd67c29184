import { defineRule } from "../../engine/rule-types.js";
import { serviceIndex } from "../../model/services.js";

// Reports each Service reference of an Ingress (v1 `service.name`/`port`, v1beta1 `serviceName`/`servicePort`,
// rules and default backend) or of a Gateway API HTTPRoute/TCPRoute/UDPRoute (`backendRefs` of kind Service,
// in the route's namespace or the one written, and requestMirror filters) that names a Service not in the
// scan (`missingService`), or a port by number or name that the Service does not define (`missingPort`).
// Resource backends and backendRefs of other kinds are not judged; ExternalName Services without ports accept any port.
export default defineRule({
  id: "dangling-ingress-backend",
  title: "Ingress or route backend missing",
  rationale:
    "An Ingress or a Gateway API route forwards requests to a Service by name and port. When the Service was " +
    "renamed or removed, or the port changed, requests fail with 503 errors; and whoever later creates a Service " +
    "with that name receives the traffic of the public host name.",
  attack:
    "An attacker with rights to create Services in the namespace creates one with the missing name and takes over a " +
    "public host name, receiving users' requests and cookies and serving content under the organisation's domain.",
  remediation:
    "Point the backend at the Service and port that exist (compare with the Service's `metadata.name` and " +
    "`spec.ports`), or remove the rule if the application is gone.",
  example: {
    insecure: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
    - name: http
      port: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - host: web.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web-svc
                port: {number: 80}
`,
    secure: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
    - name: http
      port: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - host: web.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port: {number: 80}
`,
  },
  messages: {
    missingService: "{{kind}} '{{route}}' sends traffic to Service '{{service}}', which is not in namespace '{{namespace}}'",
    missingPort: "Service '{{service}}' has no port {{port}}, which {{kind}} '{{route}}' sends traffic to",
  },
  check(ctx) {
    const r = ctx.resource;
    if (!["Ingress", "HTTPRoute", "TCPRoute", "UDPRoute"].includes(r.kind)) return;
    const idx = serviceIndex(ctx.inventory);
    for (const b of idx.backendsOf(r)) {
      const data = { kind: r.kind, route: r.name, service: b.name, namespace: b.namespace };
      const s = idx.serviceNamed(b.namespace, b.name);
      if (!s) {
        ctx.report({ messageId: "missingService", data, path: b.namePath });
        continue;
      }
      if (!b.port || (s.type === "ExternalName" && s.ports.length === 0)) continue;
      const { number, name } = b.port;
      const found = s.ports.some((p) => (number !== undefined ? p.port === number : p.name === name));
      if (!found) ctx.report({ messageId: "missingPort", data: { ...data, port: number ?? `'${name}'` }, path: b.port.path });
    }
  },
});
