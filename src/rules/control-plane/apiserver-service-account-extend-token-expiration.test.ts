import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_APISERVER_FLAGS as K, cmd, staticPod, withFlag } from "./_pods.js";
import rule from "./apiserver-service-account-extend-token-expiration.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm with false", manifest: api(withFlag(K, "service-account-extend-token-expiration", "false")) },
    { name: "Kubernetes 1.18 has no such flag", manifest: api(K), kubeVersion: "1.18" },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "unset", path: CMD, line: 12 }] },
    { name: "kubeadm default", manifest: api(K), errors: [{ messageId: "unset", path: CMD }] },
    { name: "explicit true", manifest: api(["--service-account-extend-token-expiration=true"]), errors: [{ messageId: "value", path: cmd(0) }] },
  ],
});
