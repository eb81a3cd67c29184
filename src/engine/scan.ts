import { statSync } from "node:fs";
import { analyze } from "../analysis/index.js";
import { type InputFile, readInput, walk } from "../loaders/files.js";
import { loadDockerfileText } from "../loaders/dockerfile.js";
import { renderHelmChart } from "../loaders/helm.js";
import { kustomizeRoots, renderKustomization } from "../loaders/kustomize.js";
import { type ClusterOptions, loadCluster } from "../loaders/cluster.js";
import { loadManifestText } from "../loaders/manifest.js";
import { type Rendered, type RenderOptions, ToolMissingError, renderProblem } from "../loaders/render.js";
import { type ShellParser, loadShellParser } from "../loaders/shell.js";
import { DIAGNOSTIC_IDS, type Finding, type LoadProblem } from "../model/finding.js";
import { KubeVersion } from "../model/kube-version.js";
import type { Resource } from "../model/resource.js";
import { SEVERITIES, type Severity } from "../model/types.js";
import type { ScanReport } from "../report/model.js";
import { VERSION } from "../version.js";
import type { Config, ProfileName } from "./config.js";
import { UsageError } from "./errors.js";
import { Inventory } from "./inventory.js";
import { fingerprint, runRules } from "./run.js";
import { selectRules } from "./select.js";
import { Suppressor } from "./suppress.js";
import { buildCustomRules, isCustomRuleObject } from "../policy/custom.js";
import { loadPolicyFiles } from "../policy/load.js";
import { buildVapRules } from "../policy/vap.js";

export interface ScanOptions {
  paths: readonly string[];
  /** Folder that relative paths start from (default: the process's). */
  cwd?: string;
  config: Config;
  profile?: ProfileName;
  only?: string[];
  skip?: string[];
  exclude?: string[];
  /** Files to read as Dockerfiles whatever their name (`--dockerfile`). */
  dockerfiles?: string[];
  /** Helm and Kustomize: binaries, values files, --set pairs, release name. */
  render?: Partial<Pick<RenderOptions, "helmBin" | "kustomizeBin" | "values" | "set" | "releaseName">>;
  kubeVersion?: string;
  defaultNamespace?: string;
  failOn?: Severity | "none";
  /** Keep every (rule, object) evaluation, for JUnit. */
  keepEvaluations?: boolean;
  /** Files larger than this are reported, not read (default 64 MiB). */
  maxFileBytes?: number;
  now?: Date;
  /** Called after each file is loaded. */
  onProgress?: (done: number, total: number) => void;
  /** Text to read for "-" (tests); process stdin otherwise. */
  stdin?: string;
  /** Add the attack-surface analysis (`--surface`): entry points, attack paths, risk. */
  surface?: boolean;
  /** Scan the objects of a live cluster (`--cluster`) instead of files; `paths` are then ignored. */
  cluster?: ClusterOptions;
  /** Custom rule files and folders (`--policy`), in addition to the configuration's `policies`. */
  policies?: string[];
  /** ValidatingAdmissionPolicy files and folders (`--vap`), in addition to the configuration's `vap`. */
  vapFiles?: string[];
  /** false (`--no-vap`): do not evaluate ValidatingAdmissionPolicies found among the scanned objects. */
  vap?: boolean;
}

