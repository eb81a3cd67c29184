import type { Fix, FixOp } from "../model/finding.js";
import type { YamlPath } from "../model/types.js";

interface FixInfo {
  description: string;
  safety: Fix["safety"];
  note: string;
}

/** Builders for fixes, which are data: the `fix` command applies them to the source file. */
export const fixes = {
  set(path: YamlPath, value: unknown, info: FixInfo): Fix {
    return { ...info, ops: [{ op: "set", path, value }] };
  },
  remove(path: YamlPath, info: FixInfo): Fix {
    return { ...info, ops: [{ op: "remove", path }] };
  },
  ops(ops: FixOp[], info: FixInfo): Fix {
    return { ...info, ops };
  },
};
