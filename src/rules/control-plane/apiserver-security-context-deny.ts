import { defineRule } from "../../engine/rule-types.js";
import { admissionPlugin, admissionUnknown, invocations } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// No CIS number in v1.12 (legacy checks CKV_K8S_81 / C-0124: "PodSecurityPolicy or SecurityContextDeny"). The
// concern is that pod security settings are not restricted at admission. Which plugins can do that depends on the
// version: PodSecurityPolicy (until 1.24), SecurityContextDeny (until 1.29), PodSecurity (1.23+, on by default).
// Reported only when none of those that exist in the target version is on, so a current cluster is reported only
// when PodSecurity is turned off.
export default defineRule({
  id: "apiserver-security-context-deny",
  title: "No pod security admission control",
  rationale:
    "Some admission plugin has to check pods' security settings (privileged, host namespaces, capabilities) before they " +
    "run. PodSecurity (Pod Security Admission) does this in current clusters and is on by default; older clusters used " +
    "PodSecurityPolicy or SecurityContextDeny. With none of them on, only external webhooks can stop a dangerous pod.",
  attack:
    "Any user allowed to create pods (or a compromised CI job with that right) runs a privileged pod with the host's " +
    "filesystem mounted and takes over the node, and from there the cluster.",
  remediation:
    "Keep the PodSecurity admission plugin on (remove it from `--disable-admission-plugins`) and label namespaces with the " +
    "Pod Security level to enforce, or run an equivalent policy engine. On clusters older than 1.23, enable PodSecurityPolicy or SecurityContextDeny.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--enable-admission-plugins=NodeRestriction", "--disable-admission-plugins=PodSecurity"]),
    secure: staticPodYaml("kube-apiserver", ["--enable-admission-plugins=NodeRestriction"]),
  },
  messages: {
    none: "kube-apiserver in container '{{container}}' runs none of the pod security admission plugins of Kubernetes {{version}} ({{plugins}}), so pod security settings are not checked at admission",
  },
  check(ctx) {
    const v = ctx.kubeVersion;
    const plugins = [
      ...(v.atLeast(23) ? ["PodSecurity"] : []),
      ...(v.atLeast(25) ? [] : ["PodSecurityPolicy"]),
      ...(v.atLeast(30) ? [] : ["SecurityContextDeny"]),
    ];
    for (const inv of invocations(ctx, "kube-apiserver")) {
      if (admissionUnknown(inv)) continue;
      const states = plugins.map((p) => admissionPlugin(inv, p, v));
      if (states.some((s) => s.enabled)) continue;
      const where = states.find((s) => s.how === "disabled" || s.how === "admission-control")?.from ?? states.find((s) => s.from)?.from;
      ctx.report({
        messageId: "none",
        data: { container: inv.container.name, version: v.toString(), plugins: plugins.join(", ") },
        path: where?.path ?? inv.listPath,
        container: inv.container,
      });
    }
  },
});
