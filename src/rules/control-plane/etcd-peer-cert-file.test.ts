import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_ETCD_FLAGS as K, staticPod, without } from "./_pods.js";
import rule from "./etcd-peer-cert-file.js";

const etcd = (flags: readonly string[]) => staticPod("etcd", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm", manifest: etcd(K) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "missing", path: CMD, line: 12 }] },
    { name: "kubeadm without the peer certificate", manifest: etcd(without(K, "peer-cert-file")), errors: [{ messageId: "missing", path: CMD }] },
    { name: "args list", manifest: staticPod("etcd", [], { container: { command: ["etcd"], args: ["--peer-key-file=/k"] } }), errors: [{ messageId: "missing", path: "spec.containers[0].args" }] },
  ],
});
