import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Rule } from "../engine/rule-types.js";
import type { Finding } from "../model/finding.js";
import type { ObjectRef } from "../model/resource.js";
import type { Severity } from "../model/types.js";
import { jsonText } from "../model/json-text.js";
import type { ScanReport } from "./model.js";

/**
 * SARIF 2.1.0, shaped for GitHub code scanning
 * (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).
 */

export interface SarifOptions {
  /** The folder relative file names in the report are resolved against (the CLI's working directory). */
  cwd: string;
  /** The repository root URIs are made relative to; default: the nearest folder upward from `cwd` holding `.git`, else `cwd`. */
  root?: string;
}

export const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
export const SRCROOT = "%SRCROOT%";
export const FINGERPRINT_KEY = "shipshapeFingerprint/v1";
const INFORMATION_URI = "https://github.com/shipshape-dev/shipshape";
const STDIN = "<stdin>";

type Level = "error" | "warning" | "note";

const LEVEL: Record<Severity, Level> = { critical: "error", high: "error", medium: "warning", low: "note", info: "note" };
/** GitHub's bands: critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0", info: "1.0" };
const PROBLEM_SEVERITY: Record<Level, string> = { error: "error", warning: "warning", note: "recommendation" };

/** What the engine reports besides rule findings: described here because they are not in the rule catalogue. */
interface DiagnosticDocs {
  title: string;
  description: string;
  remediation: string;
  severity: Severity;
}

const DIAGNOSTICS: Record<string, DiagnosticDocs> = {
  "parse-error": {
    title: "File could not be read or parsed",
    description:
      "shipshape could not read this file, or could not parse it as YAML or JSON, so none of the objects in it were checked. " +
      "A manifest no scanner can read may hide any misconfiguration.",
    remediation:
      "Fix the syntax error at the reported position (`kubectl apply --dry-run=client -f FILE` shows what Kubernetes makes of it). " +
      "If the file is not a Kubernetes manifest (a Helm template, a values file, a CI file), exclude it in `.shipshape.yaml`.",
    severity: "high",
  },
  "render-error": {
    title: "Chart or overlay could not be rendered",
    description:
      "A Helm chart or Kustomize overlay failed to render, so the objects it would produce were not checked.",
    remediation: "Render it yourself (`helm template` or `kubectl kustomize`) to see the error, fix it, and scan again.",
    severity: "high",
  },
  "internal-error": {
    title: "A rule failed on an object",
    description:
      "A rule threw an error while checking this object, so the object was not checked by that rule. This is a bug in shipshape, not in the manifest.",
    remediation: "Please report it at https://github.com/shipshape-dev/shipshape/issues with the object (secrets removed) and the message.",
    severity: "medium",
  },
  "exemption-expired": {
    title: "Exemption expired",
    description:
      "An exemption in the shipshape configuration has passed its expiry date and no longer suppresses anything; the findings it covered are reported again.",
    remediation: "Fix the findings the exemption covered, or, if the exception still holds, extend its `expires` date with a fresh reason.",
    severity: "low",
  },
  "policy-error": {
    title: "Policy could not be used",
    description:
      "A custom rule or ValidatingAdmissionPolicy has an expression that does not compile (syntax, unknown function, wrong type) or is " +
      "malformed, so the broken part was not evaluated. In a cluster, the API server would reject the policy or fail the requests it matches.",
    remediation: "Fix the expression at the reported position; `shipshape test-policy` runs the policy against objects that must pass and fail.",
    severity: "high",
  },
  "policy-notice": {
    title: "Policy not evaluated",
    description: "A ValidatingAdmissionPolicy without a binding, or a binding whose policy is not in the scan: Kubernetes enforces neither, and shipshape did not evaluate them.",
    remediation: "Add the missing binding or policy to the scan, or pass the policies with `--vap PATH`.",
    severity: "info",
  },
};

