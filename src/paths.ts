import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/**
 * The installed package's folder (where package.json and schemas/ are), found upward from this module: the same
 * whether the code runs from dist/ as compiled files or as the single bundled file.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "schemas"))) return (root = dir);
    const up = path.dirname(dir);
    if (up === dir) throw new Error("cannot find the shipshape package folder");
    dir = up;
  }
}
