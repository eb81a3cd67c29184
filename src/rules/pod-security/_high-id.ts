// Shared logic of run-as-high-uid and run-as-high-gid: the effective runAsUser / runAsGroup of each container
// must be above a threshold. Used only by those two rules.
import { fixes } from "../../engine/fixes.js";
import type { RuleContext } from "../../engine/rule-types.js";
import { asInt } from "../../model/values.js";

export type HighIdMessage = "podLow" | "containerLow" | "unset" | "unsetNonRoot";

/**
 * Reports, for `key` (runAsUser or runAsGroup):
 * - a pod-level value at or below `min` once, when at least one container inherits it (`podLow`);
 * - a container-level value at or below `min` (`containerLow`);
 * - a container for which neither level sets the key (`unset`, or `unsetNonRoot` when runAsNonRoot is true):
 *   the image decides, and nothing in the manifest says the ID is high.
 * Windows pods have no numeric IDs (the fields are refused there); pods with `hostUsers: false` run in a user
 * namespace whose IDs map to an unprivileged range of the node, so a low ID inside cannot match a node account.
 * Values that are not integers are left alone: Kubernetes refuses them.
 */
export function checkHighId(ctx: RuleContext<HighIdMessage>, key: "runAsUser" | "runAsGroup", min: number, what: string): void {
  const w = ctx.workload;
  if (!w || w.isWindows || w.userNamespaced) return;
  const target = Math.max(min + 1, 1);
  const note =
    `The process must work with ${what} ${target}: files it reads or writes in the image, on volumes and in its home ` +
    "directory may belong to another ID. Prefer a high ID that the image was built for.";
  let podReported = false;
  for (const c of w.containers) {
    const s = c.effective(key);
    if (s.from === "unset") {
      const nonRoot = c.effective("runAsNonRoot").value === true;
      ctx.report({
        messageId: nonRoot ? "unsetNonRoot" : "unset",
        data: { container: c.name, min },
        path: s.path,
        container: c,
        fix: fixes.set(s.path, target, { description: `Set ${key} to ${target} for container '${c.name}'`, safety: "unsafe", note }),
      });
      continue;
    }
    const id = asInt(s.value);
    if (id === undefined || id > min) continue;
    if (s.from === "pod") {
      if (podReported) continue;
      podReported = true;
      ctx.report({
        messageId: "podLow",
        data: { value: id, min },
        path: s.path,
        fix: fixes.set(s.path, target, { description: `Set the pod's ${key} to ${target}`, safety: "unsafe", note }),
      });
      continue;
    }
    ctx.report({
      messageId: "containerLow",
      data: { container: c.name, value: id, min },
      path: s.path,
      container: c,
      fix: fixes.set(s.path, target, { description: `Set ${key} to ${target} for container '${c.name}'`, safety: "unsafe", note }),
    });
  }
}
