import { ruleTester } from "../../testing/rule-tester.js";
import { KUBEADM_ETCD_FLAGS as K, cmd, staticPod } from "./_pods.js";
import rule from "./etcd-peer-auto-tls.js";

const etcd = (flags: readonly string[]) => staticPod("etcd", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm (default false)", manifest: etcd(K) },
    { name: "client auto TLS is another rule", manifest: etcd(["--auto-tls=true"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "value", path: cmd(0), line: 13 }] },
    { name: "single-dash flag", manifest: etcd(["-peer-auto-tls"]), errors: [{ messageId: "value", path: cmd(0) }] },
  ],
});
