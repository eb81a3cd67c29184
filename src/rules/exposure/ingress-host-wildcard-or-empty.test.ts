import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./ingress-host-wildcard-or-empty.js";

const http = { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }] };
const ing = (spec: object, apiVersion = "networking.k8s.io/v1"): object => ({ apiVersion, kind: "Ingress", metadata: { name: "i" }, spec });

ruleTester(rule, {
  valid: [
    { name: "specific hosts", manifest: ing({ rules: [{ host: "a.example.com", http }, { host: "b.example.com", http }] }) },
    { name: "only a default backend", manifest: ing({ defaultBackend: { service: { name: "web", port: { number: 80 } } } }) },
    { name: "rules is not a list", manifest: ing({ rules: "a.example.com" }) },
    { name: "a custom resource named Ingress", manifest: { apiVersion: "example.com/v1", kind: "Ingress", metadata: { name: "i" }, spec: { rules: [{}] } } },
  ],
  invalid: [
    {
      name: "a rule without host",
      manifest: "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\nspec:\n  rules:\n    - host: a.example.com\n    - http:\n        paths: []\n",
      errors: [{ messageId: "noHost", path: "spec.rules[1].host", line: 8 }],
    },
    {
      name: "empty and wildcard hosts in extensions/v1beta1",
      manifest: ing({ rules: [{ host: "", http }, { host: "*.example.com", http }] }, "extensions/v1beta1"),
      errors: [
        { messageId: "noHost", path: "spec.rules[0].host" },
        { messageId: "wildcard", path: "spec.rules[1].host", object: "Ingress/i" },
      ],
    },
  ],
});
