import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_ETCD_FLAGS as K, cmd, staticPod, without } from "./_pods.js";
import rule from "./etcd-cert-file.js";

const etcd = (flags: readonly string[], container?: Record<string, unknown>) => staticPod("etcd", flags, container ? { container } : {});

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm", manifest: etcd(K) },
    { name: "--flag value form", manifest: etcd(["--cert-file", "/c.crt", "--key-file", "/k.key"]) },
    { name: "environment variables", manifest: etcd([], { env: [{ name: "ETCD_CERT_FILE", value: "/c" }, { name: "ETCD_KEY_FILE", value: "/k" }] }) },
    { name: "templated arguments may hold the flags", manifest: etcd(["--name=x", "{{ .Values.tlsArgs }}"]) },
    { name: "configured by a file", manifest: etcd(["--config-file=/etc/etcd/etcd.yaml"]) },
    { name: "a Deployment running etcd is not a static Pod", manifest: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { template: { spec: { containers: [{ name: "etcd", image: "quay.io/coreos/etcd:v3.5.9" }] } } } } },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "missing", path: CMD, container: "etcd", line: 12 }] },
    { name: "kubeadm without the key", manifest: etcd(without(K, "key-file")), errors: [{ messageId: "missing", path: CMD }] },
    { name: "empty value points at the flag", manifest: etcd(["--cert-file=", "--key-file=/k"]), errors: [{ messageId: "missing", path: cmd(0) }] },
    { name: "no flags at all", manifest: etcd(["--name=x"]), errors: [{ messageId: "missing", path: CMD }] },
  ],
});
