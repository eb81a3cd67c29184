import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_APISERVER_FLAGS as K, cmd, staticPod } from "./_pods.js";
import rule from "./apiserver-security-context-deny.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm: PodSecurity is on by default", manifest: api(K) },
    { name: "1.24 with PodSecurityPolicy", manifest: api(["--enable-admission-plugins=PodSecurityPolicy"]), kubeVersion: "1.22" },
    { name: "1.29 with SecurityContextDeny and PodSecurity disabled", manifest: api(["--enable-admission-plugins=SecurityContextDeny", "--disable-admission-plugins=PodSecurity"]), kubeVersion: "1.29" },
    { name: "legacy list with PodSecurity", manifest: api(["--admission-control=NamespaceLifecycle,PodSecurity"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "none", path: cmd(1), container: "kube-apiserver", line: 14 }] },
    { name: "1.22: nothing by default", manifest: api(K), kubeVersion: "1.22", errors: [{ messageId: "none", path: cmd(K.findIndex((f) => f.startsWith("--enable-admission-plugins"))) }] },
    { name: "1.21 without flags", manifest: api([]), kubeVersion: "1.21", errors: [{ messageId: "none", path: CMD }] },
    { name: "SecurityContextDeny no longer exists in 1.30", manifest: api(["--enable-admission-plugins=SecurityContextDeny", "--disable-admission-plugins=PodSecurity"]), kubeVersion: "1.30", errors: [{ messageId: "none", path: cmd(1) }] },
    { name: "legacy list without PodSecurity", manifest: api(["--admission-control=NamespaceLifecycle,ServiceAccount"]), errors: [{ messageId: "none", path: cmd(0) }] },
  ],
});
