import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { type Config, type ProfileName, emptyConfig, findConfig, loadConfig } from "../engine/config.js";
import { UsageError } from "../engine/errors.js";
import { PROFILE_NAMES } from "../engine/profiles.js";
import { type ScanOptions, exitCodeFor, scan } from "../engine/scan.js";
import { applyBaseline, baselineEntries, loadBaseline, renderBaseline } from "../engine/baseline.js";
import { VERSION } from "../version.js";
import { SEVERITIES, type Severity } from "../model/types.js";
import { FORMATS, type FormatName, NEEDS_EVALUATIONS, NEEDS_SURFACE, isFormat } from "../report/index.js";
import { renderJsonChunks } from "../report/json.js";
import { type OptionSpec, parseArgs, splitList } from "./args.js";
import { type Io, useColor } from "./output.js";
import { Progress } from "./progress.js";
import { attachFixPreviews } from "../fix/preview.js";
import type { InputLimits } from "../loaders/files.js";

/**
 * Formats that carry each fix's change: SARIF `fixes`, the diffs of Markdown and HTML. JSON carries the fix itself
 * (ops, safety, note): computing every diff would double the time of a large scan, and `fix --dry-run` shows them.
 */
const SHOWS_FIXES = new Set<FormatName>(["sarif", "markdown", "html"]);

/** Options `scan` and `fix` share: what to read, how to render charts and overlays, which rules to run. */
export const INPUT_OPTIONS: Record<string, OptionSpec> = {
  profile: { type: "string" },
  rules: { type: "list" },
  "skip-rules": { type: "list" },
  exclude: { type: "list" },
  dockerfile: { type: "list" },
  policy: { type: "list" },
  "helm-bin": { type: "string" },
  "kustomize-bin": { type: "string" },
  values: { type: "list" },
  set: { type: "list" },
  "release-name": { type: "string" },
  config: { type: "string", short: "c" },
  "no-config": { type: "boolean" },
  "kube-version": { type: "string" },
  "default-namespace": { type: "string" },
};

export const SCAN_OPTIONS: Record<string, OptionSpec> = {
  ...INPUT_OPTIONS,
  format: { type: "list", short: "f" },
  output: { type: "list", short: "o" },
  "fail-on": { type: "string" },
  vap: { type: "list" },
  "no-vap": { type: "boolean" },
  "changed-since": { type: "string" },
  frameworks: { type: "boolean" },
  surface: { type: "boolean" },
  cluster: { type: "boolean" },
  kubeconfig: { type: "string" },
  context: { type: "string" },
  namespace: { type: "list", short: "n" },
  "max-file-size": { type: "string" },
  "max-aliases": { type: "string" },
  "max-depth": { type: "string" },
  "max-script-size": { type: "string" },
  baseline: { type: "string" },
  "write-baseline": { type: "string" },
  "show-baselined": { type: "boolean" },
  "no-baseline": { type: "boolean" },
  help: { type: "boolean", short: "h" },
};

