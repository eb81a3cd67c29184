import { defineRule } from "../../engine/rule-types.js";
import { getIn } from "../../model/types.js";
import { featureGate } from "./_flags.js";
import { KUBELET, boolOf, isKubeletConfiguration, kubeletConfigYaml, kubeletData, kubeletSources } from "./_kubelet.js";

// CIS 4.2.11. Reported: the RotateKubeletServerCertificate feature gate turned off (it is on by default), or
// serverTLSBootstrap / --rotate-server-certificates explicitly false. A missing serverTLSBootstrap is not reported:
// a kubelet may get its serving certificate from elsewhere (kubelet-tls-cert covers self-signed ones).
export default defineRule({
  id: "kubelet-rotate-server-certificate",
  title: "Kubelet serving certificate rotation turned off",
  rationale:
    "With serverTLSBootstrap: true and the RotateKubeletServerCertificate feature (on by default), the kubelet requests " +
    "its serving certificate from the cluster CA and renews it before it expires. Turning either off leaves the kubelet " +
    "with a certificate that is never renewed.",
  attack: "A kubelet serving key that leaks (from a node image or backup) remains usable for impersonating the kubelet until a distant expiry.",
  remediation: "Set `serverTLSBootstrap: true` in the kubelet's configuration file and remove `RotateKubeletServerCertificate: false` from its featureGates (or the equivalent flags).",
  example: {
    insecure: kubeletConfigYaml({ serverTLSBootstrap: false }),
    secure: kubeletConfigYaml({ serverTLSBootstrap: true }),
  },
  messages: {
    gate: "The kubelet ({{where}}) turns off the RotateKubeletServerCertificate feature gate, so its serving certificate is not rotated",
    off: "The kubelet ({{where}}) sets {{setting}} to {{value}}, so its serving certificate is not rotated",
  },
  check(ctx) {
    for (const src of kubeletSources(ctx)) {
      const container = src.container ? { container: src.container } : {};
      const where = src.container ? `container '${src.container.name}'` : "KubeletConfiguration";
      if (src.source === "config" && isKubeletConfiguration(ctx)) {
        const path = ["featureGates", "RotateKubeletServerCertificate"];
        if (boolOf(getIn(ctx.resource.object, path)) === false) ctx.report({ messageId: "gate", data: { where }, path });
      } else if (src.invocation) {
        const g = featureGate(src.invocation, "RotateKubeletServerCertificate");
        if (g && !g.value) ctx.report({ messageId: "gate", data: { where }, path: g.from.path, ...container });
      }
      const boot = src.get(KUBELET.serverTLSBootstrap);
      if (boot?.explicit && boolOf(boot.value) === false) ctx.report({ messageId: "off", data: kubeletData(boot), path: boot.path, ...container });
    }
  },
});
