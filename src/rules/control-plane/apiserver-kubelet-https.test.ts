import { ruleTester } from "../../testing/rule-tester.js";
import { KUBEADM_APISERVER_FLAGS as K, cmd, staticPod, withFlag } from "./_pods.js";
import rule from "./apiserver-kubelet-https.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "not set (default true)", manifest: api(K) },
    { name: "not set on an old cluster", manifest: api(K), kubeVersion: "1.18" },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "value", path: cmd(0), line: 13 }] },
    { name: "false on a 1.20 cluster", manifest: api(withFlag(K, "kubelet-https", "false")), kubeVersion: "1.20", errors: [{ messageId: "value", path: cmd(K.length) }] },
    { name: "--kubelet-https=0", manifest: api(["--kubelet-https=0"]), errors: [{ messageId: "value", path: cmd(0) }] },
  ],
});
