// Shared reading of hostPath volumes and host paths for the host-access rules.
import { posix } from "node:path";
import { asArray } from "../../model/values.js";
import { type JsonObject, type YamlPath, isObject } from "../../model/types.js";
import type { Workload } from "../../model/workload.js";

/** A volume of the pod spec whose `hostPath` is set (any non-null value, as Pod Security Admission sees it). */
export interface HostPathVolume {
  index: number;
  /** The volume's name, or `volumes[i]` when it has none. */
  name: string;
  /** Path of the volume item. */
  volumePath: YamlPath;
  /** Path of its `hostPath` field. */
  hostPathPath: YamlPath;
  /** Path of `hostPath.path` (where it is, or would be, written). */
  pathPath: YamlPath;
  /** `hostPath.path` when it is a string. */
  hostPath: string | undefined;
}

export function hostPathVolumes(w: Workload): HostPathVolume[] {
  const out: HostPathVolume[] = [];
  asArray(w.podSpec.volumes).forEach((v, index) => {
    if (!isObject(v) || v.hostPath === undefined || v.hostPath === null) return;
    const volumePath = w.at("volumes", index);
    const hp = v.hostPath;
    const path = isObject(hp) && typeof hp.path === "string" ? hp.path : undefined;
    out.push({
      index,
      name: typeof v.name === "string" ? v.name : `volumes[${index}]`,
      volumePath,
      hostPathPath: [...volumePath, "hostPath"],
      pathPath: [...volumePath, "hostPath", "path"],
      hostPath: path,
    });
  });
  return out;
}

/** The volume mounts of a container spec, with their index (items that are not maps are skipped). */
export function volumeMounts(spec: JsonObject): { index: number; mount: JsonObject }[] {
  const out: { index: number; mount: JsonObject }[] = [];
  asArray(spec.volumeMounts).forEach((m, index) => {
    if (isObject(m)) out.push({ index, mount: m });
  });
  return out;
}

/**
 * A host path in a form that can be compared: POSIX paths are normalised ("//etc/./ssl/" is "/etc/ssl", ".."
 * is resolved as the kernel would), without a trailing slash except for "/" itself. Windows paths
 * ("C:\\Windows", "\\\\.\\pipe\\docker_engine") get forward slashes and lower case, since Windows ignores case.
 * Relative or empty paths are returned trimmed, unchanged.
 */
export function normalizeHostPath(p: string): string {
  const t = p.trim();
  if (t.startsWith("/")) {
    const n = posix.normalize(t);
    return n.length > 1 && n.endsWith("/") ? n.slice(0, -1) : n;
  }
  if (t.includes("\\") || /^[A-Za-z]:/.test(t)) {
    const n = t.replace(/\\/g, "/").toLowerCase();
    return n.length > 1 && n.endsWith("/") && !/^[a-z]:\/$/.test(n) ? n.slice(0, -1) : n;
  }
  return t;
}

/**
 * Is `p` the directory `dir` or something inside it? Both normalised. "/" contains only itself here: every
 * path lies under "/", so a list entry "/" means "the whole root filesystem", not "anything".
 */
export function isSameOrInside(p: string, dir: string): boolean {
  if (p === dir) return true;
  if (dir === "/" || dir === "") return false;
  return p.startsWith(`${dir}/`);
}

/** Is `p` a directory that strictly contains `target`? Both normalised; "/" contains every absolute path. */
export function isParentOf(p: string, target: string): boolean {
  if (p === target || p === "") return false;
  // A normalised POSIX path never starts with "//"; a Windows pipe path ("//./pipe/…") does and is not under "/".
  if (p === "/") return target.startsWith("/") && !target.startsWith("//");
  return target.startsWith(`${p}/`);
}
