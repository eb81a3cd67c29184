import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { analyze } from "../analysis/index.js";
import { DEFAULT_LIMITS, FileTooLargeError, type InputFile, type InputLimits, LIMIT_SETTINGS, excessiveNesting, positionOf, readInput, walk } from "../loaders/files.js";
import { loadDockerfileText } from "../loaders/dockerfile.js";
import { renderHelmChart } from "../loaders/helm.js";
import { kustomizeRoots, renderKustomization } from "../loaders/kustomize.js";
import type { ClusterOptions } from "../loaders/cluster.js";
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
import { changedFiles, selectChanged } from "./changed.js";
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
  /** Files larger than this are reported, not read (default 16 MiB; `limits.maxFileBytes` overrides it). */
  maxFileBytes?: number;
  /** Input limits (`--max-file-size`, `--max-aliases`, `--max-depth`, `--max-script-size`); over the configuration's `limits`. */
  limits?: Partial<InputLimits>;
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
  /**
   * `--changed-since REF`: check only the objects of files changed since this git ref (committed, staged, unstaged,
   * untracked). Every file is still loaded, so cross-object rules see the whole tree.
   */
  changedSince?: string;
}

/** Helm and Kustomize subprocesses at a time. */
const RENDER_CONCURRENCY = Math.max(2, Math.min(4, availableParallelism()));

/** Runs `fn` over `items` with at most `limit` at a time; results in the order of `items`. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The alias budget src/loaders/manifest.ts gives the parser (until it takes `limits.maxAliases`). */

/** The limits of a scan: the options', then the configuration's, then the defaults. */
export function resolveLimits(options: Pick<ScanOptions, "limits" | "maxFileBytes">, config: Config): InputLimits {
  const limits: InputLimits = { ...DEFAULT_LIMITS };
  for (const source of [config.limits ?? {}, options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}, options.limits ?? {}]) {
    for (const [k, v] of Object.entries(source) as [keyof InputLimits, number | undefined][]) if (v !== undefined) limits[k] = v;
  }
  return limits;
}

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

  if (options.changedSince !== undefined && options.cluster) throw new UsageError("--changed-since scans files: it does not go with --cluster");
  // git first: not a repository, or an unknown ref, is a usage error before any loading
  const changed = options.changedSince !== undefined ? changedFiles(options.paths, cwd, options.changedSince) : undefined;
  const walked = options.cluster
    ? { files: [], problems: [], kustomizations: [] }
    : walk(options.paths, [...config.exclude, ...(options.exclude ?? [])], options.cwd, options.dockerfiles);
  const limits = resolveLimits(options, config);
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
  // Renders run side by side (one per core): each is a subprocess that mostly waits.
  const renderAll = <T>(items: T[], run: (item: T) => Promise<Rendered>, where: (item: T) => string) =>
    mapLimit(items, RENDER_CONCURRENCY, async (item): Promise<Rendered | LoadProblem> => {
      try {
        return await run(item);
      } catch (err) {
        if (!(err instanceof ToolMissingError)) throw err;
        return renderProblem(where(item), err.message);
      }
    });
  const addRendered = (r: Rendered | LoadProblem) => {
    if ("ruleId" in r) {
      problems.push(r);
      return;
    }
    add(r);
    if (!r.failed) for (const f of r.consumed) consumed.add(f);
  };
  // the Kubernetes client is large: loaded only for --cluster
  if (options.cluster) add(await (await import("../loaders/cluster.js")).loadCluster(options.cluster));
  const roots = kustomizeRoots(walked.kustomizations);
  const rootsRendered = await renderAll(roots, (root) => renderKustomization(root, render), (root) => root.display);
  for (const r of rootsRendered) addRendered(r);
  const files = walked.files.filter((f) => f.absolute === undefined || !consumed.has(f.absolute));
  const charts = files.filter((f) => f.kind === "helm-chart");
  const chartResults = renderAll(charts, (file) => renderHelmChart(file, render), (file) => file.display);
  const plain: Map<InputFile, ReturnType<typeof loadFile>> = new Map();
  files.forEach((file, i) => {
    if (file.kind !== "helm-chart") plain.set(file, loadFile(file, options, limits, shell));
    options.onProgress?.(i + 1, files.length);
  });
  const chartOut = new Map(charts.map((c, i) => [c, i]));
  const rendered = await chartResults;
  // in file order, whatever finished first
  for (const file of files) {
    const i = chartOut.get(file);
    if (i !== undefined) addRendered(rendered[i]!);
    else add(plain.get(file)!);
  }

  // Policies: custom rules from their files; ValidatingAdmissionPolicies from the scan, --vap and policy files.
  const custom = buildCustomRules(customFiles.resources);
  const policySources = [...vapFiles.resources, ...customFiles.resources.filter((r) => !isCustomRuleObject(r))];
  const vap = options.vap === false && policySources.length === 0 ? { rules: [], notices: [] } : buildVapRules(options.vap === false ? [] : resources, policySources);
  const rules = selectRules({ profile, only: options.only, skip: options.skip }, config, [...custom.rules, ...vap.rules]);

  const suppressor = new Suppressor(config, defaultNamespace, options.now);
  const inventory = new Inventory(resources, defaultNamespace);
  // --changed-since: the rules check the objects of changed files, against the whole inventory
  const selected = changed
    ? selectChanged(changed, {
        plain,
        charts: charts.map((file, i) => ({ file, rendered: rendered[i]! })),
        roots: roots.map((root, i) => ({ root, rendered: rootsRendered[i]! })),
        values: render.values,
        cwd,
      })
    : undefined;
  if (selected) for (let i = problems.length - 1; i >= 0; i--) if (selected.unchangedProblems.has(problems[i]!)) problems.splice(i, 1);
  const result = runRules(selected ? resources.filter((r) => selected.resources.has(r)) : resources, { rules, kubeVersion, defaultNamespace, suppressor, keepEvaluations: options.keepEvaluations ?? false }, inventory);
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

