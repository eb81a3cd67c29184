import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { truthy } from "../../model/values.js";

// Pod Security Admission `hostNamespaces` (all policy versions), the hostNetwork part: `spec.hostNetwork` must
// be unset or false. Windows pods are not exempt.
export default defineRule({
  id: "host-network",
  title: "Host network namespace",
  rationale:
    "Normally each pod gets its own network namespace: its own interfaces, its own localhost, its own ports. With " +
    "`hostNetwork: true` the pod uses the node's network stack directly, so it can listen on the node's ports, talk " +
    "to services that only listen on the node's localhost (the kubelet, metadata proxies, databases of other " +
    "tenants' hostNetwork pods) and see the node's traffic. NetworkPolicies do not isolate it.",
  attack:
    "An attacker in a hostNetwork pod reaches node-local services that trust localhost, sniffs or spoofs traffic " +
    "on the node's interfaces, and slips past NetworkPolicies to reach the rest of the cluster from the node's address.",
  remediation:
    "Remove `hostNetwork: true` (or set it to false) and expose the application through a Service. Only node " +
    "agents such as CNI plugins or node-level proxies need the node's network; run those in a separate, reviewed namespace.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostNetwork: true
  containers:
    - name: web
      image: nginx:1.27
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostNetwork: false
  containers:
    - name: web
      image: nginx:1.27
`,
  },
  messages: {
    hostNetwork: "The pod shares the node's network namespace (hostNetwork: true)",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w || !truthy(w.podSpec.hostNetwork)) return;
    const path = w.at("hostNetwork");
    ctx.report({
      messageId: "hostNetwork",
      path,
      fix: fixes.set(path, false, {
        description: "Set hostNetwork to false",
        safety: "unsafe",
        note: "The pod gets its own IP address: clients that reached it on the node's address and port, and anything it reached on the node's localhost, stop working. Expose it through a Service first.",
      }),
    });
  },
});
