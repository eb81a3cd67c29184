import { ruleTester } from "../../testing/rule-tester.js";
import { KUBEADM_APISERVER_FLAGS as K, cmd, staticPod } from "./_pods.js";
import rule from "./apiserver-basic-auth-file.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm", manifest: api(K) },
    { name: "on another component", manifest: staticPod("kube-scheduler", ["--basic-auth-file=/p.csv"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "set", path: cmd(0), line: 13 }] },
    { name: "on an old cluster", manifest: api(["--basic-auth-file", "/etc/kubernetes/basic.csv"]), kubeVersion: "1.16", errors: [{ messageId: "set", path: cmd(0) }] },
  ],
});
