import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_APISERVER_FLAGS as K, cmd, flagPath, staticPod } from "./_pods.js";
import rule from "./apiserver-pod-security-policy-plugin.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);

ruleTester(rule, {
  valid: [
    { name: "kubeadm on a current cluster (PodSecurityPolicy no longer exists)", manifest: api(K) },
    { name: "no flags on 1.25", manifest: api([]), kubeVersion: "1.25" },
    { name: "enabled on 1.24", manifest: api(["--enable-admission-plugins=NodeRestriction,PodSecurityPolicy"]), kubeVersion: "1.24" },
    { name: "legacy list on 1.15", manifest: api(["--admission-control=PodSecurityPolicy,ServiceAccount"]), kubeVersion: "1.15" },
  ],
  invalid: [
    { name: "kubeadm on 1.24", manifest: api(K), kubeVersion: "1.24", errors: [{ messageId: "off", path: flagPath(K, "enable-admission-plugins"), container: "kube-apiserver", line: 21 }] },
    { name: "no flags on 1.20", manifest: api([]), kubeVersion: "1.20", errors: [{ messageId: "off", path: CMD }] },
    { name: "disabled on 1.24", manifest: api(["--enable-admission-plugins=PodSecurityPolicy", "--disable-admission-plugins=PodSecurityPolicy"]), kubeVersion: "1.24", errors: [{ messageId: "off", path: cmd(1) }] },
  ],
});
