import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_APISERVER_FLAGS as K, cmd, staticPod, withFlag } from "./_pods.js";
import rule from "./apiserver-anonymous-auth.js";

const api = (flags: readonly string[], container?: Record<string, unknown>) => staticPod("kube-apiserver", flags, container ? { container } : {});

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm with --anonymous-auth=false", manifest: api(withFlag(K, "anonymous-auth", "false")) },
    { name: "--anonymous-auth=False", manifest: api(["--anonymous-auth=False"]) },
    { name: "structured authentication config decides (flag not given)", manifest: api(["--authentication-config=/etc/kubernetes/authn.yaml"]) },
    { name: "a kube-controller-manager is not an API server", manifest: staticPod("kube-controller-manager", ["--anonymous-auth=true"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "unset", path: CMD, container: "kube-apiserver", line: 12 }] },
    { name: "kubeadm default (anonymous auth on)", manifest: api(K), errors: [{ messageId: "unset", path: CMD }] },
    { name: "explicit true", manifest: api(["--anonymous-auth=true"]), errors: [{ messageId: "value", path: cmd(0) }] },
    { name: "explicit true with an authentication config", manifest: api(["--authentication-config=/a.yaml", "--anonymous-auth=true"]), errors: [{ messageId: "value", path: cmd(1) }] },
    { name: "--anonymous-auth false (separate) leaves it on", manifest: api(["--anonymous-auth", "false"]), errors: [{ messageId: "value", path: cmd(0) }] },
    {
      name: "two API server containers",
      manifest: { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { initContainers: [{ name: "i", image: "x", command: ["kube-apiserver"] }], containers: [{ name: "c", image: "x", command: ["kube-apiserver", "--anonymous-auth=false"] }, { name: "d", image: "x", command: ["kube-apiserver", "--anonymous-auth=1"] }] } },
      errors: [
        { messageId: "unset", path: "spec.initContainers[0].command", container: "i" },
        { messageId: "value", path: "spec.containers[1].command[1]", container: "d" },
      ],
    },
  ],
});
