import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_APISERVER_FLAGS as K, cmd, staticPod } from "./_pods.js";
import rule from "./apiserver-tls-cipher-suites.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);
const strong = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256";

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "strong list", manifest: api([...K, `--tls-cipher-suites=${strong}`]) },
    { name: "TLS 1.3 only: the list does not apply", manifest: api(["--tls-min-version=VersionTLS13"]) },
    { name: "TLS 1.3 only with a weak list", manifest: api(["--tls-min-version=VersionTLS13", "--tls-cipher-suites=TLS_RSA_WITH_RC4_128_SHA"]) },
    { name: "--flag value form", manifest: api(["--tls-cipher-suites", strong]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "weak", path: cmd(0), container: "kube-apiserver", line: 13 }] },
    { name: "kubeadm (Go defaults)", manifest: api(K), errors: [{ messageId: "unset", path: CMD }] },
    { name: "TLS 1.2 minimum does not help", manifest: api(["--tls-min-version=VersionTLS12"]), errors: [{ messageId: "unset", path: CMD }] },
    { name: "empty list", manifest: api(["--tls-cipher-suites="]), errors: [{ messageId: "unset", path: cmd(0) }] },
    { name: "a weak suite in a second occurrence", manifest: api([`--tls-cipher-suites=${strong}`, "--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"]), errors: [{ messageId: "weak", path: cmd(1) }] },
  ],
});
