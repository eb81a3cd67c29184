import { ruleTester } from "../../testing/rule-tester.js";
import { KUBEADM_APISERVER_FLAGS as A, KUBEADM_ETCD_FLAGS as E, cmd, flagPath, staticPod, withFlag } from "./_pods.js";
import rule from "./etcd-unique-ca.js";

const shared = withFlag(E, "trusted-ca-file", "/etc/kubernetes/pki/ca.crt");

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm: etcd has its own CA", manifest: [staticPod("kube-apiserver", A), staticPod("etcd", E)] },
    { name: "no API server in the scan", manifest: staticPod("etcd", shared) },
    { name: "etcd without a trusted CA", manifest: [staticPod("kube-apiserver", A), staticPod("etcd", ["--cert-file=/c"])] },
    { name: "etcd configured by a file", manifest: [staticPod("kube-apiserver", A), staticPod("etcd", [...shared, "--config-file=/etc/etcd.yaml"])] },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "shared", path: cmd(1), container: "etcd", object: "Pod/etcd", line: 28 }] },
    { name: "kubeadm with the cluster CA on etcd", manifest: [staticPod("kube-apiserver", A), staticPod("etcd", shared)], errors: [{ messageId: "shared", path: flagPath(shared, "trusted-ca-file"), object: "Pod/etcd" }] },
    {
      name: "paths compared after normalising, --flag value form",
      manifest: [staticPod("etcd", ["--trusted-ca-file", "/etc/kubernetes/pki//ca.crt"]), staticPod("kube-apiserver", ["--client-ca-file=/etc/kubernetes/./pki/ca.crt"])],
      errors: [{ messageId: "shared", path: cmd(0), object: "Pod/etcd" }],
    },
  ],
});
