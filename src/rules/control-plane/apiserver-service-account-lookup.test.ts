import { ruleTester } from "../../testing/rule-tester.js";
import { KUBEADM_APISERVER_FLAGS as K, cmd, staticPod, withFlag } from "./_pods.js";
import rule from "./apiserver-service-account-lookup.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm (default true)", manifest: api(K) },
    { name: "bare flag", manifest: api(["--service-account-lookup"]) },
    { name: "false, then true", manifest: api(["--service-account-lookup=false", "--service-account-lookup=true"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "value", path: cmd(0), line: 13 }] },
    { name: "kubeadm with false", manifest: api(withFlag(K, "service-account-lookup", "false")), errors: [{ messageId: "value", path: cmd(K.length) }] },
    { name: "value f", manifest: api(["--service-account-lookup=f"]), errors: [{ messageId: "value", path: cmd(0) }] },
  ],
});
