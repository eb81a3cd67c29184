import { renderGitlab } from "./gitlab.js";
import { renderHtml } from "./html.js";
import { renderJson } from "./json.js";
import { renderJunit } from "./junit.js";
import { renderMarkdown } from "./markdown.js";
import { renderPolicyReport } from "./policyreport.js";
import type { ScanReport } from "./model.js";
import { renderSarif } from "./sarif.js";
import { renderText } from "./text.js";
import { renderThreatModel } from "./threat-model.js";

export interface RenderOptions {
  color: boolean;
  cwd: string;
  /** Text: show framework references under each finding. */
  frameworks?: boolean;
}

export const FORMATS = {
  text: (r: ScanReport, o: RenderOptions) => renderText(r, { color: o.color, frameworks: o.frameworks ?? false }),
  json: (r: ScanReport) => renderJson(r),
  sarif: (r: ScanReport, o: RenderOptions) => renderSarif(r, { cwd: o.cwd }),
  junit: (r: ScanReport) => renderJunit(r),
  html: (r: ScanReport) => renderHtml(r),
  markdown: (r: ScanReport) => renderMarkdown(r),
  "threat-model": (r: ScanReport) => renderThreatModel(r),
  policyreport: (r: ScanReport) => renderPolicyReport(r),
  gitlab: (r: ScanReport, o: RenderOptions) => renderGitlab(r, { cwd: o.cwd }),
} satisfies Record<string, (r: ScanReport, o: RenderOptions) => string>;

export type FormatName = keyof typeof FORMATS;

export function isFormat(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}

/** Formats that need every (rule, object) evaluation, not only the findings. */
export const NEEDS_EVALUATIONS = new Set<string>(["junit", "policyreport"]);

/** Formats built on the attack-surface analysis: asking for one runs it (as `--surface` does). */
export const NEEDS_SURFACE = new Set<string>(["html", "markdown", "threat-model"]);
