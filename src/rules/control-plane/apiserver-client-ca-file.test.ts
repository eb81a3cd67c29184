import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_APISERVER_FLAGS as K, cmd, staticPod, without } from "./_pods.js";
import rule from "./apiserver-client-ca-file.js";

const api = (flags: readonly string[], container?: Record<string, unknown>) => staticPod("kube-apiserver", flags, container ? { container } : {});
const names: string[] = ["client-ca-file"];

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm", manifest: api(K) },
    { name: "--flag value form", manifest: api(names.flatMap((n) => [`--${n}`, "/etc/kubernetes/pki/x"])) },
    { name: "value from an env var set elsewhere counts as set", manifest: api(names.map((n) => `--${n}=$(V)`), { env: [{ name: "V", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }] }) },
    { name: "other components are not judged", manifest: staticPod("kube-scheduler", []) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "missing", path: CMD, container: "kube-apiserver", line: 12 }] },
    { name: "kubeadm without the flags", manifest: api(without(K, ...names)), errors: [{ messageId: "missing", path: CMD }] },
    ...names.map((n, i) => ({ name: `only --${n} missing`, manifest: api(names.filter((_, j) => j !== i).map((m) => `--${m}=/x`)), errors: [{ messageId: "missing", path: CMD }] })),
    { name: "empty value", manifest: api([`--${names[0]}=`, ...names.slice(1).map((m) => `--${m}=/x`)]), errors: [{ messageId: "missing", path: cmd(0) }] },
    { name: "flags in args", manifest: api([], { command: ["kube-apiserver"], args: ["--secure-port=6443"] }), errors: [{ messageId: "missing", path: "spec.containers[0].args" }] },
  ],
});
