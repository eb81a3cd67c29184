import picomatch from "picomatch";
import { DockerfileResource } from "../model/dockerfile.js";
import type { Finding, Suppression } from "../model/finding.js";
import type { Resource } from "../model/resource.js";
import type { Workload } from "../model/workload.js";
import type { Config, Exemption } from "./config.js";
import { fingerprint } from "./run.js";

/** Annotation prefix to ignore a rule on one object: `ignore.shipshape.io/<rule-id>: "<reason>"`. */
export const IGNORE_ANNOTATION_PREFIX = "ignore.shipshape.io/";

/**
 * The annotation that ignores a rule. Annotation names cannot hold ':', so policy rules use a dot:
 * `ignore.shipshape.io/custom.<name>`, `ignore.shipshape.io/vap.<policy>`.
 */
export function ignoreAnnotation(ruleId: string): string {
  return IGNORE_ANNOTATION_PREFIX + ruleId.replace(/^(custom|vap):/, "$1.");
}

type Matcher = (s: string) => boolean;
interface CompiledExemption {
  exemption: Exemption;
  expired: boolean;
  rules: Set<string>;
  match: Partial<Record<"kind" | "namespace" | "name" | "container" | "file", Matcher>>;
}

/**
 * Decides whether a finding is suppressed: by an annotation on the object or its pod template (when the
 * configuration allows them), or by an exemption in the configuration file (kind/namespace/name/container/file
 * globs, a reason, an optional expiry date). An expired exemption suppresses nothing and is reported.
 */
export class Suppressor {
  private readonly exemptions: CompiledExemption[];

  constructor(
    private readonly config: Pick<Config, "exemptions" | "annotationsAllowed">,
    private readonly defaultNamespace: string,
    now = new Date(),
  ) {
    const today = now.toISOString().slice(0, 10);
    this.exemptions = config.exemptions.map((exemption) => {
      const match: CompiledExemption["match"] = {};
      for (const k of ["kind", "namespace", "name", "container", "file"] as const) {
        const glob = exemption[k];
        if (glob !== undefined) match[k] = picomatch(glob, { dot: true });
      }
      return { exemption, expired: exemption.expires !== undefined && exemption.expires < today, rules: new Set(exemption.rules), match };
    });
  }

  suppression(finding: Finding, resource: Resource, workload: Workload | undefined): Suppression | undefined {
    if (resource instanceof DockerfileResource && this.config.annotationsAllowed) {
      const s = commentSuppression(finding, resource);
      if (s) return s;
    }
    if (this.config.annotationsAllowed) {
      const key = ignoreAnnotation(finding.ruleId);
      const reason = resource.annotations()[key] ?? workload?.podAnnotations()[key];
      if (reason !== undefined && reason.trim() !== "") return { kind: "annotation", reason: reason.trim() };
    }
    for (const c of this.exemptions) {
      if (c.expired || !(c.rules.has("*") || c.rules.has(finding.ruleId))) continue;
      const m = c.match;
      if (m.kind && !m.kind(resource.kind)) continue;
      if (m.namespace && !m.namespace(resource.namespaceOr(this.defaultNamespace) ?? "")) continue;
      if (m.name && !m.name(resource.name)) continue;
      if (m.container && (finding.container === undefined || !m.container(finding.container))) continue;
      if (m.file && !m.file(resource.source.file)) continue;
      const s: Suppression = { kind: "config", reason: c.exemption.reason, source: `${c.exemption.source.file}:${c.exemption.source.line}` };
      if (c.exemption.expires) s.expires = c.exemption.expires;
      return s;
    }
    return undefined;
  }

  /** One `exemption-expired` finding per expired exemption, located in the configuration file. */
  expiredFindings(): Finding[] {
    return this.exemptions
      .filter((c) => c.expired)
      .map(({ exemption: e }) => ({
        ruleId: "exemption-expired",
        severity: "low" as const,
        messageId: "expired",
        message: `Exemption for ${e.rules.join(", ")} expired on ${e.expires} and no longer suppresses anything (reason given: ${e.reason})`,
        data: { rules: e.rules.join(","), expires: e.expires ?? "" },
        location: { file: e.source.file, line: e.source.line, column: e.source.column },
        fingerprint: fingerprint(["exemption-expired", e.source.file, e.rules.join(","), e.expires ?? ""]),
      }));
  }
}

/**
 * `# shipshape ignore=rule-a,rule-b reason` on the comment lines directly above an instruction suppresses those
 * rules for findings inside that instruction; `# shipshape ignore-file=rule reason` for the whole file. A comment
 * without a reason suppresses nothing (docker-inline-ignore-used lists every such comment).
 */
function commentSuppression(finding: Finding, resource: DockerfileResource): Suppression | undefined {
  const { dockerfile } = resource;
  if (dockerfile.ignores.length === 0) return undefined;
  const line = finding.location.line;
  let instruction: number | undefined;
  for (const ins of dockerfile.instructions) {
    if (ins.line > line) break;
    instruction = ins.index;
  }
  for (const ig of dockerfile.ignores) {
    if (ig.reason === "" || !(ig.rules.includes(finding.ruleId) || ig.rules.includes("*"))) continue;
    if (ig.scope === "file" || (instruction !== undefined && ig.instruction === instruction)) {
      return { kind: "comment", reason: ig.reason, source: `${dockerfile.file}:${ig.line}` };
    }
  }
  return undefined;
}
