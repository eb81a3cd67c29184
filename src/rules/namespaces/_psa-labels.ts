// Reading of the Pod Security Admission labels of a Namespace, as k8s.io/pod-security-admission/api
// (PolicyToEvaluate, ParseLevel, ParseVersion) reads them.
import { KubeVersion } from "../../model/kube-version.js";

export const ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";
export const ENFORCE_VERSION_LABEL = "pod-security.kubernetes.io/enforce-version";

export type PsaLevel = "privileged" | "baseline" | "restricted";
export const PSA_LEVELS: readonly PsaLevel[] = ["privileged", "baseline", "restricted"];

export function isPsaLevel(v: unknown): v is PsaLevel {
  return typeof v === "string" && (PSA_LEVELS as readonly string[]).includes(v);
}

/** -1, 0 or 1 as `a` is less strict than, as strict as, or stricter than `b`. */
export function compareLevels(a: PsaLevel, b: PsaLevel): number {
  return Math.sign(PSA_LEVELS.indexOf(a) - PSA_LEVELS.indexOf(b));
}

export interface EnforcePolicy {
  /** The level Pod Security Admission enforces: an invalid label value is enforced as "restricted". */
  level: PsaLevel;
  /** The level label as written. */
  levelText: string;
  levelValid: boolean;
  /** The policy version as written ("latest" when the label is absent); an invalid value is evaluated as latest. */
  versionText: string;
  versionValid: boolean;
  /** The version the checks are evaluated at: latest (and versions newer than the cluster) is the cluster's version. */
  version: KubeVersion;
}

/**
 * The enforce policy a namespace's labels set, or undefined when there is no enforce label (the cluster's default
 * applies, which a manifest does not show). Invalid values are read as PSA reads them: level restricted, version latest.
 */
export function enforcePolicy(labels: Record<string, string>, cluster: KubeVersion): EnforcePolicy | undefined {
  const levelText = labels[ENFORCE_LABEL];
  if (levelText === undefined) return undefined;
  const levelValid = isPsaLevel(levelText);
  const versionText = labels[ENFORCE_VERSION_LABEL] ?? "latest";
  let version = cluster;
  let versionValid = true;
  if (versionText !== "latest") {
    const m = /^v1\.(0|[1-9][0-9]*)$/.exec(versionText);
    if (m) {
      const minor = Number(m[1]);
      if (!cluster.atLeast(minor)) version = cluster;
      else version = new KubeVersion(1, minor);
    } else {
      versionValid = false;
    }
  }
  return { level: levelValid ? (levelText as PsaLevel) : "restricted", levelText, levelValid, versionText, versionValid, version };
}