export const SCAN_HELP = `Usage: shipshape scan [options] [paths...]

Scans Kubernetes manifests (YAML, JSON, multi-document files, Lists) and Dockerfiles (Dockerfile,
Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile) in files and folders; "-" reads stdin.
With no path, scans the current folder.

Options:
  -f, --format FORMAT      text (default), json, sarif, junit, html, markdown, threat-model,
                           policyreport (PolicyReport/ClusterPolicyReport YAML), gitlab (GitLab
                           Code Quality JSON);
                           repeat for several reports (html, markdown and threat-model imply --surface)
  -o, --output FILE        write the report of the preceding --format to FILE (default: stdout)
      --fail-on SEVERITY   exit 1 when a finding is at least this severe: critical, high (default),
                           medium, low, info, or none
      --profile NAME       ${PROFILE_NAMES.join(", ")} (default: recommended)
      --rules IDS          run only these rules (comma-separated, repeatable)
      --skip-rules IDS     do not run these rules
      --exclude GLOB       do not scan files matching GLOB (repeatable)
      --dockerfile PATH    also scan PATH as a Dockerfile, whatever its name (repeatable)
      --policy PATH        custom CEL rules (kind CustomRule; file or folder, repeatable),
                           reported as custom:<name>; see docs/policies.md
      --vap PATH           ValidatingAdmissionPolicies, bindings and their params (file or folder,
                           repeatable) to evaluate against the scanned objects, reported as
                           vap:<policy>; those among the scanned manifests are evaluated too
      --no-vap             do not evaluate the ValidatingAdmissionPolicies found in the scanned files

Helm charts (folders with Chart.yaml, packaged .tgz) are rendered with \`helm template\`, Kustomize roots
with \`kubectl kustomize\`; findings point at the template or patch to edit.
      --values FILE        Helm values file (repeatable)
      --set KEY=VALUE      Helm value (repeatable)
      --release-name NAME  Helm release name (default: release)
      --helm-bin PATH      the helm binary (default: helm on PATH)
      --kustomize-bin PATH kubectl or kustomize (default: kubectl on PATH, else kustomize)
  -c, --config FILE        configuration file (default: .shipshape.yaml from here upward)
      --no-config          ignore .shipshape.yaml files
      --kube-version X.Y   the Kubernetes version the manifests target (default: 1.35)
      --default-namespace  namespace of objects that set none (default: default)
      --frameworks         text: show each finding's Pod Security Standards level and
                           CIS / NSA-CISA / MITRE references (JSON and SARIF always carry them)
      --surface            add the attack-surface analysis: entry points, attack paths (internet or
                           namespace -> workloads -> ServiceAccount -> cluster-admin / Secrets / node)
                           and each workload's risk score (text and JSON; see docs/attack-surface.md)
      --changed-since REF  report only on files changed since the git ref REF (committed, staged,
                           unstaged and untracked changes; Helm charts and Kustomize roots when a file
                           they read changed); every file is still read, so rules that look across
                           objects (Services, NetworkPolicies, RBAC) see the whole tree

Limits (also \`limits:\` in .shipshape.yaml): input over a limit is not scanned but reported as a
parse-error finding (tooLarge, aliasLimit, tooDeep, scriptTooLong) that names the limit.
      --max-file-size SIZE largest file (or stdin) read: bytes, or with K, M, G (KiB, MiB, GiB)
                           (default: 16M)
      --max-aliases N      YAML alias expansions per document ("billion laughs") (default: 1000)
      --max-depth N        deepest nesting of maps and lists in a YAML or JSON document, and of
                           commands in a Dockerfile RUN (default: 256)
      --max-script-size N  longest Dockerfile RUN script or heredoc parsed as shell, in characters
                           (default: 256K)

Live cluster (see docs/cluster.md): reads workloads, Services, Ingresses, NetworkPolicies, RBAC,
ServiceAccounts, PDBs, HPAs, Namespaces and Secret metadata (never their data) from the API server.
      --cluster            scan the cluster of the kubeconfig's context instead of files
      --kubeconfig FILE    kubeconfig (default: $KUBECONFIG, ~/.kube/config, or in-cluster)
      --context NAME       kubeconfig context (default: the current one)
  -n, --namespace NS       only these namespaces (comma-separated, repeatable; default: all)

Baselines (see "Baselines" in the README): accept today's findings, fail only on new ones.
      --write-baseline FILE  record the unsuppressed findings (not diagnostics) in FILE (YAML), by
                           fingerprint (rule, object, container, path: not lines); the scan then exits 0
                           unless it could not run
      --baseline FILE      leave out the findings FILE lists (they never trip --fail-on); the summary
                           counts them and the entries no finding matches any more (fixed)
      --show-baselined     list the baselined findings too, marked (text; JSON: "baselined")
      --no-baseline        ignore the configuration's baseline: (report every finding)

Exit status: 0 no finding reaches --fail-on, 1 one does, 2 the scan could not run.
`;

interface OutputSpec {
  format: FormatName;
  file?: string;
}

/** --format and --output pair up in order: each --output belongs to the --format before it. */
export function outputsFrom(sequence: { name: string; value: string | boolean }[]): OutputSpec[] {
  const outputs: OutputSpec[] = [];
  for (const { name, value } of sequence) {
    if (name === "format") {
      const format = String(value);
      if (!isFormat(format)) throw new UsageError(`unknown format "${format}" (one of ${Object.keys(FORMATS).join(", ")})`);
      outputs.push({ format });
    } else if (name === "output") {
      if (outputs.length === 0) outputs.push({ format: "text" });
      const last = outputs[outputs.length - 1]!;
      if (last.file !== undefined) throw new UsageError(`--output ${String(value)}: the preceding --format ${last.format} already has --output ${last.file}`);
      last.file = String(value);
    }
  }
  if (outputs.length === 0) outputs.push({ format: "text" });
  if (outputs.filter((o) => o.file === undefined).length > 1) {
    throw new UsageError("several formats would be written to stdout: give all but one of them an --output FILE");
  }
  return outputs;
}

