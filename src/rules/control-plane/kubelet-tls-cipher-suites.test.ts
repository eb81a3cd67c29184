import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, cmd, kubeletConfig, staticPod } from "./_pods.js";
import rule from "./kubelet-tls-cipher-suites.js";

const kubelet = (flags: readonly string[]) => staticPod("kubelet", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "TLS 1.3 only", manifest: kubeletConfig({ tlsMinVersion: "VersionTLS13" }) },
    { name: "strong flag list", manifest: kubelet(["--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305"]) },
    { name: "--config decides", manifest: kubelet(["--config=/var/lib/kubelet/config.yaml"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "weak", path: "tlsCipherSuites[1]", line: 5 }] },
    { name: "not set", manifest: kubeletConfig(), errors: [{ messageId: "unset", path: "tlsCipherSuites" }] },
    { name: "empty list", manifest: kubeletConfig({ tlsCipherSuites: [] }), errors: [{ messageId: "unset", path: "tlsCipherSuites" }] },
    { name: "a string instead of a list", manifest: kubeletConfig({ tlsCipherSuites: "TLS_RSA_WITH_RC4_128_SHA" }), errors: [{ messageId: "weak", path: "tlsCipherSuites" }] },
    { name: "flags only", manifest: kubelet([]), errors: [{ messageId: "unset", path: CMD, container: "kubelet" }] },
    { name: "weak flag", manifest: kubelet(["--tls-cipher-suites", "TLS_RSA_WITH_AES_128_CBC_SHA"]), errors: [{ messageId: "weak", path: cmd(0) }] },
  ],
});
