import { defineRule } from "../../engine/rule-types.js";
import { isStrongCipher, isTls13Only, listItems } from "./_flags.js";
import { KUBELET, kubeletConfigYaml, kubeletData, kubeletSources } from "./_kubelet.js";

// CIS 4.2.12. Strong = AEAD suites (AES-GCM, ChaCha20-Poly1305). Unset means Go's default list, which still offers
// CBC-mode suites. With tlsMinVersion VersionTLS13 the list does not apply.
export default defineRule({
  id: "kubelet-tls-cipher-suites",
  title: "Kubelet accepts weak TLS cipher suites",
  rationale:
    "Without tlsCipherSuites the kubelet offers Go's default TLS 1.2 cipher suites, which include CBC-mode suites with " +
    "SHA-1 MACs; a configured list may include even weaker ones. Only AEAD suites with forward secrecy are considered strong today.",
  attack: "An attacker who intercepts traffic to the kubelet pushes a client to a weak suite and attacks that session to read exec sessions, logs and tokens.",
  remediation:
    "Set `tlsCipherSuites` in the kubelet's configuration file to AEAD suites only, for example TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, " +
    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, " +
    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, or require TLS 1.3 with `tlsMinVersion: VersionTLS13`.",
  example: {
    insecure: kubeletConfigYaml({ tlsCipherSuites: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"] }),
    secure: kubeletConfigYaml({ tlsCipherSuites: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"] }),
  },
  messages: {
    unset: "The kubelet ({{where}}) does not set {{setting}}, so Go's default list with CBC-mode suites is offered",
    weak: "The kubelet ({{where}}) allows weak TLS cipher suites: {{ciphers}}",
  },
  check(ctx) {
    for (const src of kubeletSources(ctx)) {
      const min = src.get(KUBELET.tlsMinVersion);
      if (!min || (typeof min.value === "string" && isTls13Only(min.value))) continue;
      const suites = src.get(KUBELET.tlsCipherSuites);
      if (!suites) continue;
      const container = src.container ? { container: src.container } : {};
      // Items with their paths: a configuration list (a string is read as a comma-separated list) or the flag's items.
      let items: { name: string; path: readonly (string | number)[] }[];
      if (src.source === "flag" && src.invocation) {
        items = listItems(src.invocation, KUBELET.tlsCipherSuites.flag).map((x) => ({ name: x.item, path: x.from.path }));
      } else if (Array.isArray(suites.value)) {
        items = suites.value.flatMap((s, i) => (typeof s === "string" && s.trim() !== "" ? [{ name: s.trim(), path: [...suites.path, i] }] : []));
      } else if (typeof suites.value === "string") {
        items = suites.value.split(",").map((s) => s.trim()).filter((s) => s !== "").map((name) => ({ name, path: suites.path }));
      } else items = [];
      if (items.length === 0) {
        ctx.report({ messageId: "unset", data: kubeletData(suites), path: suites.path, ...container });
        continue;
      }
      const weak = items.filter((x) => !isStrongCipher(x.name));
      const first = weak[0];
      if (first) ctx.report({ messageId: "weak", data: { ...kubeletData(suites), ciphers: weak.map((x) => x.name).join(", ") }, path: first.path, ...container });
    }
  },
});
