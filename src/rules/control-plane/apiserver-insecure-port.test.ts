import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_APISERVER_FLAGS as K, cmd, staticPod } from "./_pods.js";
import rule from "./apiserver-insecure-port.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm on a current cluster (no insecure port exists)", manifest: api(K) },
    { name: "kubeadm on 1.20 (the port can only be 0)", manifest: api(K), kubeVersion: "1.20" },
    { name: "0 on an old cluster", manifest: api(["--insecure-port", "0"]), kubeVersion: "1.15" },
    { name: "value from an env var", manifest: staticPod("kube-apiserver", ["--insecure-port=$(P)"], { container: { env: [{ name: "P", valueFrom: { fieldRef: { fieldPath: "x" } } }] } }), kubeVersion: "1.15" },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "value", path: cmd(0), line: 13 }] },
    { name: "unset on 1.19 (default 8080)", manifest: api(K), kubeVersion: "1.19", errors: [{ messageId: "unset", path: CMD }] },
    { name: "--insecure-port 8081 on 1.15", manifest: api(["--insecure-port", "8081"]), kubeVersion: "1.15", errors: [{ messageId: "value", path: cmd(0) }] },
  ],
});