function loadFile(file: InputFile, options: ScanOptions, limits: InputLimits, shell: ShellParser | undefined) {
  const problem = (messageId: string, message: string, line = 1, column = 1): LoadProblem => ({ ruleId: "parse-error", severity: "high", messageId, message, file: file.display, line, column });
  const fail = (messageId: string, message: string) => ({ resources: [], documents: 0, skipped: 0, problems: [problem(messageId, message)] });
  let text: string;
  const encoding: LoadProblem[] = [];
  try {
    if (file.absolute === undefined && options.stdin !== undefined) {
      const size = Buffer.byteLength(options.stdin, "utf8");
      if (size > limits.maxFileBytes) throw new FileTooLargeError(size, limits.maxFileBytes, false);
      text = options.stdin;
    } else {
      const decoded = readInput(file, limits.maxFileBytes);
      text = decoded.text;
      // Binary files are the loaders' to report; text that is not UTF-8 is read, and reported where it breaks.
      if (decoded.invalidUtf8 !== undefined && !text.includes("\u0000")) {
        const at = positionOf(text, decoded.invalidUtf8);
        encoding.push(problem("invalidUtf8", "not valid UTF-8 (Latin-1 or another encoding?): kubectl refuses the file; it is scanned with the bad bytes replaced", at.line, at.column));
      }
    }
  } catch (err) {
    if (err instanceof FileTooLargeError) return fail("tooLarge", err.message);
    return fail("unreadable", `cannot read file: ${(err as Error).message}`);
  }
  try {
    if (file.kind === "dockerfile" && shell) {
      const d = loadDockerfileText(text, file.display, shell, { maxScriptChars: limits.maxScriptChars, maxDepth: limits.maxDepth });
      return { resources: d.resources, problems: [...encoding, ...d.problems], documents: d.resources.length, skipped: 0 };
    }
    const loaded = loadManifestWithin(text, file.display, limits, problem);
    loaded.problems.unshift(...encoding);
    return loaded;
  } catch (err) {
    return fail("unparseable", `cannot parse file: ${(err as Error).message}`);
  }
}

/**
 * A manifest file within the limits: documents nested deeper than `maxDepth` are refused (blanked, so that the
 * others keep their lines) before the parser recurses into them; alias bombs are refused by the parser.
 */
function loadManifestWithin(text: string, file: string, limits: InputLimits, problem: (messageId: string, message: string, line?: number, column?: number) => LoadProblem) {
  const deep: LoadProblem[] = [];
  let from = 0;
  let separators: number[] | undefined;
  while (from < text.length) {
    const rel = excessiveNesting(from === 0 ? text : text.slice(from), limits.maxDepth);
    if (rel < 0) break;
    const at = from + rel;
    const pos = positionOf(text, at);
    deep.push(problem("tooDeep", `nested more than ${limits.maxDepth} levels deep: not scanned (raise the limit with ${LIMIT_SETTINGS.maxDepth})`, pos.line, pos.column));
    // Blank the document around `at` (from the separator before it to the one after it), keeping its line breaks.
    separators ??= [...text.matchAll(/^---(?=[ \t\r\n]|$)/gm)].map((m) => m.index);
    const docStart = separators.filter((x) => x <= at).pop() ?? 0;
    const docEnd = separators.find((x) => x > at) ?? text.length;
    const keep = separators.includes(docStart) ? 3 : 0;
    text = text.slice(0, docStart + keep) + text.slice(docStart + keep, docEnd).replace(/[^\n]/g, " ") + text.slice(docEnd);
    from = docEnd;
  }
  if (deep.length > 0 && text.trim() === "") return { resources: [], problems: deep, documents: deep.length, skipped: 0 };
  const loaded = loadManifestText(text, file, { maxAliases: limits.maxAliases });
  // The parser's messages for what hit its limits, as limit findings.
  loaded.problems = loaded.problems.map((p) => {
    if (/Excessive alias count|Alias resolution is disabled/.test(p.message)) {
      return { ...p, messageId: "aliasLimit", message: `YAML aliases expand beyond the limit of ${limits.maxAliases} (a "billion laughs" document?): not scanned (raise the limit with ${LIMIT_SETTINGS.maxAliases})` };
    }
    if (/Maximum call stack size exceeded/.test(p.message)) {
      return { ...p, messageId: "tooDeep", message: `nested too deep for the parser: not scanned (the limit, ${limits.maxDepth} levels, is set with ${LIMIT_SETTINGS.maxDepth})` };
    }
    return p;
  });
  loaded.problems.unshift(...deep);
  return loaded;
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
