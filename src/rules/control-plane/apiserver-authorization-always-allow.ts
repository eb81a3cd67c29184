import { defineRule } from "../../engine/rule-types.js";
import { authorizationModes, invocations, replaceFlagFix } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.6. --authorization-mode defaults to AlwaysAllow when --authorization-config is not used. With
// --authorization-config (structured authorization, 1.29+) the authorizers come from a file the manifest does not
// show: not judged.
export default defineRule({
  id: "apiserver-authorization-always-allow",
  title: "API server allows every authenticated request",
  rationale:
    "The AlwaysAllow authorization mode permits every request that passed authentication, whatever RBAC says. It is also " +
    "what the API server uses when --authorization-mode is not set. Authorizers are consulted in order, so AlwaysAllow " +
    "listed after RBAC still allows everything RBAC did not allow.",
  attack:
    "Any authenticated identity, such as the token of any pod's ServiceAccount or, with anonymous authentication, nobody " +
    "at all, reads every Secret and creates privileged pods: a foothold in one pod becomes control of the cluster.",
  remediation: "Set `--authorization-mode=Node,RBAC` on the kube-apiserver command (without AlwaysAllow) and grant permissions with RBAC.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--authorization-mode=RBAC,AlwaysAllow"]),
    secure: staticPodYaml("kube-apiserver", ["--authorization-mode=Node,RBAC"]),
  },
  messages: {
    unset: "kube-apiserver in container '{{container}}' does not set --authorization-mode, which defaults to AlwaysAllow: every authenticated request is permitted",
    value: "kube-apiserver in container '{{container}}' sets --authorization-mode={{value}}, which includes AlwaysAllow: every authenticated request is permitted",
  },
  check(ctx) {
    for (const inv of invocations(ctx, "kube-apiserver")) {
      const a = authorizationModes(inv);
      if (!a || !a.modes.includes("AlwaysAllow")) continue;
      if (!a.from) {
        ctx.report({ messageId: "unset", data: { container: inv.container.name }, path: inv.listPath, container: inv.container });
        continue;
      }
      const rest = a.modes.filter((m) => m !== "AlwaysAllow");
      const fix = rest.length > 0 && a.from.form !== "script"
        ? replaceFlagFix(a.from, rest.join(","), { description: "Remove AlwaysAllow from --authorization-mode", safety: "unsafe", note: "Requests that only AlwaysAllow permitted are then denied; make sure RBAC grants what components and users need." })
        : undefined;
      ctx.report({ messageId: "value", data: { container: inv.container.name, value: a.modes.join(",") }, path: a.from.path, container: inv.container, ...(fix ? { fix } : {}) });
    }
  },
});