/** Renders the report as one SARIF log with one run. */
export function renderSarif(report: ScanReport, options: SarifOptions): string {
  const cwd = path.resolve(options.cwd);
  const root = path.resolve(cwd, options.root ?? findRepositoryRoot(cwd));

  // Rules: the ones that ran, then the diagnostics and any other id that appears in a result.
  const descriptors: Record<string, unknown>[] = [];
  const ruleIndex = new Map<string, number>();
  for (const rule of report.rules) {
    if (ruleIndex.has(rule.id)) continue;
    ruleIndex.set(rule.id, descriptors.length);
    descriptors.push(ruleDescriptor(rule));
  }
  // --show-baselined: the baselined findings too, as suppressed results; with --baseline, each result's baselineState
  const baselined = new Set(report.baselined ?? []);
  const inFindings = new Set(report.settings.baseline !== undefined ? report.findings : []);
  const all = [...report.findings, ...report.suppressed, ...baselined];
  const extraIds = [...new Set(all.map((f) => f.ruleId).filter((id) => !ruleIndex.has(id)))].sort(byDiagnosticOrder);
  for (const id of extraIds) {
    ruleIndex.set(id, descriptors.length);
    descriptors.push(diagnosticDescriptor(id, all.find((f) => f.ruleId === id)?.severity ?? "medium"));
  }

  // Artifacts: each file once, in order of first appearance, with its role (a scanned file, or the configuration).
  const artifacts: { location: ArtifactLocation; roles: string[] }[] = [];
  const artifactIndex = new Map<string, number>();
  const artifactOf = (f: Finding, file = f.location.file): { location: ArtifactLocation; index: number } => {
    const role = f.ruleId === "exemption-expired" ? "userSpecifiedConfiguration" : "analysisTarget";
    const location = artifactLocation(file, cwd, root);
    let index = artifactIndex.get(file);
    if (index === undefined) {
      index = artifacts.length;
      artifactIndex.set(file, index);
      artifacts.push({ location, roles: [role] });
    } else if (!artifacts[index]!.roles.includes(role)) {
      artifacts[index]!.roles.push(role);
    }
    return { location, index };
  };

  const results = all.map((f) => {
    const r = result(f, ruleIndex.get(f.ruleId) ?? 0, artifactOf(f));
    if (baselined.has(f)) {
      r.baselineState = "unchanged";
      r.suppressions = [{ kind: "external", status: "accepted", justification: `listed in the baseline ${report.settings.baseline ?? ""}`.trim() }];
    } else if (inFindings.has(f)) {
      r.baselineState = "new";
    }
    // A Helm value that came from a values file: the key a person usually changes, as a related location.
    if (f.values) {
      const a = artifactOf(f, f.values.file);
      r.relatedLocations = [
        {
          id: 1,
          physicalLocation: { artifactLocation: { ...a.location, index: a.index }, region: { startLine: f.values.line, startColumn: f.values.column } },
          message: { text: `The value comes from ${f.values.key} in ${f.values.file}.` },
        },
      ];
    }
    return r;
  });

  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: descriptors,
          },
        },
        invocations: [{ executionSuccessful: true }],
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(root) } },
        artifacts,
        results,
        columnKind: "utf16CodeUnits",
        properties: { settings: report.settings, summary: report.summary },
      },
    ],
  };
  return `${jsonText(log, 2)}\n`;
}

