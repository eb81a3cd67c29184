import { ruleTester } from "../../testing/rule-tester.js";
import { KUBEADM_APISERVER_FLAGS as K, cmd, staticPod } from "./_pods.js";
import rule from "./apiserver-request-timeout.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm (default 60s)", manifest: api(K) },
    { name: "5 minutes", manifest: api(["--request-timeout=5m"]) },
    { name: "2m30s", manifest: api(["--request-timeout", "2m30s"]) },
    { name: "not a duration (the API server would not start)", manifest: api(["--request-timeout=300"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "long", path: cmd(0), container: "kube-apiserver", line: 13 }] },
    { name: "301s", manifest: api(["--request-timeout=301s"]), errors: [{ messageId: "long", path: cmd(0) }] },
    { name: "--flag value form, 1h0m0s", manifest: api(["--request-timeout", "1h0m0s"]), errors: [{ messageId: "long", path: cmd(0) }] },
  ],
});
