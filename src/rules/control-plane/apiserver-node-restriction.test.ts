import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_APISERVER_FLAGS as K, cmd, staticPod, withFlag } from "./_pods.js";
import rule from "./apiserver-node-restriction.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);
const enabled = withFlag(K, "enable-admission-plugins", "NodeRestriction,NodeRestriction");

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm plus the plugin", manifest: api(enabled) },
    { name: "kubeadm", manifest: api(K) },
    { name: "second occurrence of the list flag appends", manifest: api(["--enable-admission-plugins=NodeRestriction", "--enable-admission-plugins=NodeRestriction"]) },
    { name: "--flag value form with spaces", manifest: api(["--enable-admission-plugins", "NodeRestriction, NodeRestriction"]) },
    { name: "legacy --admission-control list", manifest: api(["--admission-control=NamespaceLifecycle,NodeRestriction"]) },
    { name: "list from an env var set elsewhere", manifest: staticPod("kube-apiserver", ["--enable-admission-plugins=$(P)"], { container: { env: [{ name: "P", valueFrom: { configMapKeyRef: { name: "c", key: "k" } } }] } }) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "off", path: CMD, container: "kube-apiserver", line: 12 }] },
    { name: "enabled and disabled: disable wins", manifest: api([...enabled, "--disable-admission-plugins=NodeRestriction"]), errors: [{ messageId: "off", path: cmd(enabled.length) }] },
    { name: "legacy list without it", manifest: api(["--admission-control=NamespaceLifecycle,ServiceAccount"]), errors: [{ messageId: "off", path: cmd(0) }] },
    { name: "kubeadm's list replaced by another", manifest: api(withFlag(K, "enable-admission-plugins", "PodNodeSelector")), errors: [{ messageId: "off", path: cmd(K.length - 1) }] },
    { name: "case matters", manifest: api(["--enable-admission-plugins=noderestriction"]), errors: [{ messageId: "off", path: cmd(0) }] },
  ],
});