/** The nearest folder from `dir` upward that holds `.git` (a folder, or a file in worktrees and submodules); else `dir`. */
export function findRepositoryRoot(dir: string): string {
  const start = path.resolve(dir);
  let cur = start;
  for (;;) {
    if (existsSync(path.join(cur, ".git"))) return cur;
    const parent = path.dirname(cur);
    if (parent === cur) return start;
    cur = parent;
  }
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** A file name of the report as a URI: relative to %SRCROOT% inside the repository, an absolute file URI outside it. */
export function artifactLocation(file: string, cwd: string, root: string): ArtifactLocation {
  if (file === STDIN) return { uri: "stdin" };
  const absolute = path.resolve(cwd, file);
  const rel = path.relative(root, absolute);
  if (rel === "" || rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    return { uri: pathToFileURL(absolute).href };
  }
  return { uri: rel.split(path.sep).map(encodeSegment).join("/"), uriBaseId: SRCROOT };
}

/** Percent-encodes one path segment: everything outside RFC 3986 unreserved characters and a few safe sub-delimiters. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith("/") ? href : `${href}/`;
}

function result(f: Finding, ruleIndex: number, artifact: { location: ArtifactLocation; index: number }): Record<string, unknown> {
  const loc = f.location;
  const region: Record<string, number> = { startLine: Math.max(1, loc.line), startColumn: Math.max(1, loc.column) };
  if (loc.endLine !== undefined && loc.endColumn !== undefined) {
    const endOk = loc.endLine > region.startLine! || (loc.endLine === region.startLine && loc.endColumn >= region.startColumn!);
    if (endOk) {
      region.endLine = loc.endLine;
      region.endColumn = Math.max(1, loc.endColumn);
    }
  }
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: sentence(f.message) },
    locations: [
      {
        physicalLocation: { artifactLocation: { ...artifact.location, index: artifact.index }, region },
        ...(f.object ? { logicalLocations: [logicalLocation(f.object)] } : {}),
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
  };
  if (f.suppressed) {
    const s = f.suppressed;
    const suppression: Record<string, unknown> = { kind: s.kind === "annotation" || s.kind === "comment" ? "inSource" : "external", status: "accepted", justification: s.reason };
    const props: Record<string, string> = {};
    if (s.source) props.source = s.source;
    if (s.expires) props.expires = s.expires;
    if (Object.keys(props).length > 0) suppression.properties = props;
    out.suppressions = [suppression];
  }
  const properties: Record<string, unknown> = { severity: f.severity };
  if (loc.path !== undefined && loc.path !== "") properties.yamlPath = loc.path;
  if (f.container !== undefined) properties.container = f.container;
  if (f.object) properties.object = f.object;
  if (f.fix) properties.fix = { description: f.fix.description, safety: f.fix.safety, note: f.fix.note };
  if (f.fix?.preview) {
    // SARIF fixes: the replacement of the original text. Viewers that support them offer to apply it.
    out.fixes = [
      {
        description: { text: `${sentence(f.fix.description)}${f.fix.safety === "unsafe" ? ` Unsafe: ${f.fix.note}` : ""}` },
        artifactChanges: [
          {
            artifactLocation: { ...artifact.location, index: artifact.index },
            replacements: f.fix.preview.replacements.map((r) => ({
              deletedRegion: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
              insertedContent: { text: r.text },
            })),
          },
        ],
      },
    ];
  }
  if (f.frameworks) properties.frameworks = f.frameworks;
  if (loc.archivePath !== undefined) properties.archivePath = loc.archivePath;
  if (f.rendered) properties.rendered = f.rendered;
  if (f.values) properties.values = f.values;
  out.properties = properties;
  return out;
}

function logicalLocation(o: ObjectRef): Record<string, unknown> {
  return {
    name: o.name,
    fullyQualifiedName: objectName(o),
    kind: "object",
    properties: { ...(o.apiVersion !== undefined ? { apiVersion: o.apiVersion } : {}), kind: o.kind, ...(o.namespace !== undefined ? { namespace: o.namespace } : {}) },
  };
}

/** `namespace/Kind/name`, or `Kind/name` when the manifest sets no namespace. */
export function objectName(o: ObjectRef): string {
  return `${o.namespace !== undefined ? `${o.namespace}/` : ""}${o.kind}/${o.name}`;
}

function ruleDescriptor(rule: Rule): Record<string, unknown> {
  const level = LEVEL[rule.severity];
  const tags = ["security", rule.category];
  if (rule.pss) tags.push(`pss-${rule.pss.level}`);
  for (const cis of rule.frameworks?.cis ?? []) tags.push(`cis-${cis}`);
  if (rule.frameworks?.nsa) tags.push("nsa-cisa");
  for (const tactic of rule.frameworks?.mitre ?? []) tags.push(`mitre-${slug(tactic)}`);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: sentence(rule.rationale) },
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    defaultConfiguration: { level },
    properties: {
      "security-severity": SECURITY_SEVERITY[rule.severity],
      precision: "high",
      "problem.severity": PROBLEM_SEVERITY[level],
      tags: [...new Set(tags.filter((t) => t !== ""))],
    },
  };
}

