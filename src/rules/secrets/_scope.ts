import path from "node:path";
import type { Resource } from "../../model/resource.js";

/** The folder of the file an object comes from, with forward slashes ("." for a file named on its own). */
export function folderOf(r: Resource): string {
  return path.posix.dirname(r.source.file.replace(/\\/g, "/"));
}

/** Are two folders of a scan close enough to belong to one project: the same, nested, or siblings? */
export function related(a: string, b: string): boolean {
  const within = (outer: string, inner: string) => outer === "." || outer === inner || inner.startsWith(`${outer}/`);
  return within(a, b) || within(b, a) || path.posix.dirname(a) === path.posix.dirname(b);
}
