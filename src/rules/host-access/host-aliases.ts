import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";

// `spec.hostAliases` with at least one entry (kubesec HostAliases, Trivy KSV007). An empty list or null adds nothing
// to /etc/hosts and is not reported; a value of the wrong type (the API server refuses it) is reported, so that a
// malformed manifest is not called safe. The message names the host names the entries redirect.
export default defineRule({
  id: "host-aliases",
  title: "hostAliases set",
  rationale:
    "`hostAliases` writes extra lines into the pod's /etc/hosts, so the listed names resolve to fixed addresses without " +
    "asking DNS. The override is invisible to anyone who looks at DNS or its logs, survives DNS changes, and is easy to " +
    "miss in a review.",
  attack:
    "Someone who can change the manifest (or a compromised chart) adds an entry that maps a trusted name, such as a payment " +
    "API or the image registry, to an address they control, and the pod silently sends its traffic and credentials there.",
  remediation:
    "Remove `hostAliases` and publish the names through DNS instead (a Service, an ExternalName Service or the cluster's " +
    "DNS configuration), where the mapping is visible and managed in one place.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostAliases:
    - ip: "10.0.0.5"
      hostnames: ["api.payments.example"]
  containers:
    - name: web
      image: registry.example/web:1.0
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
`,
  },
  messages: {
    hostAliases: "The pod adds entries to /etc/hosts with hostAliases ({{hosts}}), bypassing cluster DNS",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    const v = w.podSpec.hostAliases;
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return;
    const hosts: string[] = [];
    for (const entry of Array.isArray(v) ? v : [v]) {
      if (!isObject(entry)) continue;
      const names = Array.isArray(entry.hostnames) ? entry.hostnames.map(String) : [];
      const ip = entry.ip === undefined || entry.ip === null ? "?" : String(entry.ip);
      hosts.push(`${names.length > 0 ? names.join(", ") : "no host name"} → ${ip}`);
    }
    const path = w.at("hostAliases");
    ctx.report({
      messageId: "hostAliases",
      data: { hosts: hosts.length > 0 ? hosts.join("; ") : "malformed entries" },
      path,
      fix: fixes.remove(path, {
        description: "Remove hostAliases",
        safety: "unsafe",
        note: "The listed names resolve through DNS again; publish them there first (a Service or DNS record), or the pod may not reach them.",
      }),
    });
  },
});
