import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CONFIG_NAMES, type ProfileName } from "../engine/config.js";
import { UsageError } from "../engine/errors.js";
import { PROFILE_NAMES } from "../engine/profiles.js";
import { type InputFile, walk } from "../loaders/files.js";
import { kustomizeRoots } from "../loaders/kustomize.js";
import { type OptionSpec, parseArgs } from "./args.js";
import type { Io } from "./output.js";

export const INIT_OPTIONS: Record<string, OptionSpec> = {
  force: { type: "boolean" },
  baseline: { type: "string" },
  profile: { type: "string" },
  help: { type: "boolean", short: "h" },
};

export const INIT_HELP = `Usage: shipshape init [options]

Writes a commented .shipshape.yaml for the repository in the current folder: finds its Helm charts,
Kustomize roots, Dockerfiles and folders of manifests, and excludes folders of rendered output and
YAML that holds no Kubernetes objects (CI workflows, compose files).

Options:
      --profile NAME     the profile to write (default: recommended); one of ${PROFILE_NAMES.join(", ")}
      --baseline FILE    also scan with the new configuration and record the current findings in FILE
                         (as \`shipshape scan --write-baseline FILE\`), to adopt shipshape without fixing
                         everything first; later scans use it with \`--baseline FILE\`
      --force            overwrite an existing .shipshape.yaml

Exit status: 0 written, 2 not (a configuration exists, bad option).
`;

/** Folder names that usually hold generated manifests (helm template / kustomize build output): scanned twice otherwise. */
const RENDERED_DIRS = new Set(["rendered", ".rendered", "generated", "_generated", "out", "output", "_output", "dist", "build"]);

export interface Detected {
  charts: string[];
  kustomizations: string[];
  dockerfiles: string[];
  /** Folders with Kubernetes manifests that no chart or kustomization renders. */
  manifestDirs: string[];
  /** Folders of rendered output: excluded. */
  rendered: string[];
  /** Globs of YAML that holds no Kubernetes object (CI workflows, compose files): excluded. */
  notKubernetes: string[];
}

const posix = (p: string) => p.split(path.sep).join("/");
const dirOf = (display: string) => posix(path.dirname(display));
const under = (p: string, dir: string) => dir === "." || p === dir || p.startsWith(`${dir}/`);

/** What `init` finds in `cwd`, with the walk `scan` uses. */
export function detect(cwd: string): Detected {
  const walked = walk(["."], [], cwd);
  const roots = kustomizeRoots(walked.kustomizations).map((k) => posix(k.display));
  const kustomized = walked.kustomizations.map((k) => posix(k.display));
  const charts = walked.files.filter((f) => f.kind === "helm-chart").map((f) => posix(f.display));
  const dockerfiles = walked.files.filter((f) => f.kind === "dockerfile").map((f) => posix(f.display));
  const byDir = new Map<string, InputFile[]>();
  for (const f of walked.files) {
    if (f.kind !== "manifest") continue;
    const d = posix(f.display);
    if (kustomized.some((k) => under(d, k))) continue; // read by the kustomization
    const list = byDir.get(dirOf(d)) ?? [];
    list.push(f);
    byDir.set(dirOf(d), list);
  }
  const rendered = new Set<string>();
  const notKubernetes: string[] = [];
  const manifestDirs: string[] = [];
  for (const [dir, files] of [...byDir].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const parts = dir.split("/");
    const i = parts.findIndex((p) => RENDERED_DIRS.has(p));
    if (i >= 0) {
      rendered.add(parts.slice(0, i + 1).join("/"));
      continue;
    }
    if (files.some((f) => isKubernetes(f))) manifestDirs.push(dir);
    else if (dir === ".") notKubernetes.push(...files.map((f) => posix(f.display))); // a glob would exclude everything
    else notKubernetes.push(`${dir}/*`);
  }
  return { charts, kustomizations: roots, dockerfiles, manifestDirs, rendered: [...rendered], notKubernetes };
}

function isKubernetes(file: InputFile): boolean {
  try {
    const text = readFileSync(file.absolute!, "utf8").slice(0, 1 << 20);
    // YAML keys at the start of a line, or JSON keys anywhere
    return /^\s*apiVersion\s*:|"apiVersion"\s*:/m.test(text) && /^\s*kind\s*:|"kind"\s*:/m.test(text);
  } catch {
    return false;
  }
}

