import type { Resource } from "./resource.js";

/** The Helm hooks an object is annotated with (`helm.sh/hook: pre-install,post-upgrade`). */
export function helmHooks(resource: Resource): string[] {
  const v = resource.annotations()["helm.sh/hook"];
  return v === undefined ? [] : v.split(",").map((s) => s.trim()).filter((s) => s !== "");
}

/** A Helm test hook (`helm.sh/hook: test`, or the Helm 2 `test-success` / `test-failure`): run by `helm test`, not a workload. */
export function isHelmTestHook(resource: Resource): boolean {
  return helmHooks(resource).some((h) => h === "test" || h === "test-success" || h === "test-failure");
}
