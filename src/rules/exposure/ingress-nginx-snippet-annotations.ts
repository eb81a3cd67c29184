import { defineRule } from "../../engine/rule-types.js";

/** Snippet annotations of NGINX-based controllers: ingress-nginx `*-snippet`, NGINX Inc's `nginx.org/*-snippets`. */
const SNIPPET_KEY = /^[^/]*nginx[^/]*\/[\w.-]*-snippets?$/i;
/** Lua code or dynamic modules: code execution in the controller whatever the annotation. */
const CODE = /(\w*_by_lua\w*|lua_package_\w+|load_module)/i;
/** Characters that end or open an NGINX directive or string, and the service account token path. */
const INJECTION = /([{};'"\n\r]|serviceaccount)/i;

// Reports, on an Ingress, per annotation (first match wins):
// - `snippet`: a non-empty `*-snippet` annotation of ingress-nginx (configuration-, server-, auth-, stream-,
//   modsecurity-snippet) or `*-snippets` of NGINX Inc's controller (nginx.org/server-snippets, …);
// - `code`: any annotation whose value holds Lua directives (`*_by_lua*`, `lua_package_*`) or `load_module`;
// - `injection`: an `nginx.ingress.kubernetes.io/` annotation whose value contains `{`, `}`, `;`, a quote, a
//   line break or "serviceaccount": ingress-nginx writes these values into nginx.conf, and such characters
//   break out of the directive (CVE-2021-25742, CVE-2023-5043, CVE-2023-5044, CVE-2025-1097/1098). These are
//   the characters of ingress-nginx's own recommended `annotation-value-word-blocklist`.
export default defineRule({
  id: "ingress-nginx-snippet-annotations",
  title: "Dangerous ingress-nginx annotations",
  rationale:
    "ingress-nginx copies annotation values into its nginx.conf. Snippet annotations are meant to do exactly that " +
    "with raw configuration, and other annotations can do it by accident when their value contains characters such " +
    "as `;` or `}`. The controller runs with a service account that can read every Secret of the cluster, so whoever " +
    "can write an Ingress can make the controller do anything nginx can: read files, run Lua code, proxy requests.",
  attack:
    "A user allowed to create Ingresses in a single namespace adds a snippet such as `location /x { alias /var/run/secrets/; }` " +
    "and downloads the controller's token, then reads every Secret of the cluster (CVE-2021-25742 and its successors).",
  remediation:
    "Remove snippet annotations and express the need with the controller's dedicated annotations or its ConfigMap, " +
    "which only administrators edit. Keep `allow-snippet-annotations: \"false\"` (the default since ingress-nginx " +
    "1.9), set `annotations-risk-level` and `annotation-value-word-blocklist`, and fix annotation values that contain " +
    "braces, semicolons or quotes.",
  example: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    nginx.ingress.kubernetes.io/configuration-snippet: |
      more_set_headers "X-Frame-Options: DENY";
spec:
  ingressClassName: nginx
  tls:
    - hosts: [web.example.com]
      secretName: web-tls
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
    secure: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: nginx
  tls:
    - hosts: [web.example.com]
      secretName: web-tls
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
    snippet: "Annotation '{{key}}' injects raw NGINX configuration into the ingress controller",
    code: "Annotation '{{key}}' carries '{{match}}', which runs code or loads modules in the ingress controller",
    injection: "The value of annotation '{{key}}' contains {{match}}, which can break out of the NGINX directive it is written into",
  },
  check(ctx) {
    const r = ctx.resource;
    if (!/^(networking\.k8s\.io|extensions)\//.test(r.apiVersion)) return;
    for (const [key, value] of Object.entries(r.annotations())) {
      if (value.trim() === "") continue;
      const path = ["metadata", "annotations", key];
      if (SNIPPET_KEY.test(key)) {
        ctx.report({ messageId: "snippet", data: { key }, path });
        continue;
      }
      const code = CODE.exec(value);
      if (code) {
        ctx.report({ messageId: "code", data: { key, match: code[1]! }, path });
        continue;
      }
      if (!key.startsWith("nginx.ingress.kubernetes.io/")) continue;
      const inj = INJECTION.exec(value);
      if (inj) ctx.report({ messageId: "injection", data: { key, match: describe(inj[1]!) }, path });
    }
  },
});

function describe(m: string): string {
  if (m === "\n" || m === "\r") return "a line break";
  if (m.length === 1) return `'${m}'`;
  return `"${m}"`;
}
