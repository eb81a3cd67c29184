import { ruleTester } from "../../testing/rule-tester.js";
import { KUBEADM_APISERVER_FLAGS as K, cmd, staticPod } from "./_pods.js";
import rule from "./apiserver-audit-log-maxsize.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);
const log = "--audit-log-path=/var/log/kubernetes/audit/audit.log";

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm (no audit log)", manifest: api(K) },
    { name: "not set: nothing is deleted or rotated early", manifest: api([log]) },
    { name: "0 means no limit", manifest: api([log, "--audit-log-maxsize=0"]) },
    { name: "exactly the threshold", manifest: api([log, "--audit-log-maxsize=100"]) },
    { name: "no audit log path", manifest: api(["--audit-log-maxsize=1"]) },
    { name: "audit log to standard output", manifest: api(["--audit-log-path=-", "--audit-log-maxsize=1"]) },
    { name: "a lower threshold by parameter", manifest: api([log, "--audit-log-maxsize=10"]), params: { minSizeMB: 10 } },
    { name: "not a number (the API server would not start)", manifest: api([log, "--audit-log-maxsize=many"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "low", path: cmd(1), container: "kube-apiserver", line: 14 }] },
    { name: "--flag value form", manifest: api([log, "--audit-log-maxsize", "10"]), errors: [{ messageId: "low", path: cmd(1) }] },
    { name: "a higher threshold by parameter", manifest: api([log, "--audit-log-maxsize=100"]), params: { minSizeMB: 101 }, errors: [{ messageId: "low", path: cmd(1) }] },
  ],
});
