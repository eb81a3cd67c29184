import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./dangling-ingress-backend.js";

const svc = (name: string, ports: object[] = [{ name: "http", port: 80 }], metadata: object = {}, spec: object = {}): object => ({
  apiVersion: "v1", kind: "Service", metadata: { name, ...metadata }, spec: { selector: { app: name }, ports, ...spec },
});
const ingress = (backend: object, metadata: object = {}): object => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "Ingress",
  metadata: { name: "i", ...metadata },
  spec: { rules: [{ host: "a.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend }] } }] },
});
const route = (kind: string, refs: object[], metadata: object = {}): object => ({
  apiVersion: kind === "HTTPRoute" ? "gateway.networking.k8s.io/v1" : "gateway.networking.k8s.io/v1alpha2",
  kind,
  metadata: { name: "r", ...metadata },
  spec: { parentRefs: [{ name: "gw" }], rules: [{ backendRefs: refs }] },
});

ruleTester(rule, {
  valid: [
    { name: "service and port number exist", manifest: [svc("web"), ingress({ service: { name: "web", port: { number: 80 } } })] },
    { name: "a named port exists", manifest: [svc("web"), ingress({ service: { name: "web", port: { name: "http" } } })] },
    { name: "v1beta1 backend", manifest: [svc("web"), { apiVersion: "extensions/v1beta1", kind: "Ingress", metadata: { name: "i" }, spec: { backend: { serviceName: "web", servicePort: "http" } } }] },
    { name: "a resource backend", manifest: ingress({ resource: { apiGroup: "k8s.example.com", kind: "StorageBucket", name: "static" } }) },
    { name: "an ExternalName Service without ports", manifest: [{ apiVersion: "v1", kind: "Service", metadata: { name: "ext" }, spec: { type: "ExternalName", externalName: "x.example.com" } }, ingress({ service: { name: "ext", port: { number: 443 } } })] },
    { name: "HTTPRoute to a Service in another namespace", manifest: [svc("api", [{ port: 8080 }], { namespace: "backend" }), route("HTTPRoute", [{ name: "api", namespace: "backend", port: 8080 }])] },
    { name: "backendRefs of another kind", manifest: route("HTTPRoute", [{ group: "example.com", kind: "Bucket", name: "b" }]) },
    { name: "wrong types", manifest: { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "i" }, spec: { rules: "x", defaultBackend: "web" } } },
  ],
  invalid: [
    {
      name: "a missing Service",
      manifest: "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: missing-service\nspec:\n  rules:\n    - http:\n        paths:\n          - backend:\n              service:\n                name: missing\n                port:\n                  number: 80\n",
      errors: [{ messageId: "missingService", path: "spec.rules[0].http.paths[0].backend.service.name", line: 11 }],
    },
    {
      name: "a port the Service does not have, by number and by name, and a default backend",
      manifest: [
        svc("web", [{ port: 80 }]),
        {
          apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "i" },
          spec: {
            defaultBackend: { service: { name: "web", port: { name: "http" } } },
            rules: [{ http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 8080 } } } }] } }],
          },
        },
      ],
      errors: [
        { messageId: "missingPort", path: "spec.defaultBackend.service.port.name" },
        { messageId: "missingPort", path: "spec.rules[0].http.paths[0].backend.service.port.number" },
      ],
    },
    {
      name: "the Service is in another namespace than the Ingress",
      manifest: [svc("web", undefined, { namespace: "other" }), ingress({ service: { name: "web", port: { number: 80 } } })],
      errors: [{ messageId: "missingService", path: "spec.rules[0].http.paths[0].backend.service.name", object: "Ingress/i" }],
    },
    {
      name: "HTTPRoute without namespace, TCPRoute with a wrong port, UDPRoute to nothing",
      manifest: [
        svc("api", [{ port: 8080 }], { namespace: "backend" }),
        route("HTTPRoute", [{ name: "api", port: 8080 }]),
        route("TCPRoute", [{ name: "api", namespace: "backend", port: 9000 }], { name: "t" }),
        route("UDPRoute", [{ name: "dns", kind: "Service", port: 53 }], { name: "u" }),
      ],
      errors: [
        { messageId: "missingService", path: "spec.rules[0].backendRefs[0].name", object: "HTTPRoute/r" },
        { messageId: "missingPort", path: "spec.rules[0].backendRefs[0].port", object: "TCPRoute/t" },
        { messageId: "missingService", path: "spec.rules[0].backendRefs[0].name", object: "UDPRoute/u" },
      ],
    },
  ],
});
