import { defineRule } from "../../engine/rule-types.js";
import { requirePlugin } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.3. The plugin exists from Kubernetes 1.21 and is off by default.
export default defineRule({
  id: "apiserver-deny-service-external-ips",
  title: "Services may set external IPs",
  rationale:
    "A Service's spec.externalIPs makes kube-proxy on every node capture traffic sent to those addresses. Kubernetes does not check who owns an address, so whoever may create or edit a Service can claim any IP, including those of other services or of the internet (CVE-2020-8554). The DenyServiceExternalIPs admission plugin rejects new uses of the field.",
  attack:
    "A user who may only manage Services in their own namespace sets externalIPs to the address of a database, a DNS server or an external API and receives the traffic that pods of the whole cluster send there: a man in the middle.",
  remediation:
    "Add DenyServiceExternalIPs to `--enable-admission-plugins` of the kube-apiserver command (Kubernetes 1.21+). Where some Services legitimately need external IPs, allow them with a policy (Kyverno, Gatekeeper, ValidatingAdmissionPolicy) instead.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--enable-admission-plugins=NodeRestriction"]),
    secure: staticPodYaml("kube-apiserver", ["--enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs"]),
  },
  messages: {
    off: "kube-apiserver in container '{{container}}' does not enable the {{plugin}} admission plugin ({{how}}), so any user who may edit Services can capture traffic with spec.externalIPs",
  },
  check(ctx) {
    requirePlugin(ctx, { plugin: "DenyServiceExternalIPs", messageId: "off", since: 21, fix: { description: "Enable DenyServiceExternalIPs", safety: "unsafe", note: "Creating or updating a Service that sets externalIPs is then rejected; check that no Service relies on them." } });
  },
});
