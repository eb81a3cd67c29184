import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./ingress-tls-missing.js";

const backend = { service: { name: "web", port: { number: 80 } } };
const rule1 = (host?: string) => ({ ...(host ? { host } : {}), http: { paths: [{ path: "/", pathType: "Prefix", backend }] } });
const ing = (spec: object, annotations?: object, apiVersion = "networking.k8s.io/v1"): object => ({
  apiVersion,
  kind: "Ingress",
  metadata: { name: "i", ...(annotations ? { annotations } : {}) },
  spec,
});

ruleTester(rule, {
  valid: [
    { name: "TLS for the host", manifest: ing({ tls: [{ hosts: ["a.example.com"], secretName: "t" }], rules: [rule1("a.example.com")] }) },
    { name: "a wildcard certificate covers a subdomain", manifest: ing({ tls: [{ hosts: ["*.example.com"], secretName: "t" }], rules: [rule1("A.example.com")] }) },
    { name: "a TLS entry without hosts covers every host", manifest: ing({ tls: [{ secretName: "t" }], rules: [rule1("a.example.com"), rule1()] }) },
    { name: "AWS ALB certificate annotation", manifest: ing({ rules: [rule1("a.example.com")] }, { "alb.ingress.kubernetes.io/certificate-arn": "arn:aws:acm:eu-west-1:1:certificate/x" }) },
    { name: "GKE managed certificate", manifest: ing({ rules: [rule1("a.example.com")] }, { "networking.gke.io/managed-certificates": "cert" }) },
    { name: "a custom resource named Ingress", manifest: { apiVersion: "example.com/v1", kind: "Ingress", metadata: { name: "i" }, spec: {} } },
  ],
  invalid: [
    {
      name: "no tls section",
      manifest: "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: minimal-ingress\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /testpath\n        pathType: Prefix\n        backend:\n          service:\n            name: test\n            port:\n              number: 80\n",
      errors: [{ messageId: "noTls", path: "spec.tls", line: 6 }],
    },
    { name: "an empty tls list, extensions/v1beta1", manifest: ing({ tls: [], backend: { serviceName: "a", servicePort: 80 } }, undefined, "extensions/v1beta1"), errors: [{ messageId: "noTls", path: "spec.tls" }] },
    { name: "no spec at all", manifest: { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "i" } }, errors: [{ messageId: "noTls", path: "spec.tls" }] },
    {
      name: "a host that the TLS entries do not list",
      manifest: ing({ tls: [{ hosts: ["a.example.com", "*.example.org"], secretName: "t" }], rules: [rule1("a.example.com"), rule1("b.example.com"), rule1("x.y.example.org")] }),
      errors: [
        { messageId: "hostWithoutTls", path: "spec.rules[1].host" },
        { messageId: "hostWithoutTls", path: "spec.rules[2].host" },
      ],
    },
    {
      name: "an empty annotation value does not count",
      manifest: ing({ rules: [rule1("a.example.com")] }, { "alb.ingress.kubernetes.io/certificate-arn": "" }),
      errors: [{ messageId: "noTls", path: "spec.tls", object: "Ingress/i" }],
    },
  ],
});