function diagnosticDescriptor(id: string, fallback: Severity): Record<string, unknown> {
  const d: DiagnosticDocs = DIAGNOSTICS[id] ?? {
    title: id,
    description: `shipshape reported ${id}.`,
    remediation: "See the message of each result.",
    severity: fallback,
  };
  const level = LEVEL[d.severity];
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: d.title },
    fullDescription: { text: sentence(d.description) },
    help: {
      text: `${d.description}\n\nHow to fix it: ${d.remediation}`,
      markdown: `${d.description}\n\n**How to fix it**\n\n${d.remediation}`,
    },
    defaultConfiguration: { level },
    properties: { precision: "very-high", "problem.severity": PROBLEM_SEVERITY[level], tags: ["shipshape-diagnostic"] },
  };
}

function helpText(rule: Rule): string {
  const parts = [
    rule.rationale,
    ...(rule.attack.trim() ? [`What an attacker does with it: ${rule.attack}`] : []),
    `How to fix it: ${rule.remediation}`,
  ];
  if (rule.example) parts.push(`Fails:\n${rule.example.insecure.trimEnd()}`, `Passes:\n${rule.example.secure.trimEnd()}`);
  const refs = references(rule);
  if (refs.length > 0) parts.push(`References: ${refs.join("; ")}`);
  parts.push(`Run \`shipshape explain ${rule.id}\` for more.`);
  return parts.join("\n\n");
}

function helpMarkdown(rule: Rule): string {
  const parts = [
    `**${rule.title}** (${rule.severity})`,
    rule.rationale,
    ...(rule.attack.trim() ? [`**What an attacker does with it**\n\n${rule.attack}`] : []),
    `**How to fix it**\n\n${rule.remediation}`,
  ];
  if (rule.example) {
    parts.push(`**Fails**\n\n${fence(rule.example.insecure)}`, `**Passes**\n\n${fence(rule.example.secure)}`);
  }
  const refs = references(rule);
  if (refs.length > 0) parts.push(`**References**\n\n${refs.map((r) => `- ${r}`).join("\n")}`);
  parts.push(`Run \`shipshape explain ${rule.id}\` for more.`);
  return parts.join("\n\n");
}

function references(rule: Rule): string[] {
  const out: string[] = [];
  if (rule.pss) out.push(`Pod Security Standards (${rule.pss.level}): ${rule.pss.control}`);
  const cis = rule.frameworks?.cis ?? [];
  if (cis.length > 0) out.push(`CIS Kubernetes Benchmark ${cis.join(", ")}`);
  if (rule.frameworks?.nsa) out.push("NSA/CISA Kubernetes Hardening Guide");
  const mitre = rule.frameworks?.mitre ?? [];
  if (mitre.length > 0) out.push(`MITRE ATT&CK: ${mitre.join(", ")}`);
  return out;
}

/** A fenced YAML block whose fence is longer than any backtick run inside. */
function fence(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const f = "`".repeat(longest + 1);
  return `${f}yaml\n${code.trimEnd()}\n${f}`;
}

/** SARIF asks messages to be sentences (SARIF2001): end them with a period. */
function sentence(s: string): string {
  const t = s.trimEnd();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== "")
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join("");
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const DIAGNOSTIC_ORDER = Object.keys(DIAGNOSTICS);
function byDiagnosticOrder(a: string, b: string): number {
  const ia = DIAGNOSTIC_ORDER.indexOf(a);
  const ib = DIAGNOSTIC_ORDER.indexOf(b);
  if (ia !== ib) return ia < 0 ? 1 : ib < 0 ? -1 : ia - ib;
  return a < b ? -1 : a > b ? 1 : 0;
}
