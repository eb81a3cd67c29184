import { defineRule } from "../../engine/rule-types.js";
import { KUBELET, boolOf, kubeletConfigYaml, kubeletData, kubeletSources } from "./_kubelet.js";

// CIS 4.2.9. Without tlsCertFile and tlsPrivateKeyFile the kubelet generates a self-signed serving certificate,
// unless serverTLSBootstrap (--rotate-server-certificates) is true: then it requests a serving certificate from the
// cluster CA, which is the recommended way and passes.
export default defineRule({
  id: "kubelet-tls-cert",
  title: "Kubelet serves a self-signed certificate",
  rationale:
    "The kubelet's API on port 10250 is served over TLS. Without tlsCertFile and tlsPrivateKeyFile (and without " +
    "serverTLSBootstrap) the kubelet generates a self-signed certificate, which the API server and other clients cannot " +
    "verify, so they are configured to skip verification.",
  attack: "With verification off, an attacker who intercepts traffic to a node impersonates its kubelet and receives the exec sessions and logs the API server sends there.",
  remediation:
    "Set `serverTLSBootstrap: true` in the kubelet's configuration file so it requests a CA-signed serving certificate " +
    "(approve the kubelet-serving CSRs), or set `tlsCertFile` and `tlsPrivateKeyFile` to a certificate signed by a CA the API server trusts.",
  example: {
    insecure: kubeletConfigYaml({ authentication: { anonymous: { enabled: false } } }),
    secure: kubeletConfigYaml({ authentication: { anonymous: { enabled: false } }, serverTLSBootstrap: true }),
  },
  messages: {
    missing: "The kubelet ({{where}}) sets neither {{setting}} and its key nor serverTLSBootstrap, so it serves a self-signed certificate",
    partial: "The kubelet ({{where}}) does not set {{setting}}, so it cannot load its serving certificate",
  },
  check(ctx) {
    for (const src of kubeletSources(ctx)) {
      const cert = src.get(KUBELET.tlsCertFile);
      const key = src.get(KUBELET.tlsPrivateKeyFile);
      const boot = src.get(KUBELET.serverTLSBootstrap);
      if (!cert || !key || !boot) continue;
      if (boolOf(boot.value) === true) continue;
      const has = (v: typeof cert) => typeof v.value === "string" && v.value.trim() !== "";
      const container = src.container ? { container: src.container } : {};
      if (!has(cert) && !has(key)) {
        ctx.report({ messageId: "missing", data: kubeletData(cert), path: cert.path, ...container });
      } else if (!has(cert) || !has(key)) {
        const missing = has(cert) ? key : cert;
        ctx.report({ messageId: "partial", data: kubeletData(missing), path: missing.path, ...container });
      }
    }
  },
});
