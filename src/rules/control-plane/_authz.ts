// Rules that need an authorization mode in kube-apiserver --authorization-mode.
import type { RuleContext } from "../../engine/rule-types.js";
import { authorizationModes, invocations, replaceFlagFix } from "./_flags.js";

export function requireAuthorizationMode<M extends string>(ctx: RuleContext<M>, mode: string, o: { unset: M; value: M; note: string }): void {
  for (const inv of invocations(ctx, "kube-apiserver")) {
    const a = authorizationModes(inv);
    if (!a || a.modes.includes(mode)) continue;
    if (!a.from) {
      ctx.report({ messageId: o.unset, data: { container: inv.container.name, mode }, path: inv.listPath, container: inv.container });
      continue;
    }
    // Node goes first (it answers quickly for kubelets), other modes after the existing ones.
    const next = mode === "Node" ? [mode, ...a.modes] : [...a.modes, mode];
    const fix = replaceFlagFix(a.from, next.join(","), { description: `Add ${mode} to --authorization-mode`, safety: "unsafe", note: o.note });
    ctx.report({ messageId: o.value, data: { container: inv.container.name, mode, value: a.modes.join(",") }, path: a.from.path, container: inv.container, ...(fix ? { fix } : {}) });
  }
}
