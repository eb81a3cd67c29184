import type { Finding } from "../model/finding.js";
import { jsonText } from "../model/json-text.js";
import { redactDiff, sensitiveValuesOf } from "../model/redact.js";
import type { ScanReport } from "./model.js";

/** Version of the JSON report's shape (schemas/report.schema.json). */
export const JSON_REPORT_VERSION = "1";

function findingOut(f: Finding, secrets: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { ruleId: f.ruleId, severity: f.severity, message: f.message, messageId: f.messageId };
  if (f.data) out.data = f.data;
  if (f.object) out.object = f.object;
  if (f.container !== undefined) out.container = f.container;
  out.location = f.location;
  if (f.rendered) out.rendered = f.rendered;
  if (f.values) out.values = f.values;
  // the diff of a fix shows lines of the user's file: credentials on them are masked (src/model/redact.ts)
  if (f.fix) out.fix = f.fix.preview ? { ...f.fix, preview: { ...f.fix.preview, diff: redactDiff(f.fix.preview.diff, secrets) } } : f.fix;
  if (f.frameworks) out.frameworks = f.frameworks;
  out.fingerprint = f.fingerprint;
  if (f.suppressed) out.suppression = f.suppressed;
  return out;
}

export function renderJson(report: ScanReport): string {
  return [...renderJsonChunks(report)].join("");
}

/**
 * The JSON report in pieces, byte for byte what JSON.stringify(doc, null, 2) gives: a scan of 100,000 objects makes
 * a report larger than the longest string V8 can hold, so the CLI writes it piece by piece.
 */
export function* renderJsonChunks(report: ScanReport): Generator<string> {
  const secrets = [...report.findings, ...report.suppressed].some((f) => f.fix?.preview) ? sensitiveValuesOf([...report.findings, ...report.suppressed]) : new Set<string>();
  const findingJson = (f: Finding) => findingOut(f, secrets);
  const entries: [string, unknown][] = [
    ["reportVersion", JSON_REPORT_VERSION],
    ["tool", report.tool],
    ["settings", report.settings],
    ["summary", report.summary],
    ["findings", { list: report.findings, map: findingJson }],
    ["suppressed", { list: report.suppressed, map: findingJson }],
  ];
  if (report.baselined) entries.push(["baselined", { list: report.baselined, map: findingJson }]);
  if (report.surface) {
    const s = report.surface;
    entries.push(
      ["surface", { entryPoints: s.entryPoints, identities: s.identities, totalPaths: s.totalPaths, ...(s.assets ? { assets: s.assets } : {}), ...(s.boundaries ? { boundaries: s.boundaries } : {}) }],
      ["attackPaths", s.attackPaths],
      ["risk", s.risk],
    );
  }
  const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);
  yield "{\n";
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i]!;
    const end = i + 1 < entries.length ? ",\n" : "\n";
    const lazy = value as { list?: readonly Finding[]; map?: (f: Finding) => unknown };
    if (lazy && typeof lazy === "object" && Array.isArray(lazy.list) && typeof lazy.map === "function") {
      if (lazy.list.length === 0) {
        yield `  ${JSON.stringify(key)}: []${end}`;
        continue;
      }
      yield `  ${JSON.stringify(key)}: [\n`;
      for (let j = 0; j < lazy.list.length; j++) {
        yield `    ${indent(jsonText(lazy.map(lazy.list[j]!), 2), "    ")}${j + 1 < lazy.list.length ? ",\n" : "\n"}`;
      }
      yield `  ]${end}`;
    } else {
      yield `  ${JSON.stringify(key)}: ${indent(jsonText(value, 2), "  ")}${end}`;
    }
  }
  yield "}\n";
}
