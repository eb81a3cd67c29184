import { stringify } from "yaml";
import { DIAGNOSTIC_IDS, type Finding } from "../model/finding.js";
import { type ObjectRef, isClusterScoped } from "../model/resource.js";
import { SEVERITIES, type Severity } from "../model/types.js";
import type { ScanReport } from "./model.js";

/**
 * `--format policyreport`: Kubernetes Policy WG reports (`wgpolicyk8s.io/v1alpha2`), which Policy Reporter and
 * Kyverno's UI read. One PolicyReport per namespace holds the results on namespaced objects; one
 * ClusterPolicyReport holds those on cluster-scoped objects, Dockerfiles and the scan's diagnostics.
 */

export const POLICY_REPORT_API_VERSION = "wgpolicyk8s.io/v1alpha2";
/** The name of every report shipshape writes (one per namespace, one cluster-wide). */
export const POLICY_REPORT_NAME = "shipshape";

type ResultStatus = "pass" | "fail" | "warn" | "error" | "skip";

export interface PolicyReportResult {
  policy: string;
  rule: string;
  result: ResultStatus;
  severity: Severity;
  category?: string;
  message?: string;
  resources?: { apiVersion?: string; kind: string; name: string; namespace?: string }[];
  source: "shipshape";
  scored: boolean;
  timestamp: { seconds: number; nanos: number };
  properties?: Record<string, string>;
}

export interface PolicyReportObject {
  apiVersion: typeof POLICY_REPORT_API_VERSION;
  kind: "PolicyReport" | "ClusterPolicyReport";
  metadata: { name: string; namespace?: string; labels: Record<string, string> };
  summary: Record<ResultStatus, number>;
  results: PolicyReportResult[];
}

export interface PolicyReportOptions {
  /** When the results were found (default: now). */
  now?: Date;
}

/** The reports as objects: PolicyReports sorted by namespace, then the ClusterPolicyReport (always present). */
export function buildPolicyReports(report: ScanReport, options: PolicyReportOptions = {}): PolicyReportObject[] {
  const now = options.now ?? new Date();
  const ms = now.getTime();
  const timestamp = { seconds: Math.floor(ms / 1000), nanos: (((ms % 1000) + 1000) % 1000) * 1_000_000 };
  const categories = new Map(report.rules.map((r) => [r.id, r.category]));
  const diagnostics = new Set<string>(DIAGNOSTIC_IDS);
  const failLimit = report.settings.failOn === "none" ? -1 : SEVERITIES.indexOf(report.settings.failOn);
  const defaultNamespace = report.settings.defaultNamespace;

  const byNamespace = new Map<string, PolicyReportResult[]>();
  const cluster: PolicyReportResult[] = [];
  const place = (ref: ObjectRef | undefined, result: PolicyReportResult) => {
    const ns = ref && ref.apiVersion !== undefined && !isClusterScoped(ref.kind) ? (ref.namespace ?? defaultNamespace) : undefined;
    if (ns === undefined) {
      cluster.push(result);
      return;
    }
    let list = byNamespace.get(ns);
    if (!list) byNamespace.set(ns, (list = []));
    list.push(result);
  };

  const resourcesOf = (ref: ObjectRef | undefined, inNamespace: boolean): PolicyReportResult["resources"] => {
    if (!ref) return undefined;
    const r: NonNullable<PolicyReportResult["resources"]>[number] = { kind: ref.kind, name: ref.name };
    if (ref.apiVersion !== undefined) r.apiVersion = ref.apiVersion;
    if (inNamespace) r.namespace = ref.namespace ?? defaultNamespace;
    return [r];
  };

  const resultOf = (f: Finding, status: ResultStatus): PolicyReportResult => {
    const ref = f.object;
    const inNamespace = ref !== undefined && ref.apiVersion !== undefined && !isClusterScoped(ref.kind);
    const properties: Record<string, string> = { file: f.location.file };
    if (!f.location.file.startsWith("cluster:")) properties.line = String(f.location.line);
    if (f.location.path) properties.path = f.location.path;
    if (f.container) properties.container = f.container;
    if (f.location.archivePath) properties.archivePath = f.location.archivePath;
    if (f.suppressed) {
      properties.suppressedBy = f.suppressed.kind;
      properties.reason = f.suppressed.reason;
      if (f.suppressed.expires) properties.expires = f.suppressed.expires;
    }
    properties.fingerprint = f.fingerprint;
    const resources = resourcesOf(ref, inNamespace);
    return {
      policy: f.ruleId,
      rule: f.ruleId,
      result: status,
      severity: f.severity,
      category: diagnostics.has(f.ruleId) ? "shipshape" : (categories.get(f.ruleId) ?? "other"),
      message: f.message,
      ...(resources ? { resources } : {}),
      source: "shipshape",
      scored: true,
      timestamp,
      properties,
    };
  };

  for (const f of report.findings) {
    const status: ResultStatus = diagnostics.has(f.ruleId)
      ? f.ruleId === "exemption-expired" ? "warn" : "error"
      : SEVERITIES.indexOf(f.severity) <= failLimit ? "fail" : "warn";
    place(diagnostics.has(f.ruleId) ? undefined : f.object, resultOf(f, status));
  }
  for (const f of report.suppressed) place(f.object, resultOf(f, "skip"));
  const severities = new Map(report.rules.map((r) => [r.id, r.severity]));
  for (const e of report.evaluations) {
    if (e.status !== "pass") continue;
    const ref = e.resource.ref();
    const inNamespace = ref.apiVersion !== undefined && !isClusterScoped(ref.kind);
    const resources = resourcesOf(ref, inNamespace);
    place(ref, {
      policy: e.ruleId,
      rule: e.ruleId,
      result: "pass",
      severity: severities.get(e.ruleId) ?? "info",
      category: categories.get(e.ruleId) ?? "other",
      message: "passed",
      ...(resources ? { resources } : {}),
      source: "shipshape",
      scored: true,
      timestamp,
      properties: { file: e.resource.source.file },
    });
  }

  const labels = { "app.kubernetes.io/managed-by": "shipshape", "app.kubernetes.io/version": report.tool.version };
  const out: PolicyReportObject[] = [...byNamespace.keys()].sort().map((ns) => ({
    apiVersion: POLICY_REPORT_API_VERSION,
    kind: "PolicyReport" as const,
    metadata: { name: POLICY_REPORT_NAME, namespace: ns, labels: { ...labels } },
    summary: summarize(byNamespace.get(ns)!),
    results: byNamespace.get(ns)!,
  }));
  out.push({
    apiVersion: POLICY_REPORT_API_VERSION,
    kind: "ClusterPolicyReport",
    metadata: { name: POLICY_REPORT_NAME, labels: { ...labels } },
    summary: summarize(cluster),
    results: cluster,
  });
  return out;
}

function summarize(results: PolicyReportResult[]): Record<ResultStatus, number> {
  const s: Record<ResultStatus, number> = { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
  for (const r of results) s[r.result]++;
  return s;
}

/** Multi-document YAML, ready for `kubectl apply -f -`. */
export function renderPolicyReport(report: ScanReport, options: PolicyReportOptions = {}): string {
  return buildPolicyReports(report, options)
    .map((doc) => stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false }))
    .join("---\n");
}
