import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";

// Reports each `spec.rules[]` entry of an Ingress (networking.k8s.io or extensions) whose `host` is missing or
// empty (`noHost`, at where the host would be written) or a wildcard such as `*.example.com` (`wildcard`).
// `spec.defaultBackend` is not a rule and is not reported.
export default defineRule({
  id: "ingress-host-wildcard-or-empty",
  title: "Ingress rule without a specific host",
  rationale:
    "An Ingress rule without a host matches requests for any name that reaches the controller, and a wildcard host " +
    "matches every subdomain. The backend then receives traffic meant for other sites, and, depending on the " +
    "controller's precedence, can shadow routes that other teams define for their own hosts.",
  attack:
    "An attacker who can create an Ingress in one namespace adds a host-less rule for a popular path and captures " +
    "requests (and their cookies or tokens) meant for another application; or requests with arbitrary Host headers " +
    "reach a backend that builds links or password-reset mails from that header.",
  remediation:
    "Give every rule the exact host name it serves (`host: shop.example.com`). Reserve wildcard hosts for " +
    "controllers or tenants that own the whole domain, and enforce unique hosts across namespaces with an admission policy.",
  example: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: shop
                port: {number: 80}
`,
    secure: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: shop
                port: {number: 80}
`,
  },
  messages: {
    noHost: "Ingress rule {{index}} has no host: it matches requests for any host name",
    wildcard: "Ingress rule {{index}} uses the wildcard host '{{host}}': it matches every subdomain",
  },
  check(ctx) {
    const r = ctx.resource;
    if (!/^(networking\.k8s\.io|extensions)\//.test(r.apiVersion) || !isObject(r.object.spec)) return;
    asArray(r.object.spec.rules).forEach((rule, i) => {
      if (!isObject(rule)) return;
      const path = ["spec", "rules", i, "host"];
      const host = rule.host;
      if (host === undefined || host === null || (typeof host === "string" && host.trim() === "")) {
        ctx.report({ messageId: "noHost", data: { index: i }, path });
      } else if (typeof host === "string" && host.includes("*")) {
        ctx.report({ messageId: "wildcard", data: { index: i, host }, path });
      }
    });
  },
});
