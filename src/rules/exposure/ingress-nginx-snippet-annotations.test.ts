import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./ingress-nginx-snippet-annotations.js";

const ing = (annotations: object, apiVersion = "networking.k8s.io/v1"): object => ({
  apiVersion,
  kind: "Ingress",
  metadata: { name: "i", annotations },
  spec: { defaultBackend: { service: { name: "web", port: { number: 80 } } } },
});

ruleTester(rule, {
  valid: [
    {
      name: "ordinary ingress-nginx annotations",
      manifest: ing({
        "nginx.ingress.kubernetes.io/rewrite-target": "/$2",
        "nginx.ingress.kubernetes.io/auth-url": "https://auth.example.com/oauth2/auth",
        "nginx.ingress.kubernetes.io/auth-signin": "https://auth.example.com/oauth2/start?rd=$escaped_request_uri",
        "nginx.ingress.kubernetes.io/whitelist-source-range": "10.0.0.0/8,192.168.0.0/16",
        "nginx.ingress.kubernetes.io/cors-allow-headers": "DNT,X-CustomHeader,Keep-Alive",
        "nginx.ingress.kubernetes.io/ssl-redirect": "true",
      }),
    },
    { name: "an empty snippet injects nothing", manifest: ing({ "nginx.ingress.kubernetes.io/server-snippet": "" }) },
    { name: "braces in another controller's annotation", manifest: ing({ "traefik.ingress.kubernetes.io/router.middlewares": "{a;b}" }) },
    { name: "no annotations", manifest: { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "i" }, spec: {} } },
    { name: "not an Ingress of Kubernetes", manifest: { apiVersion: "example.com/v1", kind: "Ingress", metadata: { name: "i", annotations: { "nginx.ingress.kubernetes.io/server-snippet": "x" } } } },
  ],
  invalid: [
    {
      name: "configuration snippet",
      manifest:
        "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    nginx.ingress.kubernetes.io/configuration-snippet: |\n      more_set_headers \"X: y\";\nspec: {}\n",
      errors: [{ messageId: "snippet", path: 'metadata.annotations["nginx.ingress.kubernetes.io/configuration-snippet"]', line: 6 }],
    },
    {
      name: "server, auth and NGINX Inc snippets",
      manifest: ing({
        "nginx.ingress.kubernetes.io/server-snippet": "location /x { alias /var/run/secrets/; }",
        "nginx.ingress.kubernetes.io/auth-snippet": "proxy_set_header Foo-Header Content;",
        "nginx.org/location-snippets": "add_header my-test-header test-value;",
      }, "extensions/v1beta1"),
      errors: [
        { messageId: "snippet", path: 'metadata.annotations["nginx.ingress.kubernetes.io/server-snippet"]' },
        { messageId: "snippet", path: 'metadata.annotations["nginx.ingress.kubernetes.io/auth-snippet"]' },
        { messageId: "snippet", path: 'metadata.annotations["nginx.org/location-snippets"]' },
      ],
    },
    {
      name: "Lua code in any annotation",
      manifest: ing({ "example.com/custom": "content_by_lua_block { ngx.say('x') }" }),
      errors: [{ messageId: "code", path: 'metadata.annotations["example.com/custom"]' }],
    },
    {
      name: "injection characters in ingress-nginx annotation values",
      manifest: ing({
        "nginx.ingress.kubernetes.io/permanent-redirect": "https://x.example.com;}location ~* ^/a { alias /",
        "nginx.ingress.kubernetes.io/auth-tls-match-cn": "CN=x\"\nroot /",
        "nginx.ingress.kubernetes.io/auth-url": "http://x/var/run/secrets/kubernetes.io/serviceaccount/token",
      }),
      errors: [
        { messageId: "injection", path: 'metadata.annotations["nginx.ingress.kubernetes.io/permanent-redirect"]' },
        { messageId: "injection", path: 'metadata.annotations["nginx.ingress.kubernetes.io/auth-tls-match-cn"]' },
        { messageId: "injection", path: 'metadata.annotations["nginx.ingress.kubernetes.io/auth-url"]' },
      ],
    },
  ],
});
