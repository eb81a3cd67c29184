import { defineRule } from "../../engine/rule-types.js";
import { matchesRegistryPattern, parseImage } from "../../model/image.js";
import { type JsonObject, isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";
import { Workload } from "../../model/workload.js";

// Agent Sandbox (kubernetes-sigs/agent-sandbox) SandboxTemplate, extensions.agents.x-k8s.io: the pod template
// is spec.podTemplate; spec.networkPolicyManagement is Managed (default) or Unmanaged; with Managed and no
// spec.networkPolicy the controller applies its default policy, which allows egress to the public internet;
// a spec.networkPolicy with an empty egress list denies all egress.
export default defineRule({
  id: "agent-sandbox-hardening",
  title: "Agent Sandbox template not hardened",
  rationale:
    "An Agent Sandbox runs code that an AI agent wrote or downloaded — untrusted by definition. The SandboxTemplate is where " +
    "that code is contained: a hardened runtime (gVisor, Kata) between it and the node's kernel, an egress policy that limits " +
    "where it can send data, CPU and memory ceilings, and images that are pinned and come from registries you trust.",
  attack:
    "Code running in the sandbox (a prompt-injected agent, a malicious package it installed) uses a kernel exploit to escape " +
    "a plain runc container, uploads the data and credentials it can reach to any host on the internet, mines cryptocurrency " +
    "until the node starves, or runs an image whose `latest` tag an attacker has replaced.",
  remediation:
    "Set `spec.podTemplate.spec.runtimeClassName` to a sandboxed runtime (for example gvisor), keep `networkPolicyManagement: " +
    "Managed` and give `spec.networkPolicy.egress` rules whose `to` names only the destinations the agent needs, set " +
    "`resources.limits.cpu` and `memory` on every container, and reference images by version tag or digest from an approved registry.",
  example: {
    insecure: `apiVersion: extensions.agents.x-k8s.io/v1beta1
kind: SandboxTemplate
metadata:
  name: python
spec:
  podTemplate:
    spec:
      containers:
        - name: runtime
          image: python
`,
    secure: `apiVersion: extensions.agents.x-k8s.io/v1beta1
kind: SandboxTemplate
metadata:
  name: python
spec:
  networkPolicy:
    egress:
      - to:
          - ipBlock:
              cidr: 203.0.113.10/32
  podTemplate:
    spec:
      runtimeClassName: gvisor
      containers:
        - name: runtime
          image: python:3.13-slim
          resources:
            limits:
              cpu: "1"
              memory: 1Gi
`,
  },
  messages: {
    noRuntimeClass: "SandboxTemplate '{{name}}' sets no runtimeClassName, so sandboxes run in an ordinary container sharing the node's kernel",
    runtimeNotHardened: "SandboxTemplate '{{name}}' uses runtimeClassName '{{runtime}}', which is not one of the hardened runtimes ({{allowed}})",
    unmanagedNetwork: "SandboxTemplate '{{name}}' sets networkPolicyManagement: Unmanaged, so the controller creates no NetworkPolicy for its sandboxes",
    defaultEgress: "SandboxTemplate '{{name}}' has no networkPolicy: the controller's default policy lets sandboxes reach any address on the public internet",
    openEgress: "SandboxTemplate '{{name}}' has an egress rule that {{why}}",
    missingLimits: "Container '{{container}}' of SandboxTemplate '{{name}}' has no {{missing}} limit",
    imageNotPinned: "Container '{{container}}' of SandboxTemplate '{{name}}' uses image '{{image}}' {{why}}",
    registryNotAllowed: "Container '{{container}}' of SandboxTemplate '{{name}}' uses image '{{image}}' from a registry that is not allowed ({{allowed}})",
  },
  check(ctx) {
    const r = ctx.resource;
    if (!/(^|\.)agents\.x-k8s\.io\//.test(r.apiVersion)) return;
    const name = r.name;
    const spec = isObject(r.object.spec) ? r.object.spec : {};
    const template = isObject(spec.podTemplate) ? spec.podTemplate : {};
    const podSpec = isObject(template.spec) ? template.spec : {};
    const podMeta = isObject(template.metadata) ? template.metadata : {};
    const w = new Workload(r, ["spec", "podTemplate", "spec"], ["spec", "podTemplate", "metadata"], podSpec, podMeta);

    // Runtime class
    const hardened = ctx.params.strings("hardenedRuntimeClasses").map((s) => s.trim().toLowerCase()).filter((s) => s !== "");
    if (hardened.length > 0) {
      const runtime = podSpec.runtimeClassName;
      const path = w.at("runtimeClassName");
      if (typeof runtime !== "string" || runtime.trim() === "") {
        ctx.report({ messageId: "noRuntimeClass", data: { name }, path });
      } else if (!hardened.some((h) => runtime.toLowerCase().includes(h))) {
        ctx.report({ messageId: "runtimeNotHardened", data: { name, runtime, allowed: hardened.join(", ") }, path });
      }
    }

    // Network
    if (spec.networkPolicyManagement === "Unmanaged") {
      ctx.report({ messageId: "unmanagedNetwork", data: { name }, path: ["spec", "networkPolicyManagement"] });
    } else if (spec.networkPolicy === undefined || spec.networkPolicy === null) {
      ctx.report({ messageId: "defaultEgress", data: { name }, path: ["spec", "networkPolicy"] });
    } else if (isObject(spec.networkPolicy)) {
      asArray(spec.networkPolicy.egress).forEach((rule, i) => {
        const why = openEgress(rule);
        if (why) ctx.report({ messageId: "openEgress", data: { name, why }, path: ["spec", "networkPolicy", "egress", i] });
      });
    }

    // Resource ceilings
    for (const c of w.containers) {
      if (c.type === "ephemeralContainers") continue;
      const resources = isObject(c.spec.resources) ? c.spec.resources : {};
      const limits = isObject(resources.limits) ? resources.limits : undefined;
      const missing = ["cpu", "memory"].filter((k) => !hasValue(limits?.[k]));
      if (missing.length === 0) continue;
      ctx.report({
        messageId: "missingLimits",
        data: { name, container: c.name, missing: missing.join(" or ") },
        path: limits ? [...c.path, "resources", "limits", missing[0]!] : [...c.path, "resources", "limits"],
        container: c,
      });
    }

    // Images
    const allowed = ctx.params.strings("allowedRegistries").map((s) => s.trim()).filter((s) => s !== "");
    for (const c of w.containers) {
      const image = c.spec.image;
      if (typeof image !== "string" || image.trim() === "") continue;
      const ref = parseImage(image);
      if (ref.templated) continue;
      const path = [...c.path, "image"];
      if (ref.digest === undefined && (ref.tag === undefined || ref.tag === "latest")) {
        ctx.report({
          messageId: "imageNotPinned",
          data: { name, container: c.name, image, why: ref.tag === undefined ? "without a tag (that is, latest)" : "with the mutable tag latest" },
          path,
          container: c,
        });
      }
      if (allowed.length > 0 && !allowed.some((p) => matchesRegistryPattern(ref, p))) {
        ctx.report({ messageId: "registryNotAllowed", data: { name, container: c.name, image, allowed: allowed.join(", ") }, path, container: c });
      }
    }
  },
});

function hasValue(v: unknown): boolean {
  return v !== undefined && v !== null && v !== "";
}

/** Why an egress rule reaches more than named destinations, or undefined when every peer is scoped. */
function openEgress(rule: unknown): string | undefined {
  if (!isObject(rule)) return undefined;
  const to = rule.to;
  if (!Array.isArray(to) || to.length === 0) return "has no 'to' peers, so it allows traffic to any destination";
  for (const peer of to) {
    if (!isObject(peer)) continue;
    if (!scopedPeer(peer)) return "has a peer that matches any address or every pod (0.0.0.0/0, ::/0 or an empty selector)";
  }
  return undefined;
}

function scopedPeer(peer: JsonObject): boolean {
  if (isObject(peer.ipBlock)) {
    const cidr = peer.ipBlock.cidr;
    return typeof cidr === "string" && cidr.trim() !== "" && !["0.0.0.0/0", "::/0"].includes(cidr.trim());
  }
  const selectorSet = (s: unknown) =>
    isObject(s) && ((isObject(s.matchLabels) && Object.keys(s.matchLabels).length > 0) || asArray(s.matchExpressions).length > 0);
  return selectorSet(peer.podSelector) || selectorSet(peer.namespaceSelector);
}
