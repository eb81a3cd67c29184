import { ruleTester } from "../../testing/rule-tester.js";
import { KUBEADM_APISERVER_FLAGS as K, cmd, flagPath, staticPod } from "./_pods.js";
import rule from "./apiserver-token-auth-file.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm", manifest: api(K) },
    { name: "empty value", manifest: api(["--token-auth-file="]) },
    { name: "a similar flag", manifest: api(["--token-auth-file-x=/f"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "set", path: cmd(0), container: "kube-apiserver", line: 13 }] },
    { name: "kubeadm plus a token file", manifest: api([...K, "--token-auth-file=/etc/kubernetes/known_tokens.csv"]), errors: [{ messageId: "set", path: flagPath([...K, "--token-auth-file=/x"], "token-auth-file") }] },
    { name: "--flag value form", manifest: api(["--token-auth-file", "/t.csv"]), errors: [{ messageId: "set", path: cmd(0) }] },
  ],
});
