import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray, asInt } from "../../model/values.js";
import { isHelmTestHook } from "./_availability.js";

// Runs on workloads whose pods use the cluster DNS resolver, which Kubernetes configures with ndots:5:
// dnsPolicy ClusterFirst (the default) or ClusterFirstWithHostNet. Pods with dnsPolicy Default or None, and
// hostNetwork pods without ClusterFirstWithHostNet (which fall back to Default), do not get ndots:5 and are
// not checked. Reported when `dnsConfig.options` has no ndots, or an ndots above the configured value
// (`ndots`, "2" by default: a lower value only means fewer search-domain lookups).
export default defineRule({
  id: "dns-config-ndots",
  title: "DNS ndots not set",
  rationale:
    "Kubernetes gives pods a resolver configuration with `ndots:5`: any name with fewer than five dots (api.example.com " +
    "included) is first tried with every cluster search domain appended. Each external lookup becomes four or more queries, " +
    "loading the cluster DNS and adding latency, and a name may resolve to an unexpected in-cluster or search-domain record.",
  attack:
    "An attacker who can create a Service or a DNS record under one of the search domains (for example a Service named like " +
    "an external host's first label in the pod's namespace) gets lookups meant for an external host answered with their address.",
  remediation:
    "Add `dnsConfig.options: [{name: ndots, value: \"2\"}]` (or the value your organisation uses) to the pod template, and use " +
    "fully qualified names with a trailing dot for external hosts where possible.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  dnsConfig:
    options:
      - name: ndots
        value: "2"
  containers:
    - name: web
      image: registry.example/web:1.0
`,
  },
  messages: {
    missing: "dnsConfig sets no ndots option, so the pod resolves names with ndots:5 and most external lookups go through every search domain first",
    tooHigh: "dnsConfig sets ndots to {{value}}, above {{ndots}}, so external lookups go through the search domains first",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w || isHelmTestHook(ctx.resource)) return;
    const policy = w.podSpec.dnsPolicy ?? "ClusterFirst";
    if (policy === "Default" || policy === "None") return;
    if (w.podSpec.hostNetwork === true && policy !== "ClusterFirstWithHostNet") return;
    // The catalogue gives the parameter as a string ("2"); a number from a config file is read too.
    const raw = ctx.params.raw("ndots");
    const ndots = typeof raw === "number" || (typeof raw === "string" && raw.trim() !== "") ? String(raw).trim() : "2";
    const dnsConfig = w.podSpec.dnsConfig;
    const options = isObject(dnsConfig) ? dnsConfig.options : undefined;
    const list = asArray(options);
    const index = list.findIndex((o) => isObject(o) && o.name === "ndots");
    const entry = list[index];
    if (index < 0 || !isObject(entry)) {
      const optionsPath = w.at("dnsConfig", "options");
      const option = { name: "ndots", value: ndots };
      const info = {
        description: `Set the ndots resolver option to ${ndots}`,
        safety: "unsafe" as const,
        note: "Names with fewer dots are then tried as absolute names first: check that the application does not rely on short " +
          "names with dots (such as service.namespace) resolving through the search domains first.",
      };
      const fix = Array.isArray(options)
        ? fixes.ops([{ op: "append", path: optionsPath, value: option }], info)
        : dnsConfig === undefined || dnsConfig === null || (isObject(dnsConfig) && (options === undefined || options === null))
          ? fixes.set(optionsPath, [option], info)
          : undefined;
      ctx.report({ messageId: "missing", path: optionsPath, ...(fix ? { fix } : {}) });
      return;
    }
    const have = asInt(entry.value);
    const limit = asInt(ndots);
    if (have === undefined || limit === undefined || have <= limit) return;
    ctx.report({ messageId: "tooHigh", data: { value: have, ndots: limit }, path: w.at("dnsConfig", "options", index, "value") });
  },
});