/**
 * The scan options INPUT_OPTIONS give (profile checked, configuration loaded); `scan` and `fix` add their own.
 * A bad profile or configuration is a usage error.
 */
export function inputsFrom(v: Record<string, unknown>, io: Io): Pick<ScanOptions, "cwd" | "config" | "profile" | "only" | "skip" | "exclude" | "dockerfiles" | "policies" | "render" | "kubeVersion" | "defaultNamespace"> {
  const profile = v.profile as string | undefined;
  if (profile !== undefined && !PROFILE_NAMES.includes(profile as ProfileName)) {
    throw new UsageError(`unknown profile "${profile}" (one of ${PROFILE_NAMES.join(", ")})`);
  }
  return {
    cwd: io.cwd,
    config: loadConfigFor(io, v),
    profile: profile as ProfileName | undefined,
    only: splitList(v.rules as string[] | undefined),
    skip: splitList(v["skip-rules"] as string[] | undefined),
    exclude: v.exclude as string[] | undefined,
    dockerfiles: splitList(v.dockerfile as string[] | undefined),
    policies: (v.policy as string[] | undefined) ?? [],
    render: {
      helmBin: v["helm-bin"] as string | undefined,
      kustomizeBin: v["kustomize-bin"] as string | undefined,
      values: (v.values as string[] | undefined) ?? [],
      set: (v.set as string[] | undefined) ?? [],
      releaseName: (v["release-name"] as string | undefined) ?? "release",
    },
    kubeVersion: v["kube-version"] as string | undefined,
    defaultNamespace: v["default-namespace"] as string | undefined,
  };
}

export function loadConfigFor(io: Io, values: Record<string, unknown>): Config {
  if (values["no-config"]) return emptyConfig();
  if (typeof values.config === "string") return loadConfig(path.resolve(io.cwd, values.config), values.config);
  const found = findConfig(io.cwd);
  return found ? loadConfig(found, path.relative(io.cwd, found) || found) : emptyConfig();
}

/** Joins small pieces into writes of about a megabyte. */
function* batched(pieces: Iterable<string>): Generator<string> {
  let buf: string[] = [];
  let size = 0;
  for (const p of pieces) {
    buf.push(p);
    size += p.length;
    if (size >= 1 << 20) {
      yield buf.join("");
      buf = [];
      size = 0;
    }
  }
  if (buf.length > 0) yield buf.join("");
}

