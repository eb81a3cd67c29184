import { ruleTester } from "../../testing/rule-tester.js";
import { KUBEADM_APISERVER_FLAGS as K, cmd, staticPod } from "./_pods.js";
import rule from "./apiserver-always-admit.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm", manifest: api(K) },
    { name: "enabled, then disabled", manifest: api(["--enable-admission-plugins=AlwaysAdmit", "--disable-admission-plugins=AlwaysAdmit"]) },
    { name: "AlwaysAdmitX is another name", manifest: api(["--enable-admission-plugins=AlwaysAdmitX"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "on", path: cmd(0), container: "kube-apiserver", line: 13 }] },
    { name: "legacy --admission-control", manifest: api(["--admission-control", "AlwaysAdmit"]), errors: [{ messageId: "on", path: cmd(0) }] },
    { name: "second occurrence of the list", manifest: api(["--enable-admission-plugins=NodeRestriction", "--enable-admission-plugins=AlwaysAdmit"]), errors: [{ messageId: "on", path: cmd(1) }] },
  ],
});
