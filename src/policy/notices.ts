// Problems of policies themselves (expressions that do not compile, unbound policies), located in the policy's
// file: at the character of the expression where the problem is, when the loader kept the text.
import { fingerprint } from "../engine/run.js";
import type { Finding } from "../model/finding.js";
import type { Resource } from "../model/resource.js";
import { type Severity, type YamlPath, formatPath } from "../model/types.js";

export interface PolicyNotice {
  ruleId: "policy-error" | "policy-notice";
  finding: Finding;
}

export function policyNotice(resource: Resource, path: YamlPath, messageId: string, message: string, severity: Severity, offset?: number): PolicyNotice {
  const ruleId = severity === "info" ? "policy-notice" : "policy-error";
  const at = resource.locate(path);
  const inside = offset !== undefined ? resource.source.locator.locateInString?.(path, offset) : undefined;
  const line = inside?.line ?? at.line;
  const column = inside?.column ?? at.column;
  const finding: Finding = {
    ruleId,
    severity,
    message: inside || offset === undefined ? message : `${message} (at character ${offset + 1} of the expression)`,
    messageId,
    object: resource.ref(),
    location: { file: at.file ?? resource.source.file, line, column, path: formatPath(path) },
    fingerprint: fingerprint([ruleId, resource.kind, resource.name, formatPath(path), messageId]),
  };
  return { ruleId, finding };
}