/** The commented configuration for what was found. */
export function renderInitConfig(found: Detected, profile: ProfileName, chosen: boolean, baseline?: string): string {
  const list = (items: string[], none: string) => (items.length === 0 ? `#   (${none})\n` : items.map((i) => `#   ${i}\n`).join(""));
  const exclude = [...found.rendered.map((d) => ({ glob: `${d}/**`, why: "rendered output: its sources are scanned" })), ...found.notKubernetes.map((glob) => ({ glob, why: "YAML without Kubernetes objects" }))];
  const out: string[] = [];
  out.push(
    "# shipshape configuration, written by `shipshape init`. Every key is optional; `shipshape scan` finds this",
    "# file from the current folder upward. Every key is described in schemas/shipshape-config.schema.json, the",
    "# docs/*.md files named below are in the shipshape repository and package.",
    "#",
    "# What init found (scanned as they are; `shipshape scan` with no path scans them all):",
    "# Helm charts (rendered with `helm template`, findings point at the templates; docs/rendering.md):",
    list(found.charts, "none").trimEnd(),
    "# Kustomize roots (rendered with `kubectl kustomize`, findings point at the patches; docs/rendering.md):",
    list(found.kustomizations, "none").trimEnd(),
    "# Dockerfiles (docs/dockerfiles.md):",
    list(found.dockerfiles, "none").trimEnd(),
    "# Folders of plain manifests:",
    list(found.manifestDirs, "none").trimEnd(),
    "",
    "# Which rules run: pss-baseline, pss-restricted (Pod Security Standards), recommended, all, cis, nsa.",
    chosen
      ? `# ${profile} was asked for (shipshape init --profile).`
      : "# recommended: the rules enabled by default, the usual start. Move to pss-restricted once the\n# workloads pass it (`shipshape scan --profile pss-restricted` shows what is left). docs/rules.md lists the rules.",
    `profile: ${profile}`,
    "",
    "# Exit with status 1 when a finding is at least this severe: critical, high, medium, low, info or none.",
    "failOn: high",
    "",
    "# The Kubernetes version the manifests are deployed to (default: the latest shipshape knows), e.g.:",
    '# kubeVersion: "1.33"',
    "",
    "# Namespace of objects that set none (default: default):",
    "# defaultNamespace: default",
    "",
    "# Files and folders not to scan (globs, relative to the scanned paths).",
  );
  if (exclude.length === 0) out.push("# exclude:", "#   - generated/**");
  else out.push("exclude:", ...exclude.map((e) => `  - ${JSON.stringify(e.glob)} # ${e.why}`));
  out.push(
    "",
    "# Per-rule settings: true/false to turn a rule on or off, or { severity, params }; `shipshape explain RULE`.",
    "# rules:",
    "#   image-tag-latest: { severity: high }",
    "",
    "# Findings accepted for a reason (and until a date); `ignore.shipshape.io/<rule>` annotations do the same per object.",
    "# exemptions:",
    "#   - rules: [run-as-root]",
    "#     name: legacy-*",
    "#     reason: the vendor image needs root; tracked in TICKET-123",
    '#     expires: "2030-01-01"',
    "",
    "# Custom CEL rules and ValidatingAdmissionPolicies to evaluate (docs/policies.md):",
    "# policies: [policies/]",
    "# vap: [admission/]",
    "",
  );
  if (baseline !== undefined) {
    out.push(
      `# The findings of the first scan are recorded in ${baseline} (shipshape init --baseline): scans run with`,
      `# \`shipshape scan --baseline ${baseline}\` report only new findings. Fix the recorded ones over time and rewrite`,
      "# the file with `--write-baseline` (README, Baselines).",
      "",
    );
  }
  return out.join("\n");
}

export async function runInit(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, INIT_OPTIONS);
  const v = args.values;
  if (v.help) {
    io.stdout(INIT_HELP);
    return 0;
  }
  if (args.positionals.length > 0) throw new UsageError(`init takes no paths: it writes .shipshape.yaml for the current folder (got ${args.positionals.join(" ")})`);
  const profile = v.profile as string | undefined;
  if (profile !== undefined && !PROFILE_NAMES.includes(profile as ProfileName)) {
    throw new UsageError(`unknown profile "${profile}" (one of ${PROFILE_NAMES.join(", ")})`);
  }
  const existing = CONFIG_NAMES.map((n) => path.join(io.cwd, n)).find((p) => existsSync(p));
  if (existing && v.force !== true) throw new UsageError(`${path.basename(existing)} exists: not overwritten (--force overwrites it)`);
  const found = detect(io.cwd);
  const file = existing ?? path.join(io.cwd, CONFIG_NAMES[0]!);
  const baseline = typeof v.baseline === "string" ? v.baseline : undefined;
  const text = renderInitConfig(found, (profile as ProfileName | undefined) ?? "recommended", profile !== undefined, baseline);
  try {
    writeFileSync(file, text);
  } catch (err) {
    throw new UsageError(`cannot write ${path.basename(file)}: ${(err as Error).message}`);
  }
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? "" : "s"}`;
  io.stderr(
    `shipshape: wrote ${path.basename(file)}: ${n(found.charts.length, "Helm chart")}, ${n(found.kustomizations.length, "Kustomize root")}, ` +
      `${n(found.dockerfiles.length, "Dockerfile")}, ${n(found.manifestDirs.length, "manifest folder")}\n`,
  );
  if (baseline !== undefined) {
    // The scan's own --write-baseline, with the configuration just written; its report is not shown.
    const { main } = await import("./main.js");
    const code = await main(["scan", "--config", path.basename(file), "--write-baseline", baseline], { ...io, stdout: () => undefined });
    if (code !== 0) return 2;
    io.stderr(`shipshape: later scans leave these findings out with \`shipshape scan --baseline ${baseline}\`\n`);
  }
  return 0;
}
