import { defineRule } from "../../engine/rule-types.js";
import { admissionPlugin, admissionUnknown, invocations } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.10. AlwaysAdmit is off by default; reported when --enable-admission-plugins or the legacy
// --admission-control lists it (and --disable-admission-plugins does not).
export default defineRule({
  id: "apiserver-always-admit",
  title: "AlwaysAdmit admission plugin enabled",
  rationale:
    "The AlwaysAdmit admission plugin (deprecated) admits every request. It does nothing useful and signals that admission " +
    "control was meant to be bypassed; in old clusters configured with --admission-control=AlwaysAdmit it replaced all other plugins.",
  attack:
    "Where AlwaysAdmit stands in for real admission control, nothing stops a user who may create pods from running them " +
    "privileged, on the host network, or in namespaces that should be closed.",
  remediation: "Remove AlwaysAdmit from `--enable-admission-plugins` (or from the legacy `--admission-control` list) of the kube-apiserver command.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--enable-admission-plugins=NodeRestriction,AlwaysAdmit"]),
    secure: staticPodYaml("kube-apiserver", ["--enable-admission-plugins=NodeRestriction"]),
  },
  messages: {
    on: "kube-apiserver in container '{{container}}' enables the AlwaysAdmit admission plugin, which admits every request",
  },
  check(ctx) {
    for (const inv of invocations(ctx, "kube-apiserver")) {
      if (admissionUnknown(inv)) continue;
      const s = admissionPlugin(inv, "AlwaysAdmit", ctx.kubeVersion);
      if (!s.enabled) continue;
      ctx.report({ messageId: "on", data: { container: inv.container.name }, path: s.from?.path ?? inv.listPath, container: inv.container });
    }
  },
});
