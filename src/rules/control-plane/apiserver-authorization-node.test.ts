import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_APISERVER_FLAGS as K, cmd, staticPod, without } from "./_pods.js";
import rule from "./apiserver-authorization-node.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm", manifest: api(K) },
    { name: "structured authorization configuration (file not visible)", manifest: api(["--authorization-config=/etc/kubernetes/authz.yaml"]) },
    { name: "--flag value form", manifest: api(["--authorization-mode", "Webhook,Node"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "value", path: cmd(0), container: "kube-apiserver", line: 13 }] },
    { name: "not set: AlwaysAllow only", manifest: api(without(K, "authorization-mode")), errors: [{ messageId: "unset", path: CMD }] },
    { name: "AlwaysAllow", manifest: api(["--authorization-mode=AlwaysAllow"]), errors: [{ messageId: "value", path: cmd(0) }] },
    { name: "lower case is not the mode", manifest: api(["--authorization-mode=node,rbac"]), errors: [{ messageId: "value", path: cmd(0) }] },
  ],
});
