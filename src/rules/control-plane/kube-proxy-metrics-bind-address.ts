import { defineRule } from "../../engine/rule-types.js";
import { getIn } from "../../model/types.js";
import { flag, invocations, isLoopback, isSet, replaceFlagFix } from "./_flags.js";

// CIS 4.3.1. kube-proxy serves metrics on 127.0.0.1:10249 by default (flag and KubeProxyConfiguration); "" turns the
// endpoint off (1.29+ docs). kube-proxy ignores --metrics-bind-address when --config is given (the file decides; in
// kubeadm clusters a ConfigMap the workload mounts), so such a workload is not judged. Also read from a
// KubeProxyConfiguration object (metricsBindAddress, and the list form metricsBindAddresses where it exists).
export default defineRule({
  id: "kube-proxy-metrics-bind-address",
  title: "kube-proxy metrics exposed on the network",
  rationale:
    "kube-proxy's metrics endpoint has no authentication. Its metrics describe the cluster's Services, endpoints and " +
    "sync activity. Bound to 0.0.0.0 or a node address instead of 127.0.0.1, it is readable by anyone who reaches the node.",
  attack: "An attacker inside any pod or on the node network scrapes port 10249 of every node, mapping Services and traffic patterns for the next step of an attack, without credentials or audit trail.",
  remediation:
    "Leave metricsBindAddress at its default (127.0.0.1:10249) in the KubeProxyConfiguration (or --metrics-bind-address), " +
    "and let monitoring scrape it through an authenticated proxy or a node-local agent.",
  example: {
    insecure: `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
metricsBindAddress: 0.0.0.0:10249
`,
    secure: `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
metricsBindAddress: 127.0.0.1:10249
`,
  },
  messages: {
    exposed: "kube-proxy ({{where}}) binds its unauthenticated metrics endpoint to {{value}}, reachable from the network",
  },
  check(ctx) {
    const r = ctx.resource;
    if (r.kind === "KubeProxyConfiguration") {
      if (!r.apiVersion.startsWith("kubeproxy.config.k8s.io/")) return;
      const single = getIn(r.object, ["metricsBindAddress"]);
      if (typeof single === "string" && single.trim() !== "" && !isLoopback(single)) {
        ctx.report({ messageId: "exposed", data: { where: "KubeProxyConfiguration", value: single }, path: ["metricsBindAddress"] });
      }
      const list = getIn(r.object, ["metricsBindAddresses"]);
      if (Array.isArray(list)) {
        list.forEach((a, i) => {
          if (typeof a === "string" && a.trim() !== "" && !isLoopback(a)) {
            ctx.report({ messageId: "exposed", data: { where: "KubeProxyConfiguration", value: a }, path: ["metricsBindAddresses", i] });
          }
        });
      }
      return;
    }
    for (const inv of invocations(ctx, "kube-proxy")) {
      if (isSet(inv, "config")) continue;
      const f = flag(inv, "metrics-bind-address");
      if (!f || !f.known || f.value.trim() === "" || isLoopback(f.value)) continue;
      const fix = replaceFlagFix(f, "127.0.0.1:10249", { description: "Bind kube-proxy metrics to 127.0.0.1:10249", safety: "unsafe", note: "Monitoring that scrapes :10249 from other hosts stops working; scrape through a node-local agent or an authenticated proxy." });
      ctx.report({ messageId: "exposed", data: { where: `container '${inv.container.name}'`, value: f.value }, path: f.path, container: inv.container, ...(fix ? { fix } : {}) });
    }
  },
});
