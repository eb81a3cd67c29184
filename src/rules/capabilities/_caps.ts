// Shared reading of `securityContext.capabilities` for the capability rules.
import type { YamlPath } from "../../model/types.js";
import { isObject } from "../../model/types.js";
import type { ContainerView } from "../../model/workload.js";

/** One capability name written in `capabilities.add` or `capabilities.drop`, and where it is. */
export interface CapabilityEntry {
  /** The name exactly as written. */
  name: string;
  path: YamlPath;
}

/** A container's `capabilities` block as written, with the paths of its lists (set or not). */
export interface Capabilities {
  /** Is `securityContext.capabilities` an object at all? */
  present: boolean;
  path: YamlPath;
  addPath: YamlPath;
  dropPath: YamlPath;
  /** The raw `drop` value (for telling "unset" from "a list without ALL"). */
  drop: unknown;
  added: CapabilityEntry[];
  dropped: CapabilityEntry[];
}

/**
 * Reads a container's own capabilities (they are never inherited from the pod).
 *
 * `add` is read leniently: a single string where a list belongs is taken as one added capability, so that a
 * malformed manifest is not called safe. `drop` is read strictly: only a real list counts, because dropping
 * is the safe setting and a malformed value does not drop anything.
 */
export function readCapabilities(c: ContainerView): Capabilities {
  const s = c.own("capabilities");
  const caps = isObject(s.value) ? s.value : undefined;
  const addPath = [...s.path, "add"];
  const dropPath = [...s.path, "drop"];
  return {
    present: caps !== undefined,
    path: s.path,
    addPath,
    dropPath,
    drop: caps?.drop,
    added: entries(caps?.add, addPath, true),
    dropped: entries(caps?.drop, dropPath, false),
  };
}

function entries(value: unknown, path: YamlPath, lenient: boolean): CapabilityEntry[] {
  if (typeof value === "string") return lenient ? [{ name: value, path }] : [];
  if (!Array.isArray(value)) return [];
  const out: CapabilityEntry[] = [];
  value.forEach((v, i) => {
    // Non-string items (numbers, maps) are not capability names; Kubernetes would reject the object.
    if (typeof v === "string") out.push({ name: v, path: [...path, i] });
  });
  return out;
}

/**
 * The name a person means, whatever the spelling: "cap_sys_admin", " CAP_SYS_ADMIN " and "sys_admin" all
 * mean SYS_ADMIN. Only for the finer rules: Pod Security Admission itself compares names exactly.
 */
export function canonicalCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith("CAP_") ? upper.slice(4) : upper;
}
