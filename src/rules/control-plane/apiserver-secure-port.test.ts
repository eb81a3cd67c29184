import { ruleTester } from "../../testing/rule-tester.js";
import { KUBEADM_APISERVER_FLAGS as K, cmd, staticPod } from "./_pods.js";
import rule from "./apiserver-secure-port.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm", manifest: api(K) },
    { name: "unset (default 6443)", manifest: api([]) },
    { name: "scheduler with --secure-port=0 is not an API server", manifest: staticPod("kube-scheduler", ["--secure-port=0"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "off", path: cmd(0), line: 13 }] },
    { name: "--secure-port 0", manifest: api(["--secure-port", "0"]), errors: [{ messageId: "off", path: cmd(0) }] },
    { name: "last occurrence wins", manifest: api(["--secure-port=6443", "--secure-port=0"]), errors: [{ messageId: "off", path: cmd(1) }] },
  ],
});
