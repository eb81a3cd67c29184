import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_ETCD_FLAGS as K, cmd, flagPath, staticPod, withFlag, without } from "./_pods.js";
import rule from "./etcd-client-cert-auth.js";

const etcd = (flags: readonly string[], container?: Record<string, unknown>) => staticPod("etcd", flags, container ? { container } : {});

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm", manifest: etcd(K) },
    { name: "single-dash Go flag", manifest: etcd(["-client-cert-auth=true"]) },
    { name: "bare flag", manifest: etcd(["--client-cert-auth"]) },
    { name: "set by ETCD_CLIENT_CERT_AUTH", manifest: etcd([], { env: [{ name: "ETCD_CLIENT_CERT_AUTH", value: "true" }] }) },
    { name: "configured by a file", manifest: etcd(["--config-file=/etc/etcd/etcd.conf.yml"]) },
    { name: "configured by a file through ETCD_CONFIG_FILE", manifest: etcd([], { env: [{ name: "ETCD_CONFIG_FILE", value: "/etc/etcd/etcd.conf.yml" }] }) },
    { name: "etcdctl in an etcd image is a client", manifest: etcd([], { command: ["etcdctl", "endpoint", "health"] }) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "unset", path: CMD, container: "etcd", line: 12 }] },
    { name: "kubeadm without the flag", manifest: etcd(without(K, "client-cert-auth")), errors: [{ messageId: "unset", path: CMD }] },
    { name: "explicit false", manifest: etcd(withFlag(K, "client-cert-auth", "false")), errors: [{ messageId: "value", path: flagPath(withFlag(K, "client-cert-auth", "false"), "client-cert-auth") }] },
    { name: "env false, no flag", manifest: etcd([], { env: [{ name: "ETCD_CLIENT_CERT_AUTH", value: "false" }] }), errors: [{ messageId: "value", path: "spec.containers[0].env[0].value" }] },
    { name: "flag false overrides env true", manifest: etcd(["--client-cert-auth=false"], { env: [{ name: "ETCD_CLIENT_CERT_AUTH", value: "true" }] }), errors: [{ messageId: "value", path: cmd(0) }] },
    { name: "etcd image without command (entrypoint), no flags", manifest: { apiVersion: "v1", kind: "Pod", metadata: { name: "e" }, spec: { containers: [{ name: "etcd", image: "quay.io/coreos/etcd:v3.5.9" }] } }, errors: [{ messageId: "unset", path: "spec.containers[0].args" }] },
  ],
});