export async function runScan(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, SCAN_OPTIONS);
  if (args.values.help) {
    io.stdout(SCAN_HELP);
    return 0;
  }
  const v = args.values;
  const outputs = outputsFrom(args.sequence);
  const failOn = v["fail-on"] as string | undefined;
  if (failOn !== undefined && failOn !== "none" && !SEVERITIES.includes(failOn as Severity)) {
    throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(", ")}, none`);
  }
  const inputs = inputsFrom(v, io);
  const { config } = inputs;
  const paths = args.positionals.length > 0 ? args.positionals : ["."];
  const namespaces = splitList(v.namespace as string[] | undefined);
  if (v.cluster !== true && (v.kubeconfig !== undefined || v.context !== undefined || namespaces !== undefined)) {
    throw new UsageError("--kubeconfig, --context and --namespace go with --cluster");
  }
  if (v.cluster === true && args.positionals.length > 0) throw new UsageError("--cluster scans the cluster: give no paths");
  const limits = limitsFrom(v);
  // A missing or malformed baseline stops the scan before it starts (exit 2).
  // --baseline, else the configuration's `baseline:` (relative to the configuration file); --no-baseline ignores it
  const baselineFile = typeof v.baseline === "string" ? path.resolve(io.cwd, v.baseline) : v["no-baseline"] === true ? undefined : config.baseline;
  const baselineName = typeof v.baseline === "string" ? v.baseline : baselineFile === undefined ? undefined : path.relative(io.cwd, baselineFile) || baselineFile;
  if (v["show-baselined"] === true && baselineFile === undefined) throw new UsageError("--show-baselined goes with --baseline FILE (or baseline: in .shipshape.yaml)");
  const baseline = baselineFile !== undefined && baselineName !== undefined ? loadBaseline(baselineFile, baselineName) : undefined;
  const writeBaseline = typeof v["write-baseline"] === "string" ? v["write-baseline"] : undefined;
  const progress = new Progress(io);
  let report = await scan({
      ...inputs,
      paths,
      vapFiles: (v.vap as string[] | undefined) ?? [],
      vap: v["no-vap"] !== true,
      ...(typeof v["changed-since"] === "string" ? { changedSince: v["changed-since"] } : {}),
      failOn: failOn as Severity | "none" | undefined,
      keepEvaluations: outputs.some((o) => NEEDS_EVALUATIONS.has(o.format)),
      onProgress: (done, total) => progress.update(done, total),
      stdin: io.stdin,
      limits,
      ...(v.cluster === true
        ? { cluster: { kubeconfig: v.kubeconfig === undefined ? undefined : path.resolve(io.cwd, v.kubeconfig as string), context: v.context as string | undefined, namespaces } }
        : {}),
      surface: v.surface === true || outputs.some((o) => NEEDS_SURFACE.has(o.format)),
    });
  progress.done();
  // --write-baseline records the findings before any --baseline is applied (so that it can renew one).
  if (writeBaseline !== undefined) {
    const command = ["shipshape", "scan", ...argv].map((a) => (/^[\w./:=,@+-]+$/.test(a) ? a : JSON.stringify(a))).join(" ");
    const count = baselineEntries(report.findings).length;
    try {
      const file = path.resolve(io.cwd, writeBaseline);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, renderBaseline(report, { version: VERSION, command }));
    } catch (err) {
      throw new UsageError(`cannot write ${writeBaseline}: ${(err as Error).message}`);
    }
    io.stderr(`shipshape: wrote ${count} finding${count === 1 ? "" : "s"} to the baseline ${writeBaseline}\n`);
  }
  if (baseline) report = applyBaseline(report, baseline, v["show-baselined"] === true);
  // Reports that show fixes get the change each one makes to its file (not for a live cluster: no files).
  if (v.cluster !== true && outputs.some((o) => SHOWS_FIXES.has(o.format))) attachFixPreviews(report.findings, io.cwd);
  for (const o of outputs) {
    // JSON goes out piece by piece: a large scan's report can exceed the longest string V8 holds
    const pieces = o.format === "json" ? renderJsonChunks(report) : [FORMATS[o.format](report, { color: o.file === undefined && useColor(io, io.stdoutIsTTY), cwd: io.cwd, frameworks: v.frameworks === true })];
    if (o.file === undefined) {
      for (const piece of batched(pieces)) io.stdout(piece);
    } else {
      const file = path.resolve(io.cwd, o.file);
      let fd: number | undefined;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        fd = openSync(file, "w");
        for (const piece of batched(pieces)) writeSync(fd, piece);
      } catch (err) {
        throw new UsageError(`cannot write ${o.file}: ${(err as Error).message}`);
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    }
  }
  // A scan that writes a baseline accepts what it found: it fails only when it cannot run (exit 2).
  return writeBaseline !== undefined ? 0 : exitCodeFor(report);
}

/** `--max-file-size 16M`, `--max-depth 100`, …: the limits given on the command line. */
export function limitsFrom(v: Record<string, unknown>): Partial<InputLimits> {
  const limits: Partial<InputLimits> = {};
  const flags: [string, keyof InputLimits, number][] = [["max-file-size", "maxFileBytes", 1], ["max-aliases", "maxAliases", 0], ["max-depth", "maxDepth", 1], ["max-script-size", "maxScriptChars", 1]];
  for (const [flag, key, min] of flags) {
    const raw = v[flag];
    if (typeof raw !== "string") continue;
    const m = /^(\d+)\s*(?:([kmg])(?:i?b)?|b)?$/i.exec(raw.trim());
    const unit = m?.[2] ? 1024 ** ("kmg".indexOf(m[2].toLowerCase()) + 1) : 1;
    const value = m ? Number(m[1]) * unit : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || (m?.[2] && key !== "maxFileBytes" && key !== "maxScriptChars")) {
      throw new UsageError(`--${flag} must be a whole number${key === "maxFileBytes" || key === "maxScriptChars" ? " (K, M or G for KiB, MiB, GiB)" : ""} of at least ${min}, not "${raw}"`);
    }
    limits[key] = value;
  }
  return limits;
}
