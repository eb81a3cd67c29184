import { ruleTester } from "../../testing/rule-tester.js";
import { KUBEADM_APISERVER_FLAGS as K, cmd, staticPod } from "./_pods.js";
import rule from "./apiserver-insecure-bind-address.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm", manifest: api(K) },
    { name: "loopback (the default)", manifest: api(["--insecure-bind-address=127.0.0.1"]) },
    { name: "insecure port off", manifest: api(["--insecure-bind-address=0.0.0.0", "--insecure-port=0"]) },
    { name: "the secure --bind-address is another setting", manifest: api(["--bind-address=0.0.0.0"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "set", path: cmd(0), line: 13 }] },
    { name: "node address with the default port (1.18)", manifest: api(["--insecure-bind-address", "10.0.0.5"]), kubeVersion: "1.18", errors: [{ messageId: "set", path: cmd(0) }] },
    { name: "explicit insecure port", manifest: api(["--insecure-port=8080", "--insecure-bind-address=0.0.0.0"]), errors: [{ messageId: "set", path: cmd(1) }] },
  ],
});
