import type { Finding } from "../model/finding.js";
import type { ScanReport } from "./model.js";

/** Version of the JSON report's shape (schemas/report.schema.json). */
export const JSON_REPORT_VERSION = "1";

function findingJson(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = { ruleId: f.ruleId, severity: f.severity, message: f.message, messageId: f.messageId };
  if (f.data) out.data = f.data;
  if (f.object) out.object = f.object;
  if (f.container !== undefined) out.container = f.container;
  out.location = f.location;
  if (f.rendered) out.rendered = f.rendered;
  if (f.values) out.values = f.values;
  if (f.fix) out.fix = f.fix;
  if (f.frameworks) out.frameworks = f.frameworks;
  out.fingerprint = f.fingerprint;
  if (f.suppressed) out.suppression = f.suppressed;
  return out;
}

export function renderJson(report: ScanReport): string {
  const doc = {
    reportVersion: JSON_REPORT_VERSION,
    tool: report.tool,
    settings: report.settings,
    summary: report.summary,
    findings: report.findings.map(findingJson),
    suppressed: report.suppressed.map(findingJson),
    ...(report.surface
      ? {
          surface: {
            entryPoints: report.surface.entryPoints,
            identities: report.surface.identities,
            totalPaths: report.surface.totalPaths,
            ...(report.surface.assets ? { assets: report.surface.assets } : {}),
            ...(report.surface.boundaries ? { boundaries: report.surface.boundaries } : {}),
          },
          attackPaths: report.surface.attackPaths,
          risk: report.surface.risk,
        }
      : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
