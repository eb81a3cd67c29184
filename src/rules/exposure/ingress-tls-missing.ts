import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";

/** Annotations with which cloud ingress controllers terminate TLS without `spec.tls`. */
const TLS_ANNOTATIONS = [
  "alb.ingress.kubernetes.io/certificate-arn",
  "ingress.gcp.kubernetes.io/pre-shared-cert",
  "networking.gke.io/managed-certificates",
  "appgw.ingress.kubernetes.io/appgw-ssl-certificate",
  "appgw.ingress.kubernetes.io/appgw-trusted-root-certificate",
];

/** Does a TLS host (possibly `*.example.com`) cover a rule host? */
function covers(tlsHost: string, host: string): boolean {
  const t = tlsHost.toLowerCase();
  const h = host.toLowerCase();
  if (t === h) return true;
  if (t.startsWith("*.")) {
    const suffix = t.slice(1);
    return h.endsWith(suffix) && !h.slice(0, -suffix.length).includes(".") && h.length > suffix.length;
  }
  return false;
}

// Reports an Ingress (networking.k8s.io or extensions) without a non-empty `spec.tls` list, unless a cloud
// controller annotation provides the certificate (AWS ALB certificate-arn, GKE pre-shared or managed
// certificates, Azure Application Gateway certificates). With `spec.tls`, each rule host that no TLS entry
// covers is reported (a TLS entry without hosts covers every host; `*.example.com` covers one label).
export default defineRule({
  id: "ingress-tls-missing",
  title: "Ingress without TLS",
  rationale:
    "Without a TLS section the ingress controller serves the site over plain HTTP. Passwords, session cookies and API " +
    "tokens then cross the internet and every network on the way in clear text, and anyone on the path can change " +
    "the responses.",
  attack:
    "An attacker on the same Wi-Fi, at an ISP or on a compromised router reads login forms and session cookies, " +
    "replays them to take over accounts, or injects malicious JavaScript into the pages served.",
  remediation:
    "Add a `tls` section that lists the Ingress's hosts and a Secret with their certificate (cert-manager can issue " +
    "and renew one automatically), and have the controller redirect HTTP to HTTPS.",
  example: {
    insecure: `apiVersion: networking.k8s.io/v1
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
    secure: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  tls:
    - hosts: [shop.example.com]
      secretName: shop-tls
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
    noTls: "Ingress '{{name}}' has no TLS section: it serves plain HTTP",
    hostWithoutTls: "Host '{{host}}' is not listed in any TLS entry of the Ingress: it is served over plain HTTP",
  },
  check(ctx) {
    const r = ctx.resource;
    if (!/^(networking\.k8s\.io|extensions)\//.test(r.apiVersion)) return;
    const spec = isObject(r.object.spec) ? r.object.spec : {};
    const annotations = r.annotations();
    if (TLS_ANNOTATIONS.some((a) => (annotations[a] ?? "").trim() !== "")) return;
    const tls = asArray(spec.tls);
    if (tls.length === 0) {
      ctx.report({ messageId: "noTls", data: { name: r.name }, path: ["spec", "tls"] });
      return;
    }
    const entries = tls.filter(isObject);
    if (tls.length !== entries.length || entries.some((e) => !Array.isArray(e.hosts) || e.hosts.length === 0)) return;
    const tlsHosts = entries.flatMap((e) => asArray(e.hosts)).filter((h): h is string => typeof h === "string");
    asArray(spec.rules).forEach((rule, i) => {
      if (!isObject(rule) || typeof rule.host !== "string" || rule.host === "") return;
      const host = rule.host;
      if (tlsHosts.some((t) => covers(t, host))) return;
      ctx.report({ messageId: "hostWithoutTls", data: { host }, path: ["spec", "rules", i, "host"] });
    });
  },
});
