import { ruleTester } from "../../testing/rule-tester.js";
import { cmd, staticPod } from "./_pods.js";
import rule from "./kube-proxy-metrics-bind-address.js";

const proxyConfig = (fields: Record<string, unknown>) => ({ apiVersion: "kubeproxy.config.k8s.io/v1alpha1", kind: "KubeProxyConfiguration", metadata: { name: "kp" }, ...fields });
const daemonSet = (command: string[]) => ({
  apiVersion: "apps/v1",
  kind: "DaemonSet",
  metadata: { name: "kube-proxy", namespace: "kube-system" },
  spec: { selector: { matchLabels: { k8s: "kube-proxy" } }, template: { metadata: { labels: { k8s: "kube-proxy" } }, spec: { containers: [{ name: "kube-proxy", image: "registry.k8s.io/kube-proxy:v1.35.0", command }] } } },
});

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "default", manifest: proxyConfig({}) },
    { name: "empty (metrics off)", manifest: proxyConfig({ metricsBindAddress: "" }) },
    { name: "kubeadm DaemonSet with --config (the file decides)", manifest: daemonSet(["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"]) },
    { name: "DaemonSet flags without the metrics flag (default 127.0.0.1:10249)", manifest: daemonSet(["kube-proxy", "--v=2"]) },
    { name: "loopback list", manifest: proxyConfig({ metricsBindAddresses: ["127.0.0.0/8", "::1/128"] }) },
    { name: "another group's KubeProxyConfiguration", manifest: { apiVersion: "example.com/v1", kind: "KubeProxyConfiguration", metadata: { name: "x" }, metricsBindAddress: "0.0.0.0:10249" } },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "exposed", path: "metricsBindAddress", line: 3 }] },
    { name: "all interfaces by port only", manifest: proxyConfig({ metricsBindAddress: ":10249" }), errors: [{ messageId: "exposed", path: "metricsBindAddress" }] },
    { name: "list form", manifest: proxyConfig({ metricsBindAddresses: ["127.0.0.1/32", "0.0.0.0/0"] }), errors: [{ messageId: "exposed", path: "metricsBindAddresses[1]" }] },
    { name: "DaemonSet flag", manifest: daemonSet(["kube-proxy", "--metrics-bind-address", "0.0.0.0:10249"]), errors: [{ messageId: "exposed", path: "spec.template.spec.containers[0].command[1]", container: "kube-proxy" }] },
    { name: "static Pod flag", manifest: staticPod("kube-proxy", ["--metrics-bind-address=[::]:10249"]), errors: [{ messageId: "exposed", path: cmd(0) }] },
  ],
});
