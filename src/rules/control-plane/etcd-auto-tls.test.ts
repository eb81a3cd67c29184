import { ruleTester } from "../../testing/rule-tester.js";
import { KUBEADM_ETCD_FLAGS as K, cmd, staticPod } from "./_pods.js";
import rule from "./etcd-auto-tls.js";

const etcd = (flags: readonly string[], container?: Record<string, unknown>) => staticPod("etcd", flags, container ? { container } : {});

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm (default false)", manifest: etcd(K) },
    { name: "explicit false", manifest: etcd(["--auto-tls=false"]) },
    { name: "peer auto TLS is another rule", manifest: etcd(["--peer-auto-tls=true"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "value", path: cmd(0), line: 13 }] },
    { name: "bare flag", manifest: etcd(["--auto-tls"]), errors: [{ messageId: "value", path: cmd(0) }] },
    { name: "from ETCD_AUTO_TLS", manifest: etcd([], { env: [{ name: "ETCD_AUTO_TLS", value: "true" }] }), errors: [{ messageId: "value", path: "spec.containers[0].env[0].value" }] },
  ],
});
