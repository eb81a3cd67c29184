import type { ProfileName } from "./config.js";
import type { RuleFacts } from "./rule-types.js";

export const PROFILES: Record<ProfileName, { description: string; includes: (r: RuleFacts) => boolean }> = {
  "pss-baseline": { description: "the Pod Security Standards baseline controls", includes: (r) => r.pss?.level === "baseline" },
  "pss-restricted": { description: "the Pod Security Standards baseline and restricted controls", includes: (r) => r.pss !== undefined },
  recommended: { description: "the rules enabled by default (the default profile)", includes: (r) => r.defaultEnabled && fromFiles(r) },
  all: { description: "every rule that can be decided from files", includes: fromFiles },
  cis: { description: "rules mapped to the CIS Kubernetes Benchmark", includes: (r) => (r.frameworks?.cis?.length ?? 0) > 0 && fromFiles(r) },
  nsa: { description: "rules of the NSA/CISA Kubernetes Hardening Guidance", includes: (r) => r.frameworks?.nsa === true && fromFiles(r) },
};

export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

function fromFiles(r: RuleFacts): boolean {
  return r.needs === "manifest" || r.needs === "inventory";
}
