import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, cmd, kubeletConfig, staticPod } from "./_pods.js";
import rule from "./kubelet-tls-cert.js";

const kubelet = (flags: readonly string[]) => staticPod("kubelet", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "certificate and key", manifest: kubeletConfig({ tlsCertFile: "/var/lib/kubelet/pki/kubelet.crt", tlsPrivateKeyFile: "/var/lib/kubelet/pki/kubelet.key" }) },
    { name: "flags", manifest: kubelet(["--tls-cert-file=/c", "--tls-private-key-file=/k"]) },
    { name: "flag --rotate-server-certificates", manifest: kubelet(["--rotate-server-certificates"]) },
    { name: "--config decides", manifest: kubelet(["--config=/var/lib/kubelet/config.yaml"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "missing", path: "tlsCertFile", line: 1 }] },
    { name: "serverTLSBootstrap false", manifest: kubeletConfig({ serverTLSBootstrap: false }), errors: [{ messageId: "missing", path: "tlsCertFile" }] },
    { name: "only the certificate", manifest: kubeletConfig({ tlsCertFile: "/c" }), errors: [{ messageId: "partial", path: "tlsPrivateKeyFile" }] },
    { name: "flags only", manifest: kubelet([]), errors: [{ messageId: "missing", path: CMD, container: "kubelet" }] },
    { name: "only the key flag", manifest: kubelet(["--tls-private-key-file", "/k"]), errors: [{ messageId: "partial", path: CMD }] },
    { name: "empty certificate flag", manifest: kubelet(["--tls-cert-file=", "--tls-private-key-file=/k"]), errors: [{ messageId: "partial", path: cmd(0) }] },
  ],
});
