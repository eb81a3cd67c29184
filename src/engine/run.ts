import { createHash } from "node:crypto";
import { DockerfileResource } from "../model/dockerfile.js";
import type { Finding, Fix, FrameworkRefs } from "../model/finding.js";
import type { KubeVersion } from "../model/kube-version.js";
import type { Resource } from "../model/resource.js";
import { type Severity, type YamlPath, formatPath } from "../model/types.js";
import type { Workload } from "../model/workload.js";
import { Inventory } from "./inventory.js";
import type { Params, Report, Rule, RuleContext } from "./rule-types.js";
import type { Suppressor } from "./suppress.js";

/** A rule chosen for this scan, with its configured severity and parameters. */
export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  params: Params;
  /** When false, no exemption or annotation may suppress its findings. */
  waivable: boolean;
}

/** One (rule, object) pair that was checked: JUnit and scores need the passes too. */
export interface Evaluation {
  ruleId: string;
  resource: Resource;
  /** pass: nothing found; fail: at least one unsuppressed finding; suppressed: all findings suppressed; error: the rule threw. */
  status: "pass" | "fail" | "suppressed" | "error";
}

export interface RunOptions {
  rules: readonly ActiveRule[];
  kubeVersion: KubeVersion;
  defaultNamespace: string;
  suppressor?: Suppressor;
  /** Keep every evaluation (for JUnit); otherwise only counts. */
  keepEvaluations?: boolean;
}

export interface RunResult {
  findings: Finding[];
  suppressed: Finding[];
  evaluations: Evaluation[];
  counts: { evaluated: number; passed: number; failed: number };
}

/** Does the rule look at this kind of object? */
export function applies(rule: Rule, resource: Resource, workload: Workload | undefined): boolean {
  if (resource instanceof DockerfileResource) return rule.target === "dockerfile";
  if (rule.target !== "kubernetes") return false;
  for (const a of rule.appliesTo) {
    if (a === resource.kind || a === "all") return true;
    if (a === "workloads" && workload) return true;
    if (a === "namespaced" && !resource.clusterScoped) return true;
  }
  return false;
}

/** Runs the chosen rules over the objects of a scan. Shared by the CLI, the webhook and the analysis. */
export function runRules(resources: readonly Resource[], options: RunOptions, inventory = new Inventory(resources, options.defaultNamespace)): RunResult {
  const out: RunResult = { findings: [], suppressed: [], evaluations: [], counts: { evaluated: 0, passed: 0, failed: 0 } };
  for (const resource of resources) {
    const workload = inventory.workloadOf(resource);
    for (const active of options.rules) {
      if (!applies(active.rule, resource, workload)) continue;
      if (active.rule.matches && !active.rule.matches(resource, inventory)) continue;
      const found: Finding[] = [];
      const ctx: RuleContext = {
        resource,
        workload,
        dockerfile: resource instanceof DockerfileResource ? { dockerfile: resource.dockerfile, stage: resource.stage } : undefined,
        params: active.params,
        inventory,
        kubeVersion: options.kubeVersion,
        defaultNamespace: options.defaultNamespace,
        report: (r) => found.push(makeFinding(active, resource, r)),
      };
      let status: Evaluation["status"];
      try {
        active.rule.check(ctx);
        status = "pass";
      } catch (err) {
        found.length = 0;
        found.push(internalError(active.rule.id, resource, err));
        status = "error";
      }
      let kept = 0;
      for (const f of found) {
        const s = status === "error" || !active.waivable ? undefined : options.suppressor?.suppression(f, resource, workload);
        if (s) {
          f.suppressed = s;
          out.suppressed.push(f);
        } else {
          out.findings.push(f);
          kept++;
        }
      }
      if (status !== "error") status = found.length === 0 ? "pass" : kept > 0 ? "fail" : "suppressed";
      out.counts.evaluated++;
      if (status === "pass") out.counts.passed++;
      else if (status === "fail" || status === "error") out.counts.failed++;
      if (options.keepEvaluations) out.evaluations.push({ ruleId: active.rule.id, resource, status });
    }
  }
  return out;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => (k in data ? String(data[k]) : `{{${k}}}`));
}

