import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_APISERVER_FLAGS as K, cmd, flagPath, staticPod, withFlag } from "./_pods.js";
import rule from "./apiserver-deny-service-external-ips.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);
const enabled = withFlag(K, "enable-admission-plugins", "NodeRestriction,DenyServiceExternalIPs");

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm plus the plugin", manifest: api(enabled) },
    { name: "second occurrence of the list flag appends", manifest: api(["--enable-admission-plugins=NodeRestriction", "--enable-admission-plugins=DenyServiceExternalIPs"]) },
    { name: "--flag value form with spaces", manifest: api(["--enable-admission-plugins", "NodeRestriction, DenyServiceExternalIPs"]) },
    { name: "legacy --admission-control list", manifest: api(["--admission-control=NamespaceLifecycle,DenyServiceExternalIPs"]) },
    { name: "list from an env var set elsewhere", manifest: staticPod("kube-apiserver", ["--enable-admission-plugins=$(P)"], { container: { env: [{ name: "P", valueFrom: { configMapKeyRef: { name: "c", key: "k" } } }] } }) },
    { name: "Kubernetes 1.20 has no such plugin", manifest: api(K), kubeVersion: "1.20" },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "off", path: cmd(0), container: "kube-apiserver", line: 13 }] },
    { name: "no admission flags at all", manifest: api([]), errors: [{ messageId: "off", path: CMD }] },
    { name: "kubeadm (only NodeRestriction)", manifest: api(K), errors: [{ messageId: "off", path: flagPath(K, "enable-admission-plugins") }] },
    { name: "enabled and disabled: disable wins", manifest: api([...enabled, "--disable-admission-plugins=DenyServiceExternalIPs"]), errors: [{ messageId: "off", path: cmd(enabled.length) }] },
    { name: "legacy list without it", manifest: api(["--admission-control=NamespaceLifecycle,ServiceAccount"]), errors: [{ messageId: "off", path: cmd(0) }] },
    { name: "case matters", manifest: api(["--enable-admission-plugins=denyserviceexternalips"]), errors: [{ messageId: "off", path: cmd(0) }] },
  ],
});
