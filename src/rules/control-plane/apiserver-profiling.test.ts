import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_APISERVER_FLAGS as K, cmd, staticPod, withFlag } from "./_pods.js";
import rule from "./apiserver-profiling.js";

const api = (flags: readonly string[], container?: Record<string, unknown>) => staticPod("kube-apiserver", flags, container ? { container } : {});

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm with --profiling=false", manifest: api(withFlag(K, "profiling", "false")) },
    { name: "--profiling=0 (Go's ParseBool)", manifest: api(["--profiling=0"]) },
    { name: "flags in args, command in the image", manifest: { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "a", image: "registry.k8s.io/kube-apiserver:v1.35.0", args: ["--profiling=false"] }] } } },
    { name: "not an apiserver", manifest: staticPod("kube-scheduler", []) },
    { name: "a Deployment is not checked (static Pods only)", manifest: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { template: { spec: { containers: [{ name: "a", image: "x", command: ["kube-apiserver"] }] } } } } },
    { name: "value from an env var set elsewhere", manifest: api(["--profiling=$(PROF)"], { env: [{ name: "PROF", valueFrom: { configMapKeyRef: { name: "x", key: "y" } } }] }) },
    { name: "value from a literal env var", manifest: api(["--profiling=$(PROF)"], { env: [{ name: "PROF", value: "false" }] }) },
    { name: "more arguments from a shell variable may set it", manifest: api([], { command: ["/bin/sh", "-c", "exec kube-apiserver --secure-port=6443 $EXTRA_ARGS"] }) },
    { name: "command is a string (wrong type)", manifest: api([], { command: "kube-apiserver" }) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "unset", path: CMD, container: "kube-apiserver", line: 12 }] },
    { name: "kubeadm default", manifest: api(K), errors: [{ messageId: "unset", path: CMD }] },
    { name: "explicit true", manifest: api(withFlag(K, "profiling", "true")), errors: [{ messageId: "value", path: cmd(K.length) }] },
    { name: "bare --profiling", manifest: api(["--profiling"]), errors: [{ messageId: "value", path: cmd(0) }] },
    { name: "last occurrence wins", manifest: api(["--profiling=false", "--profiling=true"]), errors: [{ messageId: "value", path: cmd(1) }] },
    { name: "--profiling false: a boolean does not take the next argument", manifest: api(["--profiling", "false"]), errors: [{ messageId: "value", path: cmd(0) }] },
    { name: "flags in args only", manifest: api([], { command: undefined, args: ["--secure-port=6443"] }), errors: [{ messageId: "unset", path: "spec.containers[0].args" }] },
    { name: "hyperkube", manifest: api([], { command: ["/hyperkube", "apiserver", "--profiling=true"] }), errors: [{ messageId: "value", path: "spec.containers[0].command[2]" }] },
    { name: "shell script", manifest: api([], { command: ["/bin/sh", "-c", "kube-apiserver --profiling=true"] }), errors: [{ messageId: "value", path: "spec.containers[0].command[2]" }] },
  ],
});
