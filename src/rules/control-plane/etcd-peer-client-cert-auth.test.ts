import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_ETCD_FLAGS as K, flagPath, staticPod, withFlag, without } from "./_pods.js";
import rule from "./etcd-peer-client-cert-auth.js";

const etcd = (flags: readonly string[], container?: Record<string, unknown>) => staticPod("etcd", flags, container ? { container } : {});

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm", manifest: etcd(K) },
    { name: "env", manifest: etcd([], { env: [{ name: "ETCD_PEER_CLIENT_CERT_AUTH", value: "true" }] }) },
    { name: "value from a Secret cannot be judged", manifest: etcd([], { env: [{ name: "ETCD_PEER_CLIENT_CERT_AUTH", valueFrom: { secretKeyRef: { name: "s", key: "k" } } }] }) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "unset", path: CMD, line: 12 }] },
    { name: "kubeadm without the flag", manifest: etcd(without(K, "peer-client-cert-auth")), errors: [{ messageId: "unset", path: CMD }] },
    { name: "explicit false", manifest: etcd(withFlag(K, "peer-client-cert-auth", "false")), errors: [{ messageId: "value", path: flagPath(withFlag(K, "peer-client-cert-auth", "false"), "peer-client-cert-auth") }] },
  ],
});
