import { defineRule } from "../../engine/rule-types.js";
import { cipherSuitesFlag } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.29. Strong = AEAD suites (AES-GCM, ChaCha20-Poly1305). Unset means Go's default list, which still offers
// CBC-mode suites. With --tls-min-version=VersionTLS13 the list does not apply (TLS 1.3 suites are fixed and strong).
export default defineRule({
  id: "apiserver-tls-cipher-suites",
  title: "API server accepts weak TLS cipher suites",
  rationale:
    "Without --tls-cipher-suites the API server offers Go's default TLS 1.2 cipher suites, which include CBC-mode suites " +
    "with SHA-1 MACs; a configured list may include even weaker ones (3DES, RC4). Only AEAD suites with forward secrecy are considered strong today.",
  attack: "An attacker in a position to intercept traffic forces or waits for a client that negotiates a weak suite, then attacks that session's encryption (padding oracles, Sweet32) to read tokens and Secrets.",
  remediation:
    "Add `--tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384," +
    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256` " +
    "to the kube-apiserver command, or require TLS 1.3 with `--tls-min-version=VersionTLS13`.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA"]),
    secure: staticPodYaml("kube-apiserver", ["--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"]),
  },
  messages: {
    unset: "kube-apiserver in container '{{container}}' does not set --tls-cipher-suites, so Go's default list with CBC-mode suites is offered",
    weak: "kube-apiserver in container '{{container}}' allows weak TLS cipher suites: {{ciphers}}",
  },
  check(ctx) {
    cipherSuitesFlag(ctx, { component: "kube-apiserver", unset: "unset", weak: "weak" });
  },
});
