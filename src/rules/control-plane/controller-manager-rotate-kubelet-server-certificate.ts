import { defineRule } from "../../engine/rule-types.js";
import { featureGate, invocations } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.3.6. The RotateKubeletServerCertificate feature gate is on by default (beta since 1.12): only an explicit
// RotateKubeletServerCertificate=false in --feature-gates is reported.
export default defineRule({
  id: "controller-manager-rotate-kubelet-server-certificate",
  title: "Kubelet serving certificate rotation turned off",
  rationale:
    "With the RotateKubeletServerCertificate feature (on by default), kubelets request their serving certificates from the " +
    "cluster and renew them before they expire. Turning the feature gate off on the controller manager stops that " +
    "process, so kubelets keep long-lived or self-signed serving certificates.",
  attack: "A kubelet serving key that leaked (from a node backup or disk image) stays usable for impersonating that node's kubelet until its long expiry, since it is never replaced.",
  remediation: "Remove `RotateKubeletServerCertificate=false` from `--feature-gates` of the kube-controller-manager command.",
  example: {
    insecure: staticPodYaml("kube-controller-manager", ["--feature-gates=RotateKubeletServerCertificate=false"]),
    secure: staticPodYaml("kube-controller-manager", ["--feature-gates=RotateKubeletServerCertificate=true"]),
  },
  messages: {
    off: "kube-controller-manager in container '{{container}}' turns off the RotateKubeletServerCertificate feature gate, so kubelet serving certificates are not rotated",
  },
  check(ctx) {
    for (const inv of invocations(ctx, "kube-controller-manager")) {
      const g = featureGate(inv, "RotateKubeletServerCertificate");
      if (g && !g.value) ctx.report({ messageId: "off", data: { container: inv.container.name }, path: g.from.path, container: inv.container });
    }
  },
});
