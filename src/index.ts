/**
 * shipshape as a library: `import { scan, renderReport } from "shipshape"` (docs/library.md).
 *
 * Importing this module has no side effect: it reads no file, looks at neither process.argv nor the current folder,
 * and loads the engine (rules, loaders, report writers) only when `scan` or `renderReport` first runs.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { SurfaceAnalysis } from "./analysis/types.js";
import type { Config, ProfileName } from "./engine/config.js";
import type { FormatName } from "./report/index.js";
import type { ScanReport as EngineReport, Summary } from "./report/model.js";
import type { Finding as EngineFinding, Suppression } from "./model/finding.js";
import type { Severity } from "./model/types.js";
import type { InputLimits } from "./loaders/files.js";
import { packageRoot } from "./paths.js";

export { UsageError } from "./engine/errors.js";
export type { Severity } from "./model/types.js";
export type { ProfileName } from "./engine/config.js";
export type { FormatName } from "./report/index.js";
export type { Summary } from "./report/model.js";
export type { FixOp, Fix, FrameworkRefs, Location, RenderedFrom, Suppression, ValuesOrigin } from "./model/finding.js";
export type { ObjectRef } from "./model/resource.js";

/** The severities, most severe first. */
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low", "info"];

/** A finding as the JSON report (`scan --format json`, schemas/report.schema.json) writes it. */
export type Finding = Omit<EngineFinding, "suppressed" | "target"> & {
  /** For suppressed findings: the annotation, comment or exemption that suppressed it. */
  suppression?: Suppression;
};

/** The content of a `.shipshape.yaml` (schemas/shipshape-config.schema.json), given as an object. */
export interface ShipshapeConfig {
  profile?: ProfileName;
  failOn?: Severity | "none";
  kubeVersion?: string;
  defaultNamespace?: string;
  exclude?: string[];
  /** Custom rule files or folders, relative to `cwd`. */
  policies?: string[];
  /** ValidatingAdmissionPolicy files or folders, relative to `cwd`. */
  vap?: string[];
  limits?: Partial<InputLimits>;
  annotations?: { allowed?: boolean };
  rules?: Record<string, boolean | "on" | "off" | { enabled?: boolean; severity?: Severity; params?: Record<string, unknown>; waivable?: boolean }>;
  exemptions?: { rules: string | string[]; reason: string; kind?: string; namespace?: string; name?: string; container?: string; file?: string; expires?: string }[];
  webhook?: { deny?: Severity[]; warn?: Severity[]; audit?: boolean; exemptNamespaces?: string[] };
}

export interface ScanOptions {
  /** Files and folders to scan, relative to `cwd` (default: `["."]`). */
  paths?: string[];
  /** The folder relative paths start from, and where `.shipshape.yaml` is looked for (default: `process.cwd()`). */
  cwd?: string;
  /**
   * The configuration: a `.shipshape.yaml` path (relative to `cwd`), its content as an object, or `false` for none.
   * Default: `.shipshape.yaml` (or `.yml`) from `cwd` upward, as the CLI does.
   */
  config?: string | ShipshapeConfig | false;
  /** Which rules run (default: the configuration's, else `recommended`). */
  profile?: ProfileName;
  /** Run only these rule ids (`--rules`). */
  rules?: string[];
  /** Do not run these rule ids (`--skip-rules`). */
  skipRules?: string[];
  /** Globs of files not to scan, in addition to the configuration's `exclude`. */
  exclude?: string[];
  /** Files to read as Dockerfiles whatever their name (`--dockerfile`). */
  dockerfiles?: string[];
  /** Custom rule files and folders (`--policy`), in addition to the configuration's `policies`. */
  policies?: string[];
  /** ValidatingAdmissionPolicy files and folders (`--vap`), in addition to the configuration's `vap`. */
  vap?: string[];
  /** Helm and Kustomize rendering: values files, `--set` pairs, release name, binaries. */
  render?: { values?: string[]; set?: string[]; releaseName?: string; helmBin?: string; kustomizeBin?: string };
  /** The Kubernetes version the manifests target, e.g. "1.34". */
  kubeVersion?: string;
  /** Namespace of objects that set none (default: "default"). */
  defaultNamespace?: string;
  /** `exitCode` is 1 when a finding is at least this severe (default: the configuration's, else "high"). */
  failOn?: Severity | "none";
  /** Add the attack-surface analysis (`--surface`); needed by `renderReport` for html, markdown and threat-model. */
  surface?: boolean;
  /** Keep every (rule, object) evaluation; needed by `renderReport` for junit and policyreport. */
  evaluations?: boolean;
  /** Input limits (`--max-file-size` and the others), over the configuration's `limits`. */
  limits?: Partial<InputLimits>;
}

/**
 * What a scan found: the JSON report (`shipshape scan --format json`, schemas/report.schema.json), as objects,
 * plus the exit status the CLI would give.
 */
export interface ScanResult {
  reportVersion: string;
  tool: { name: "shipshape"; version: string };
  settings: EngineReport["settings"];
  summary: Summary;
  /** Unsuppressed findings and diagnostics (parse-error, render-error, …), sorted by file and line. */
  findings: Finding[];
  /** Findings an annotation, comment or exemption suppressed, with `suppression` saying why. */
  suppressed: Finding[];
  /** With `surface: true`: entry points, identities, totals. */
  surface?: Pick<SurfaceAnalysis, "entryPoints" | "identities" | "totalPaths" | "assets" | "boundaries">;
  attackPaths?: SurfaceAnalysis["attackPaths"];
  risk?: SurfaceAnalysis["risk"];
  /** 1 when a finding reaches `failOn`, else 0: what `shipshape scan` exits with. */
  exitCode: 0 | 1;
}

