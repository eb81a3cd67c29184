// The audit log retention rules (CIS 1.2.17-1.2.19).
//
// kube-apiserver writes the audit log through lumberjack (k8s.io/apiserver/pkg/server/options/audit.go): a file is
// rotated at --audit-log-maxsize MB (0 = lumberjack's default, 100 MB), and rotated files are deleted when older than
// --audit-log-maxage days or beyond --audit-log-maxbackup files, where 0 (the default) means never. So leaving the
// flags unset keeps every audit file; only an explicit value below the threshold loses history. The settings apply
// only when the log goes to a file: not when --audit-log-path is unset (no log: apiserver-audit-log-path) or "-"
// (standard output, kept by whatever collects container logs).
import type { RuleContext } from "../../engine/rule-types.js";
import { type Invocation, flag, intAtLeast } from "./_flags.js";

export function logsToFile(inv: Invocation): boolean {
  const p = flag(inv, "audit-log-path");
  return p !== undefined && p.known && p.value.trim() !== "" && p.value.trim() !== "-";
}

export function auditRetention<M extends string>(ctx: RuleContext<M>, flagName: string, min: number, low: M): void {
  // 0 means "no limit" for all three flags, so it is never below the threshold.
  intAtLeast(ctx, { component: "kube-apiserver", flag: flagName, min, low, skip: (inv) => !logsToFile(inv) || isZero(inv, flagName) });
}

function isZero(inv: Invocation, name: string): boolean {
  const f = flag(inv, name);
  return f !== undefined && /^\s*[-+]?0+\s*$/.test(f.value);
}
