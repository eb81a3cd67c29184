// Every control-plane rule on malformed manifests: wrong types must never make a rule throw.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { RuleModule } from "../../engine/rule-types.js";
import { runRuleOn } from "../../testing/rule-tester.js";

const dir = fileURLToPath(new URL(".", import.meta.url));
const ids = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.startsWith("_")).map((f) => f.slice(0, -3));
const rules = await Promise.all(ids.map(async (id) => (await import(`./${id}.js`)).default as RuleModule));

const pod = (container: Record<string, unknown>) => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "registry.k8s.io/etcd:3.5", ...container }] } });
const malformed: [string, object][] = [
  ["command of numbers and nulls", pod({ command: ["kube-apiserver", 1, null, { a: 1 }, ["x"], "--profiling", true] })],
  ["env is a string", pod({ command: ["etcd"], env: "ETCD_AUTO_TLS=true" })],
  ["env items without names", pod({ command: ["etcd"], env: [{ value: "x" }, "y", null, { name: 3, value: 4 }] })],
  ["empty command", pod({ command: [] })],
  ["args null", pod({ command: ["kube-proxy"], args: null })],
  ["unterminated quote in a script", pod({ command: ["sh", "-c", "kube-apiserver --a='x"] })],
  ["script of only operators", pod({ command: ["sh", "-c", ";;&&||"] })],
  ["-c without a script", pod({ command: ["sh", "-c"] })],
  ["hyperkube without a sub-command", pod({ command: ["hyperkube"] })],
  ["flag names only dashes", pod({ command: ["kubelet", "--", "-", "---", "--=", "--=x"] })],
  ["image is a number", pod({ image: 5 })],
  ["kubelet configuration of wrong types", { apiVersion: "kubelet.config.k8s.io/v1beta1", kind: "KubeletConfiguration", authentication: ["x"], authorization: "Webhook", readOnlyPort: [1], tlsCipherSuites: 7, featureGates: ["RotateKubeletServerCertificate"], eventRecordQPS: "x", podPidsLimit: {}, streamingConnectionIdleTimeout: 0, tlsMinVersion: 13 }],
  ["kube-proxy configuration of wrong types", { apiVersion: "kubeproxy.config.k8s.io/v1alpha1", kind: "KubeProxyConfiguration", metricsBindAddress: 10249, metricsBindAddresses: "0.0.0.0" }],
];

describe("control-plane rules on malformed manifests", () => {
  it.each(rules.flatMap((r) => malformed.map(([name, m]) => [`${r.id}: ${name}`, r, m] as const)))("%s", (_, rule, manifest) => {
    expect(() => runRuleOn(rule, { name: "m", manifest })).not.toThrow();
  });
});