const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Loads the given paths, runs the selected rules, and returns the report. Throws UsageError when it cannot run. */
export async function scan(options: ScanOptions): Promise<ScanReport> {
  const { config } = options;
  const profile = options.profile ?? config.profile ?? "recommended";
  let kubeVersion: KubeVersion;
  try {
    kubeVersion = KubeVersion.parse(options.kubeVersion ?? config.kubeVersion ?? KubeVersion.DEFAULT.toString());
  } catch (err) {
    throw new UsageError(`--kube-version: ${(err as Error).message}`);
  }
  const defaultNamespace = options.defaultNamespace ?? config.defaultNamespace ?? "default";
  const failOn = options.failOn ?? config.failOn ?? "high";
  const cwd = options.cwd ?? process.cwd();
  // Policy files first: a missing one is a usage error before any scanning.
  const customFiles = loadPolicyFiles([...config.policies, ...(options.policies ?? [])], cwd);
  const vapFiles = loadPolicyFiles([...config.vap, ...(options.vapFiles ?? [])], cwd);

  const walked = options.cluster
    ? { files: [], problems: [], kustomizations: [] }
    : walk(options.paths, [...config.exclude, ...(options.exclude ?? [])], options.cwd, options.dockerfiles);
  const shell = walked.files.some((f) => f.kind === "dockerfile") ? await loadShellParser() : undefined;
  const problems: LoadProblem[] = [...walked.problems, ...customFiles.problems, ...vapFiles.problems];
  const resources: Resource[] = [];
  let documents = 0;
  let skipped = 0;
  const add = (loaded: { resources: Resource[]; problems: LoadProblem[]; documents: number; skipped: number }) => {
    problems.push(...loaded.problems);
    for (const r of loaded.resources) {
      // shipshape's own documents (CustomRule, PolicySuite) in a scanned folder are not Kubernetes objects
      if (r.apiVersion.startsWith("shipshape.io/")) skipped++;
      else resources.push(r);
    }
    documents += loaded.documents;
    skipped += loaded.skipped;
  };

  // Helm charts and Kustomize roots are rendered with the real tools; the files they read are not scanned again.
  const render: RenderOptions = {
    cwd,
    values: options.render?.values ?? [],
    set: options.render?.set ?? [],
    releaseName: options.render?.releaseName ?? "release",
    namespace: defaultNamespace,
    kubeVersion: kubeVersion.toString(),
    helmBin: options.render?.helmBin,
    kustomizeBin: options.render?.kustomizeBin,
  };
  const consumed = new Set<string>();
  const rendered = (where: string, run: () => Rendered): void => {
    try {
      const r = run();
      add(r);
      if (!r.failed) for (const f of r.consumed) consumed.add(f);
    } catch (err) {
      if (!(err instanceof ToolMissingError)) throw err;
      problems.push(renderProblem(where, err.message));
    }
  };
  if (options.cluster) add(await loadCluster(options.cluster));
  for (const root of kustomizeRoots(walked.kustomizations)) rendered(root.display, () => renderKustomization(root, render));
  const files = walked.files.filter((f) => f.absolute === undefined || !consumed.has(f.absolute));
  files.forEach((file, i) => {
    if (file.kind === "helm-chart") rendered(file.display, () => renderHelmChart(file, render));
    else add(loadFile(file, options, shell));
    options.onProgress?.(i + 1, files.length);
  });

  // Policies: custom rules from their files; ValidatingAdmissionPolicies from the scan, --vap and policy files.
  const custom = buildCustomRules(customFiles.resources);
  const policySources = [...vapFiles.resources, ...customFiles.resources.filter((r) => !isCustomRuleObject(r))];
  const vap = options.vap === false && policySources.length === 0 ? { rules: [], notices: [] } : buildVapRules(options.vap === false ? [] : resources, policySources);
  const rules = selectRules({ profile, only: options.only, skip: options.skip }, config, [...custom.rules, ...vap.rules]);

  const suppressor = new Suppressor(config, defaultNamespace, options.now);
  const inventory = new Inventory(resources, defaultNamespace);
  const result = runRules(resources, { rules, kubeVersion, defaultNamespace, suppressor, keepEvaluations: options.keepEvaluations ?? false }, inventory);
  const notices = [...custom.notices, ...vap.notices].map((n) => n.finding);
  const findings = [...problems.map(problemFinding), ...notices, ...result.findings, ...suppressor.expiredFindings()];
  findings.sort(byLocation);

  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) bySeverity[f.severity]++;
  const diagnostics = new Set<string>(DIAGNOSTIC_IDS);
  return {
    tool: { name: "shipshape", version: VERSION },
    settings: { profile, kubeVersion: kubeVersion.toString(), defaultNamespace, failOn, ...(config.file ? { config: config.file } : {}) },
    findings,
    suppressed: result.suppressed.sort(byLocation),
    evaluations: result.evaluations,
    rules: rules.map((r) => ({ ...r.rule, severity: r.severity })),
    summary: {
      files: walked.files.length,
      documents,
      objects: resources.length,
      skippedDocuments: skipped,
      rules: rules.length,
      checks: result.counts,
      findings: findings.length,
      bySeverity,
      suppressed: result.suppressed.length,
      errors: findings.filter((f) => diagnostics.has(f.ruleId) && f.ruleId !== "exemption-expired" && f.severity !== "info").length,
    },
    ...(options.surface ? { surface: analyze(inventory, findings) } : {}),
  };
}

function loadFile(file: InputFile, options: ScanOptions, shell: ShellParser | undefined) {
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const fail = (messageId: string, message: string) => ({
    resources: [],
    documents: 0,
    skipped: 0,
    problems: [{ ruleId: "parse-error" as const, severity: "high" as const, messageId, message, file: file.display, line: 1, column: 1 }],
  });
  let text: string;
  try {
    if (file.absolute) {
      const size = statSync(file.absolute).size;
      if (size > max) return fail("tooLarge", `file too large to scan (${size} bytes; the limit is ${max})`);
    }
    text = file.absolute === undefined && options.stdin !== undefined ? options.stdin : readInput(file);
  } catch (err) {
    return fail("unreadable", `cannot read file: ${(err as Error).message}`);
  }
  try {
    if (file.kind === "dockerfile" && shell) {
      const d = loadDockerfileText(text, file.display, shell);
      return { resources: d.resources, problems: d.problems, documents: d.resources.length, skipped: 0 };
    }
    return loadManifestText(text, file.display);
  } catch (err) {
    return fail("unparseable", `cannot parse file: ${(err as Error).message}`);
  }
}

function problemFinding(p: LoadProblem): Finding {
  return {
    ruleId: p.ruleId,
    severity: p.severity,
    message: p.message,
    messageId: p.messageId,
    location: { file: p.file, line: p.line, column: p.column },
    fingerprint: fingerprint([p.ruleId, p.file, p.messageId, String(p.line)]),
  };
}

function byLocation(a: Finding, b: Finding): number {
  const fa = a.location.file;
  const fb = b.location.file;
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a.location.line - b.location.line || a.location.column - b.location.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Exit status for a finished scan: 1 when a finding reaches the threshold. */
export function exitCodeFor(report: ScanReport): 0 | 1 {
  const { failOn } = report.settings;
  if (failOn === "none") return 0;
  const limit = SEVERITIES.indexOf(failOn);
  return report.findings.some((f) => SEVERITIES.indexOf(f.severity) <= limit) ? 1 : 0;
}