/** Another name for ScanResult. */
export type ScanReport = ScanResult;

/** The engine's report behind each result, for renderReport (the result itself is the JSON form). */
const reports = new WeakMap<ScanResult, { report: EngineReport; cwd: string; evaluations: boolean }>();

let version: string | undefined;
/** shipshape's version (read from its package.json on first call). */
export function getVersion(): string {
  version ??= (JSON.parse(readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
  return version;
}

/** Scans files and folders as `shipshape scan` does. Rejects with a UsageError when the scan cannot run (exit 2 in the CLI). */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const [{ scan: run, exitCodeFor }, { PROFILE_NAMES }, { renderJson }, { UsageError }] = await Promise.all([
    import("./engine/scan.js"),
    import("./engine/profiles.js"),
    import("./report/json.js"),
    import("./engine/errors.js"),
  ]);
  const cwd = path.resolve(options.cwd ?? process.cwd());
  if (options.profile !== undefined && !PROFILE_NAMES.includes(options.profile)) {
    throw new UsageError(`unknown profile "${String(options.profile)}" (one of ${PROFILE_NAMES.join(", ")})`);
  }
  if (options.failOn !== undefined && options.failOn !== "none" && !SEVERITIES.includes(options.failOn)) {
    throw new UsageError(`failOn must be one of ${SEVERITIES.join(", ")}, none`);
  }
  const report = await run({
    cwd,
    paths: options.paths ?? ["."],
    config: await resolveConfig(options.config, cwd),
    profile: options.profile,
    only: options.rules,
    skip: options.skipRules,
    exclude: options.exclude,
    dockerfiles: options.dockerfiles,
    policies: options.policies ?? [],
    vapFiles: options.vap ?? [],
    render: options.render,
    kubeVersion: options.kubeVersion,
    defaultNamespace: options.defaultNamespace,
    failOn: options.failOn,
    keepEvaluations: options.evaluations ?? false,
    surface: options.surface ?? false,
    limits: options.limits,
  });
  // The JSON report's own serialisation, read back: the result cannot drift from `--format json`.
  const result = { ...(JSON.parse(renderJson(report)) as Omit<ScanResult, "exitCode">), exitCode: exitCodeFor(report) };
  reports.set(result, { report, cwd, evaluations: options.evaluations ?? false });
  return result;
}

async function resolveConfig(config: ScanOptions["config"], cwd: string): Promise<Config> {
  const { emptyConfig, findConfig, loadConfig } = await import("./engine/config.js");
  if (config === false) return emptyConfig();
  if (typeof config === "string") return loadConfig(path.resolve(cwd, config), config);
  if (config === undefined) {
    const found = findConfig(cwd);
    return found ? loadConfig(found, path.relative(cwd, found) || found) : emptyConfig();
  }
  // An object: checked against the same schema as a file (loadConfig reads files, so through a temporary one).
  const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(path.join(tmpdir(), "shipshape-config-"));
  try {
    const file = path.join(dir, ".shipshape.yaml");
    writeFileSync(file, JSON.stringify(config));
    const loaded = loadConfig(file, "(options.config)");
    // paths in an object are relative to cwd, not to the temporary file
    loaded.policies = (config.policies ?? []).map((p) => path.resolve(cwd, p));
    loaded.vap = (config.vap ?? []).map((p) => path.resolve(cwd, p));
    return loaded;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface RenderReportOptions {
  /** Text: ANSI colours (default false). */
  color?: boolean;
  /** SARIF: the folder artifact paths are relative to; fix previews: where files are read (default: the scan's `cwd`). */
  cwd?: string;
  /** Text: framework references under each finding. */
  frameworks?: boolean;
}

/**
 * A result of `scan` in one of the CLI's report formats: the same text `shipshape scan --format FORMAT` writes.
 * The report is written from the scan itself (changes made to `result` are not seen).
 */
export async function renderReport(result: ScanResult, format: FormatName, options: RenderReportOptions = {}): Promise<string> {
  const scanned = reports.get(result);
  if (!scanned) throw new TypeError("renderReport: not a result of scan() (or a copy of one): pass the object scan() returned");
  const { FORMATS, NEEDS_EVALUATIONS, NEEDS_SURFACE, isFormat } = await import("./report/index.js");
  if (!isFormat(format)) throw new TypeError(`renderReport: unknown format "${String(format)}" (one of ${Object.keys(FORMATS).join(", ")})`);
  const { report } = scanned;
  if (NEEDS_SURFACE.has(format) && !report.surface) throw new TypeError(`renderReport: the ${format} report needs scan({ surface: true })`);
  if (NEEDS_EVALUATIONS.has(format) && !scanned.evaluations) {
    throw new TypeError(`renderReport: the ${format} report needs scan({ evaluations: true })`);
  }
  const cwd = options.cwd ?? scanned.cwd;
  let input = report;
  if (format === "sarif" || format === "markdown" || format === "html") {
    // these formats show each fix's diff (as the CLI does); computed on copies, so that the result stays as scanned
    const { attachFixPreviews } = await import("./fix/preview.js");
    input = { ...report, findings: report.findings.map((f) => ({ ...f })) };
    attachFixPreviews(input.findings, cwd);
  }
  return FORMATS[format](input, { color: options.color ?? false, cwd, frameworks: options.frameworks ?? false });
}