/** The framework references of a rule, or undefined when it maps to none. */
export function frameworkRefs(rule: Pick<Rule, "pss" | "frameworks">): FrameworkRefs | undefined {
  const refs: FrameworkRefs = {};
  if (rule.pss) refs.pss = rule.pss;
  if (rule.frameworks?.cis?.length) refs.cis = rule.frameworks.cis;
  if (rule.frameworks?.nsa) refs.nsa = true;
  if (rule.frameworks?.mitre?.length) refs.mitre = rule.frameworks.mitre;
  return Object.keys(refs).length > 0 ? refs : undefined;
}

function makeFinding(active: ActiveRule, resource: Resource, r: Report<string>): Finding {
  const template = active.rule.messages[r.messageId];
  if (template === undefined) throw new Error(`rule ${active.rule.id} reported unknown messageId "${r.messageId}"`);
  const configured = active.severity !== active.rule.severity;
  const finding = buildFinding({
    ruleId: active.rule.id,
    severity: r.severity !== undefined && !configured ? r.severity : active.severity,
    messageId: r.messageId,
    message: formatMessage(template, r.data),
    data: r.data,
    resource,
    path: r.path,
    container: r.container?.name,
    fix: r.fix,
  });
  const refs = frameworkRefs(active.rule);
  if (refs) finding.frameworks = refs;
  return finding;
}

export function buildFinding(f: {
  ruleId: string;
  severity: Severity;
  messageId: string;
  message: string;
  data?: Record<string, string | number> | undefined;
  resource: Resource;
  path: YamlPath;
  container?: string | undefined;
  fix?: Fix | undefined;
}): Finding {
  const pos = f.resource.locate(f.path);
  const path = formatPath(f.path);
  const finding: Finding = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    messageId: f.messageId,
    object: f.resource.ref(),
    // Dockerfile paths address instructions and shell words internally; the line and column say where they are.
    location: f.resource instanceof DockerfileResource ? { file: f.resource.source.file, line: pos.line, column: pos.column } : { file: f.resource.source.file, line: pos.line, column: pos.column, path },
    fingerprint: fingerprint([f.ruleId, f.resource.kind, f.resource.namespace ?? "", f.resource.name, f.container ?? "", path]),
  };
  // For `fix` only, and never serialized: it holds the whole object, Secrets' values included.
  Object.defineProperty(finding, "target", {
    value: { document: f.resource.source.document, prefix: f.resource.source.prefix, path: f.path, object: f.resource.object },
    enumerable: false,
  });
  if (pos.exact && pos.endLine !== undefined) {
    finding.location.endLine = pos.endLine;
    finding.location.endColumn = pos.endColumn;
  }
  if (pos.file !== undefined) finding.location.file = pos.file;
  if (pos.archivePath !== undefined) finding.location.archivePath = pos.archivePath;
  if (pos.rendered) finding.rendered = pos.rendered;
  if (pos.values) finding.values = pos.values;
  if (f.data) finding.data = f.data;
  if (f.container !== undefined) finding.container = f.container;
  if (f.fix) finding.fix = f.resource instanceof DockerfileResource ? withSpans(f.fix, f.resource) : f.fix;
  return finding;
}

/** Dockerfile text edits carry the span of the element they edit, resolved here so that `fix` need not re-parse. */
function withSpans(fix: Fix, resource: Resource): Fix {
  if (!fix.ops.some((op) => op.op === "replaceText" || op.op === "insertText")) return fix;
  return {
    ...fix,
    ops: fix.ops.map((op) => {
      if (op.op !== "replaceText" && op.op !== "insertText") return op;
      const at = resource.locate(op.path);
      if (!at.exact || at.endLine === undefined || at.endColumn === undefined) return op;
      return { ...op, span: { line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn } };
    }),
  };
}

export function fingerprint(parts: readonly string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}

function internalError(ruleId: string, resource: Resource, err: unknown): Finding {
  const reason = err instanceof Error ? err.message : String(err);
  return buildFinding({
    ruleId: "internal-error",
    severity: "medium",
    messageId: "ruleFailed",
    message: `Rule ${ruleId} failed on this object and could not check it: ${reason}`,
    data: { rule: ruleId },
    resource,
    path: [],
  });
}
