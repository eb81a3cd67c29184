#!/usr/bin/env node
// Benchmarks (not tests). Each one compares shipshape with a baseline measured in the same run (ratios), and gives
// the absolute figures too. Needs `npm run build` (npm run bench does it) and the shared corpora
// (../shared/corpus-real), which are not part of the project; without them it says so and exits 0.
//
//   full         scan of the real Kubernetes corpus (whole CLI, and scan() in process) vs the `yaml` library alone
//                parsing the same files; once with the plain files only, once with the whole folder (Kustomize
//                roots rendered with `kubectl kustomize`), to show what rendering costs
//   cold         `shipshape scan` of one small manifest and `shipshape --version` vs `node -e 0`
//   scaling      1k, 10k, 100k synthetic objects (the corpus' namespaced objects copied into distinct
//                namespaces): time, objects/s, peak RSS of the child, per-object time growth
//   dockerfiles  the Dockerfile corpus: shipshape vs dockerfilelint, plus an in-process breakdown
//
//   npm run bench                              # everything; medians of 5 rounds (cold start: 4 × rounds)
//   npm run bench -- --only full,cold          # some of them
//   npm run bench -- --rounds 9                # more rounds
//   npm run bench -- --quick                   # scaling stops at 10k objects
//   npm run bench -- --json out.json           # results file (default: bench-results.json at the repo root)
//   npm run bench -- --sizes 1000,5000         # scaling sizes
//   npm run bench -- --corpus DIR              # the shared corpora elsewhere (default ../shared/corpus-real)
//   npm run bench -- --scale-rounds 3          # rounds of every scaling size (default: rounds at 1k, ≤3 at
//                                              # 10k, 1 at 100k)
//
// The machine is shared: other processes run while this does. Every figure is the median of interleaved rounds
// (the variants of a benchmark alternate, so that noise hits them alike), with the min–max spread and the load
// average before and after in the JSON.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const corpus = path.resolve(opt("--corpus", path.resolve(root, "..", "shared", "corpus-real")));
const BENCHMARKS = ["full", "cold", "scaling", "dockerfiles"];
const only = opt("--only", BENCHMARKS.join(",")).split(",").map((s) => s.trim()).filter(Boolean);
for (const name of only) {
  if (!BENCHMARKS.includes(name)) {
    console.error(`--only: unknown benchmark "${name}" (known: ${BENCHMARKS.join(", ")})`);
    process.exit(2);
  }
}
const rounds = Number(opt("--rounds", "5"));
const quick = args.includes("--quick");
const jsonOut = path.resolve(opt("--json", path.join(root, "bench-results.json")));
const sizes = opt("--sizes", quick ? "1000,10000" : "1000,10000,100000").split(",").map(Number);
const scaleRounds = opt("--scale-rounds", undefined);
if (!(rounds >= 1) || sizes.some((s) => !(s >= 1))) {
  console.error("--rounds and --sizes take positive numbers");
  process.exit(2);
}

if (!existsSync(corpus)) {
  console.log(`skipped: ${corpus} is not there (the shared corpora are not part of the project)`);
  process.exit(0);
}
if (!existsSync(path.join(root, "dist", "cli", "main.js"))) {
  console.error("run `npm run build` first");
  process.exit(2);
}

const require = createRequire(import.meta.url);
const dist = (p) => import(pathToFileURL(path.join(root, "dist", p)).href);
const shipshape = path.join(root, "bin", "shipshape.js");
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const rssPreload = pathToFileURL(path.join(root, "scripts", "bench-rss.mjs")).href;
const scratch = mkdtempSync(path.join(os.tmpdir(), "shipshape-bench-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

const git = (argv) => {
  try {
    return execFileSync("git", argv, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
};
const cpuModel = (() => {
  try {
    return /^model name\s*:\s*(.*)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? os.cpus()[0]?.model;
  } catch {
    return os.cpus()[0]?.model;
  }
})();
const results = {
  date: new Date().toISOString(),
  machine: { cpus: os.availableParallelism(), cpuModel, memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version, platform: `${os.platform()} ${os.release()}` },
  options: { only, rounds, quick, sizes },
  // What was measured: the commit, and whether the work tree (src/ built into dist/) differed from it.
  commit: git(["rev-parse", "HEAD"]) ?? null,
  dirty: (git(["status", "--porcelain", "--untracked-files=no"]) ?? "") !== "",
  benchmarks: {},
};
/** Rows of the final table: [benchmark, measure, value, note]. */
const table = [];

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** Median, min, max and the number of rounds of a list of times. */
function stats(xs) {
  return { median: +median(xs).toFixed(1), min: +Math.min(...xs).toFixed(1), max: +Math.max(...xs).toFixed(1), rounds: xs.length };
}
const spread = (s) => `${s.min.toFixed(0)}–${s.max.toFixed(0)} ms, n=${s.rounds}`;
const load = () => os.loadavg().map((x) => +x.toFixed(2));
const rate = (n, ms) => Math.round((n * 1000) / ms);

/**
 * Runs a child process; returns its wall-clock ms (process start included), stdout, and with `rss` its peak
 * resident set size in MiB (/usr/bin/time -f %M, else a preload that reads process.resourceUsage() at exit).
 */
function runChild(cmd, argv, { rss = false, anyStatus = false } = {}) {
  let file = cmd;
  let list = argv;
  const env = { ...process.env };
  const rssFile = rss ? path.join(scratch, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`) : undefined;
  if (rssFile && TIME) {
    file = TIME;
    list = ["-f", "%M", "-o", rssFile, cmd, ...argv];
  } else if (rssFile && cmd === process.execPath) {
    list = ["--import", rssPreload, ...argv];
    env.BENCH_RSS_FILE = rssFile;
  }
  const start = process.hrtime.bigint();
  let out;
  let status = 0;
  try {
    out = execFileSync(file, list, { encoding: "utf8", env, maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    // shipshape: 1 = findings; dockerfilelint exits with the number of files with issues.
    if (!(err.status === 1 || (anyStatus && typeof err.status === "number" && err.stdout))) {
      const stderr = String(err.stderr ?? err.message).trim();
      const why = /^.*(FATAL ERROR|heap out of memory|internal error).*$/m.exec(stderr)?.[0] ?? stderr.split("\n").slice(-3).join(" / ");
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const rssMiB = rssFile && existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) / 1024 : undefined;
      const e = new Error(`exit ${err.status ?? err.signal} after ${(ms / 1000).toFixed(0)} s${rssMiB ? `, peak ${rssMiB.toFixed(0)} MiB` : ""}: ${why.trim()}`);
      Object.assign(e, { status: err.status, ms, rssMiB });
      throw e;
    }
    out = err.stdout;
    status = err.status;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  let rssMiB;
  if (rssFile && existsSync(rssFile)) {
    const lines = readFileSync(rssFile, "utf8").trim().split("\n");
    rssMiB = Number(lines[lines.length - 1]) / 1024;
    rmSync(rssFile, { force: true });
  }
  return { ms, out, status, rssMiB };
}

function walkFiles(dir, pick, out = []) {
  for (const e of readdirSync(dir).sort()) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) walkFiles(p, pick, out);
    else if (pick(e)) out.push(p);
  }
  return out;
}

function header(title) {
  console.log(`\n== ${title}`);
}

const { parseAllDocuments, stringify } = await import("yaml");
const { k8sTags } = await dist("loaders/k8s-yaml-schema.js");
// The yaml baseline parses with the options shipshape's loader passes (Kubernetes' YAML 1.1 scalars, merge keys),
// so that both produce the same values; without a LineCounter and without keeping anything.
const YAML_OPTIONS = { customTags: k8sTags, merge: true, uniqueKeys: false, maxAliasCount: 1000, prettyErrors: false, logLevel: "error" };

/** The `yaml` library alone: read and parseAllDocuments + toJS every input. Returns the number of documents. */
function yamlParse(inputs) {
  let documents = 0;
  for (const input of inputs) {
    const text = input.text ?? readFileSync(input.file, "utf8");
    const docs = parseAllDocuments(text, YAML_OPTIONS);
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      doc.toJS({ maxAliasCount: 1000 });
      documents++;
    }
  }
  return documents;
}

/** Milliseconds of a synchronous or asynchronous function, and its value. */
async function timed(fn) {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Full scan of the real Kubernetes corpus vs the `yaml` library alone

async function benchFull() {
  header("full scan of the real Kubernetes corpus vs the yaml library alone");
  const k8s = path.join(corpus, "k8s");
  const { walk } = await dist("loaders/files.js");
  const { kustomizeRoots, renderKustomization } = await dist("loaders/kustomize.js");
  const { scan } = await dist("engine/scan.js");
  const { emptyConfig } = await dist("engine/config.js");
  const { KubeVersion } = await dist("model/kube-version.js");
  const loadBefore = load();

  const walked = walk([k8s], [], root);
  const kdirs = walked.kustomizations;
  const roots = kustomizeRoots(kdirs);
  const underKustomization = (abs) => kdirs.some((k) => abs.startsWith(k.absolute + path.sep));
  // Plain variant: the files outside every kustomization folder, passed one by one (so that nothing is rendered).
  const plain = walked.files.filter((f) => f.kind === "manifest" && !underKustomization(f.absolute)).map((f) => f.absolute);
  const others = walked.files.filter((f) => f.kind !== "manifest");

  // What the whole-folder scan reads: it renders each root with kubectl kustomize (through a wrapper
  // kustomization, as src/loaders/kustomize.ts does), parses the stream and every file the build read (the
  // `consumed` files, per root), and reads the rest as plain manifests. Found once, outside the timing.
  const isFile = (p) => {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  };
  const onPath = (b) => (process.env.PATH ?? "").split(path.delimiter).filter(Boolean).map((d) => path.join(d, b)).find(isFile);
  const kubectl = onPath("kubectl") ?? onPath("kustomize");
  const renderOptions = { cwd: root, values: [], set: [], releaseName: "release", namespace: "default", kubeVersion: KubeVersion.DEFAULT.toString() };
  /** The stream shipshape gets from kubectl for a root, and how long kubectl took. */
  const renderStream = (r) => {
    const wrapper = mkdtempSync(path.join(scratch, "kustomize-"));
    try {
      const rel = path.relative(wrapper, r.absolute).split(path.sep).join("/");
      const k = { apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization", resources: [rel], buildMetadata: ["originAnnotations"] };
      try {
        const own = parseAllDocuments(readFileSync(path.join(r.absolute, r.file), "utf8"), YAML_OPTIONS)[0]?.toJS();
        if (own?.sortOptions !== undefined) k.sortOptions = own.sortOptions;
      } catch {
        // rendered as is
      }
      writeFileSync(path.join(wrapper, "kustomization.yaml"), stringify(k));
      const argv = path.basename(kubectl).startsWith("kustomize") ? ["build", wrapper] : ["kustomize", wrapper];
      const t = performance.now();
      try {
        const text = execFileSync(kubectl, [...argv, "--load-restrictor", "LoadRestrictionsNone"], { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "pipe"] });
        return { ms: performance.now() - t, text };
      } catch {
        return { ms: performance.now() - t, text: undefined };
      }
    } finally {
      rmSync(wrapper, { recursive: true, force: true });
    }
  };
  const consumed = new Set();
  const rendered = [];
  if (kubectl) {
    for (const r of roots) {
      const res = await renderKustomization(r, renderOptions); // sync in older builds, async in newer ones
      if (!res.failed) for (const f of res.consumed) consumed.add(f);
      const stream = renderStream(r);
      rendered.push({ root: r, failed: res.failed, objects: res.resources.length, consumed: res.consumed, stream: stream.text });
    }
  }
  const wholePlain = walked.files.filter((f) => f.kind === "manifest" && !consumed.has(f.absolute)).map((f) => f.absolute);
  const inputs = {
    plain: plain.map((file) => ({ file })),
    whole: [
      ...wholePlain.map((file) => ({ file })),
      // kustomizeRoots reads every kustomization file once to find the roots
      ...kdirs.map((k) => ({ file: path.join(k.absolute, k.file) })),
      ...rendered.filter((r) => !r.failed && r.stream !== undefined).flatMap((r) => [{ text: r.stream }, ...r.consumed.map((file) => ({ file }))]),
    ],
  };

  const cliArgs = ["--no-config", "--profile", "all", "--format", "json", "--fail-on", "none"];
  const variants = {
    plain: { cli: [shipshape, "scan", ...plain, ...cliArgs], paths: plain },
    whole: { cli: [shipshape, "scan", k8s, ...cliArgs], paths: [k8s] },
  };
  const inProcess = (paths) => scan({ paths, cwd: root, config: emptyConfig(), profile: "all", failOn: "none" });

  // Warm-up (JIT, file cache), and the object counts.
  const summary = {};
  for (const [name, v] of Object.entries(variants)) {
    summary[name] = (await inProcess(v.paths)).summary;
    yamlParse(inputs[name]);
  }
  const times = { plain: { cli: [], inProcess: [], yaml: [], rss: [] }, whole: { cli: [], inProcess: [], yaml: [], rss: [], kubectl: [] } };
  let yamlDocuments = {};
  let cliSummary = {};
  for (let i = 0; i < rounds; i++) {
    for (const [name, v] of Object.entries(variants)) {
      const c = runChild(process.execPath, v.cli, { rss: true });
      times[name].cli.push(c.ms);
      if (c.rssMiB !== undefined) times[name].rss.push(c.rssMiB);
      cliSummary[name] = JSON.parse(c.out).summary;
      times[name].inProcess.push((await timed(() => inProcess(v.paths))).ms);
      const y = await timed(() => yamlParse(inputs[name]));
      times[name].yaml.push(y.ms);
      yamlDocuments[name] = y.value;
    }
    if (kubectl) times.whole.kubectl.push(rendered.reduce((ms, r) => ms + renderStream(r.root).ms, 0));
    process.stdout.write(`  round ${i + 1}/${rounds}\r`);
  }

  const out = { rounds, loadBefore, kubectl: kubectl ?? null, kustomizationFolders: kdirs.length, kustomizeRoots: roots.length, renderedRoots: rendered.filter((r) => !r.failed).length, failedRoots: rendered.filter((r) => r.failed).map((r) => path.relative(k8s, r.root.absolute)), otherInputs: others.length, variants: {} };
  for (const name of Object.keys(variants)) {
    const t = times[name];
    const objects = summary[name].objects;
    const cli = stats(t.cli);
    const inproc = stats(t.inProcess);
    const yaml = stats(t.yaml);
    out.variants[name] = {
      files: name === "plain" ? plain.length : summary[name].files,
      yamlInputs: inputs[name].length,
      objects,
      cliObjects: cliSummary[name].objects,
      yamlDocuments: yamlDocuments[name],
      findings: summary[name].findings,
      cliMs: cli,
      inProcessMs: inproc,
      yamlMs: yaml,
      cliPeakRssMiB: t.rss.length ? +median(t.rss).toFixed(0) : null,
      objectsPerSecond: { cli: rate(objects, cli.median), inProcess: rate(objects, inproc.median), yaml: rate(objects, yaml.median) },
      // > 1: shipshape is slower than the yaml library alone. The target is ≤ 0.5 (scan at least 2× faster).
      ratio: { cliVsYaml: +(cli.median / yaml.median).toFixed(2), inProcessVsYaml: +(inproc.median / yaml.median).toFixed(2) },
    };
    if (name === "whole" && t.kubectl.length) out.variants.whole.kubectlMs = stats(t.kubectl);
  }
  const p = out.variants.plain;
  const w = out.variants.whole;
  out.rendering = {
    // Extra time of the whole folder over the plain files: kubectl runs, the stream, the origin mapping, and
    // the kustomization folders' own files.
    extraCliMs: +(w.cliMs.median - p.cliMs.median).toFixed(0),
    extraInProcessMs: +(w.inProcessMs.median - p.inProcessMs.median).toFixed(0),
    shareOfInProcess: +((w.inProcessMs.median - p.inProcessMs.median) / w.inProcessMs.median).toFixed(2),
    kubectlShareOfInProcess: w.kubectlMs ? +(w.kubectlMs.median / w.inProcessMs.median).toFixed(2) : null,
  };
  out.loadAfter = load();
  results.benchmarks.full = out;

  console.log(`  ${rounds} rounds, median wall clock; kustomize: ${out.kustomizeRoots} roots of ${kdirs.length} kustomization folders (${out.failedRoots.length} fail to render), ${kubectl ?? "no kubectl: not rendered"}`);
  for (const [name, v] of Object.entries(out.variants)) {
    const label = name === "plain" ? `plain files only (${v.files} files outside kustomization folders, passed by name)` : `whole folder (${v.files} files, Kustomize roots rendered)`;
    console.log(`  ${label}: ${v.objects} objects, ${v.findings} findings`);
    console.log(`    shipshape CLI       ${v.cliMs.median.toFixed(0).padStart(7)} ms  ${String(v.objectsPerSecond.cli).padStart(6)} objects/s  peak ${v.cliPeakRssMiB} MiB  (${spread(v.cliMs)})`);
    console.log(`    scan() in process   ${v.inProcessMs.median.toFixed(0).padStart(7)} ms  ${String(v.objectsPerSecond.inProcess).padStart(6)} objects/s  (${spread(v.inProcessMs)})`);
    console.log(`    yaml alone          ${v.yamlMs.median.toFixed(0).padStart(7)} ms  ${String(v.objectsPerSecond.yaml).padStart(6)} objects/s  (${v.yamlInputs} inputs, ${v.yamlDocuments} documents; ${spread(v.yamlMs)})`);
    if (v.kubectlMs) console.log(`    kubectl kustomize   ${v.kubectlMs.median.toFixed(0).padStart(7)} ms  (the ${out.renderedRoots + out.failedRoots.length} renders alone, in sequence; ${spread(v.kubectlMs)})`);
    console.log(`    ratio CLI / yaml ${v.ratio.cliVsYaml}, in-process / yaml ${v.ratio.inProcessVsYaml} (target ≤ 0.5)`);
    table.push(["full/" + name, "CLI / yaml", v.ratio.cliVsYaml.toFixed(2), `${v.cliMs.median.toFixed(0)} vs ${v.yamlMs.median.toFixed(0)} ms; ${v.objects} objects`]);
    table.push(["full/" + name, "in-process / yaml", v.ratio.inProcessVsYaml.toFixed(2), `${v.inProcessMs.median.toFixed(0)} ms; ${v.objectsPerSecond.inProcess} vs ${v.objectsPerSecond.yaml} objects/s`]);
  }
  console.log(`  rendering: +${out.rendering.extraInProcessMs} ms in process (${(out.rendering.shareOfInProcess * 100).toFixed(0)} % of the whole-folder scan), kubectl alone ${out.rendering.kubectlShareOfInProcess === null ? "n/a" : `${(out.rendering.kubectlShareOfInProcess * 100).toFixed(0)} %`}`);
  table.push(["full/whole", "rendering share", `${(out.rendering.shareOfInProcess * 100).toFixed(0)} %`, `kubectl alone ${out.rendering.kubectlShareOfInProcess === null ? "n/a" : `${(out.rendering.kubectlShareOfInProcess * 100).toFixed(0)} %`} of in-process`]);
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Cold start

async function benchCold() {
  const n = Math.max(4 * rounds, 5);
  header(`cold start: ${n} rounds each, interleaved`);
  const loadBefore = load();
  const manifest = path.join(root, "examples", "hardened-app", "shop.yaml");
  const cases = {
    nodeNothing: [process.execPath, ["-e", "0"]],
    version: [process.execPath, [shipshape, "--version"]],
    scanSmall: [process.execPath, [shipshape, "scan", manifest, "--no-config", "--fail-on", "none"]],
  };
  const t = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (const [cmd, argv] of Object.values(cases)) runChild(cmd, argv); // warm-up: file cache
  for (let i = 0; i < n; i++) for (const [k, [cmd, argv]] of Object.entries(cases)) t[k].push(runChild(cmd, argv).ms);
  const s = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, stats(v)]));
  const out = {
    rounds: n,
    loadBefore,
    nodeMs: s.nodeNothing,
    versionMs: s.version,
    scanSmallMs: s.scanSmall,
    ratio: { scanVsNode: +(s.scanSmall.median / s.nodeNothing.median).toFixed(2), versionVsNode: +(s.version.median / s.nodeNothing.median).toFixed(2) },
    loadAfter: load(),
  };
  results.benchmarks.cold = out;
  console.log(`  node -e 0                       ${s.nodeNothing.median.toFixed(0).padStart(5)} ms  (${spread(s.nodeNothing)})`);
  console.log(`  shipshape --version             ${s.version.median.toFixed(0).padStart(5)} ms  (${spread(s.version)})  ${out.ratio.versionVsNode}× node`);
  console.log(`  shipshape scan shop.yaml        ${s.scanSmall.median.toFixed(0).padStart(5)} ms  (${spread(s.scanSmall)})  ${out.ratio.scanVsNode}× node (target < 3×)`);
  table.push(["cold", "scan shop.yaml / node -e 0", out.ratio.scanVsNode.toFixed(2), `${s.scanSmall.median.toFixed(0)} vs ${s.nodeNothing.median.toFixed(0)} ms, n=${n}`]);
  table.push(["cold", "--version / node -e 0", out.ratio.versionVsNode.toFixed(2), `${s.version.median.toFixed(0)} ms`]);
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Scaling: 1k, 10k, 100k objects

async function benchScaling() {
  header(`scaling: ${sizes.join(", ")} objects`);
  const loadBefore = load();
  const { walk } = await dist("loaders/files.js");
  const { loadManifestText } = await dist("loaders/manifest.js");
  const files = walk([path.join(corpus, "k8s")], [], root).files.filter((f) => f.kind === "manifest");
  // The corpus' namespaced objects (as in scripts/bench-surface.mjs): no cluster-scoped kinds, no CRDs, and no
  // kustomization files (they are build configuration, not objects).
  const base = files
    .flatMap((f) => loadManifestText(readFileSync(f.absolute, "utf8"), f.display).resources)
    .filter((r) => !r.clusterScoped && r.kind !== "CustomResourceDefinition" && !r.apiVersion.startsWith("kustomize.config.k8s.io/") && !r.apiVersion.startsWith("shipshape.io/"))
    .map((r) => ({ object: r.object, namespace: r.namespace }));
  console.log(`  ${base.length} namespaced objects in the corpus, copied into namespaces <ns>-c<n>; 500 objects a file`);

  /** Writes `size` objects to a fresh folder, 500 a file; returns the folder. */
  const build = (size) => {
    const dir = mkdtempSync(path.join(scratch, `scale-${size}-`));
    let chunk = [];
    let fileNo = 0;
    const flush = () => {
      if (chunk.length) writeFileSync(path.join(dir, `part-${String(fileNo++).padStart(4, "0")}.yaml`), chunk.join("---\n"));
      chunk = [];
    };
    for (let n = 0, made = 0; made < size; n++) {
      for (const b of base) {
        if (made >= size) break;
        const object = structuredClone(b.object);
        const ns = (x) => `${x ?? "default"}-c${n}`;
        object.metadata = { ...(object.metadata ?? {}), namespace: ns(b.namespace) };
        if (Array.isArray(object.subjects)) for (const s of object.subjects) if (s && typeof s === "object" && s.kind === "ServiceAccount") s.namespace = ns(s.namespace ?? b.namespace);
        // Quoting as Kubernetes' YAML 1.1 reader needs it (a string "yes" stays a string).
        chunk.push(stringify(object, { customTags: k8sTags, lineWidth: 0 }));
        made++;
        if (chunk.length === 500) flush();
      }
    }
    flush();
    return dir;
  };

  const rows = [];
  for (const size of sizes) {
    const t0 = performance.now();
    const dir = build(size);
    const buildMs = performance.now() - t0;
    const bytes = readdirSync(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
    const argv = [shipshape, "scan", dir, "--no-config", "--profile", "all", "--format", "json", "--output", "/dev/null", "--fail-on", "none"];
    const n = scaleRounds !== undefined ? Number(scaleRounds) : size <= 1000 ? rounds : size <= 10000 ? Math.min(rounds, 3) : 1;
    const ms = [];
    const rss = [];
    let error;
    if (size === sizes[0]) {
      // Once, with the report on stdout: check that every object was read.
      const check = runChild(process.execPath, argv.slice(0, -4).concat(["--fail-on", "none"]));
      const objects = JSON.parse(check.out).summary.objects;
      if (objects !== size) console.log(`  warning: shipshape read ${objects} objects of ${size}`);
    }
    for (let i = 0; i < n; i++) {
      try {
        const c = runChild(process.execPath, argv, { rss: true });
        ms.push(c.ms);
        if (c.rssMiB !== undefined) rss.push(c.rssMiB);
      } catch (err) {
        error = err.message;
        break;
      }
    }
    rmSync(dir, { recursive: true, force: true });
    const row = { objects: size, files: Math.ceil(size / 500), megabytes: +(bytes / 2 ** 20).toFixed(1), buildMs: Math.round(buildMs), rounds: ms.length };
    if (ms.length) {
      const s = stats(ms);
      Object.assign(row, { ms: s, objectsPerSecond: rate(size, s.median), usPerObject: +((s.median * 1000) / size).toFixed(0), peakRssMiB: rss.length ? +Math.max(...rss).toFixed(0) : null });
      console.log(`  ${String(size).padStart(7)} objects (${row.megabytes} MB)  ${s.median.toFixed(0).padStart(7)} ms  ${String(row.objectsPerSecond).padStart(6)} objects/s  ${String(row.usPerObject).padStart(5)} µs/object  peak ${row.peakRssMiB} MiB  (${n > 1 ? spread(s) : "1 round"})`);
    }
    if (error) {
      row.error = error;
      console.log(`  ${String(size).padStart(7)} objects: FAILED: ${error}`);
    }
    rows.push(row);
  }
  const ok = rows.filter((r) => r.ms);
  const out = { rounds: Object.fromEntries(rows.map((r) => [r.objects, r.rounds])), loadBefore, baseObjects: base.length, sizes: rows };
  if (ok.length > 1) {
    const first = ok[0];
    const last = ok[ok.length - 1];
    // > 1: the time per object grows with the number of objects (worse than linear). The 1k figure carries the
    // fixed cost of process start and module loading, so the marginal figure (between the two largest sizes,
    // against the two smallest) is the fairer test of linearity.
    out.perObjectGrowth = +(last.usPerObject / first.usPerObject).toFixed(2);
    if (ok.length > 2) {
      const [a, b] = ok.slice(0, 2);
      const [c, d] = ok.slice(-2);
      const marginal = (x, y) => (y.ms.median - x.ms.median) / (y.objects - x.objects);
      out.marginalGrowth = +(marginal(c, d) / marginal(a, b)).toFixed(2);
    }
    out.maxPeakRssMiB = Math.max(...ok.map((r) => r.peakRssMiB ?? 0));
    console.log(`  per-object time ${last.objects} vs ${first.objects}: ${out.perObjectGrowth}× (≤ 1 is linear or better)${out.marginalGrowth !== undefined ? `; marginal per-object time, largest step vs smallest: ${out.marginalGrowth}×` : ""}`);
    table.push(["scaling", `µs/object ${last.objects} / ${first.objects}`, out.perObjectGrowth.toFixed(2), ok.map((r) => `${r.objects}: ${(r.ms.median / 1000).toFixed(1)} s`).join(", ")]);
  }
  for (const r of ok) table.push(["scaling", `${r.objects} objects`, `${(r.ms.median / 1000).toFixed(1)} s`, `${r.objectsPerSecond} objects/s, peak ${r.peakRssMiB} MiB, n=${r.rounds}`]);
  for (const r of rows.filter((x) => x.error)) table.push(["scaling", `${r.objects} objects`, "FAILED", r.error.slice(0, 80)]);
  out.loadAfter = load();
  results.benchmarks.scaling = out;
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Dockerfiles: shipshape (every Dockerfile rule, tree-sitter shell parsing) vs dockerfilelint, same files.

async function benchDockerfiles() {
  header("Dockerfiles: shipshape vs dockerfilelint");
  const loadBefore = load();
  const dir = path.join(corpus, "docker");
  const { isDockerfileName } = await dist("loaders/dockerfile.js");
  const files = walkFiles(dir, isDockerfileName);
  const dockerfilelint = require.resolve("dockerfilelint/bin/dockerfilelint");
  const ours = [];
  const theirs = [];
  let oursOut;
  let theirsOut;
  for (let i = 0; i < rounds; i++) {
    // Alternate, so that machine noise hits both alike.
    const a = runChild(process.execPath, [shipshape, "scan", dir, "--no-config", "--profile", "all", "--format", "json", "--fail-on", "none"]);
    const b = runChild(process.execPath, [dockerfilelint, "-j", ...files], { anyStatus: true });
    ours.push(a.ms);
    theirs.push(b.ms);
    oursOut = a.out;
    theirsOut = b.out;
  }
  const report = JSON.parse(oursOut);
  const { CATALOG } = await dist("rules/catalog.generated.js");
  const { RULE_MODULES } = await dist("rules/index.js");
  const dockerRules = RULE_MODULES.filter((m) => CATALOG.find((c) => c.id === m.id)?.target === "dockerfile").length;
  const findings = report.findings.filter((f) => f.object?.kind === "Dockerfile").length;
  const peerFindings = JSON.parse(theirsOut).files.reduce((n, f) => n + f.issues.length, 0);
  const so = stats(ours);
  const st = stats(theirs);
  const ratio = +(so.median / st.median).toFixed(2);
  const out = { files: files.length, rounds, loadBefore, shipshapeMs: so, dockerfilelintMs: st, ratio, dockerRules, findings, peerFindings };
  console.log(`  ${files.length} files, ${rounds} rounds (median wall clock, process start included)`);
  console.log(`  shipshape      ${so.median.toFixed(0).padStart(6)} ms  ${dockerRules} Dockerfile rules, ${findings} findings  (${spread(so)})`);
  console.log(`  dockerfilelint ${st.median.toFixed(0).padStart(6)} ms  ${peerFindings} findings  (${spread(st)})`);
  console.log(`  ratio shipshape / dockerfilelint: ${ratio}`);

  // Where shipshape's time goes, in one process (warm after the first round).
  const { loadShellParser } = await dist("loaders/shell.js");
  const { loadDockerfileText } = await dist("loaders/dockerfile.js");
  const { DockerfileParser } = await import("dockerfile-ast");
  const { runRules } = await dist("engine/run.js");
  const { selectRules } = await dist("engine/select.js");
  const { emptyConfig } = await dist("engine/config.js");
  const { KubeVersion } = await dist("model/kube-version.js");
  const t0 = performance.now();
  const shell = await loadShellParser();
  const initMs = performance.now() - t0;
  const texts = files.map((f) => readFileSync(f, "utf8"));
  const phase = { astMs: [], loadMs: [], rulesMs: [] };
  const rules = selectRules({ profile: "all" }, emptyConfig());
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    for (const text of texts) DockerfileParser.parse(text).getInstructions();
    phase.astMs.push(performance.now() - t);
    t = performance.now();
    const resources = texts.flatMap((text, k) => loadDockerfileText(text, files[k], shell).resources);
    phase.loadMs.push(performance.now() - t);
    t = performance.now();
    runRules(resources, { rules, kubeVersion: KubeVersion.DEFAULT, defaultNamespace: "default" });
    phase.rulesMs.push(performance.now() - t);
  }
  const ast = median(phase.astMs);
  const loadMs = median(phase.loadMs);
  const ruleMs = median(phase.rulesMs);
  out.breakdown = { shellInitMs: +initMs.toFixed(1), dockerfileAstMs: +ast.toFixed(1), shellAndModelMs: +(loadMs - ast).toFixed(1), rulesMs: +ruleMs.toFixed(1) };
  out.loadAfter = load();
  results.benchmarks.dockerfiles = out;
  console.log("  in-process breakdown (median of warm rounds):");
  console.log(`    tree-sitter init (once)      ${initMs.toFixed(0).padStart(5)} ms`);
  console.log(`    dockerfile-ast parse         ${ast.toFixed(0).padStart(5)} ms`);
  console.log(`    shell parse + model          ${(loadMs - ast).toFixed(0).padStart(5)} ms`);
  console.log(`    rules                        ${ruleMs.toFixed(0).padStart(5)} ms`);
  table.push(["dockerfiles", "shipshape / dockerfilelint", ratio.toFixed(2), `${so.median.toFixed(0)} vs ${st.median.toFixed(0)} ms, ${files.length} files`]);
}

// ---------------------------------------------------------------------------------------------------------------

console.log(`shipshape benchmarks: ${only.join(", ")}; ${results.machine.cpus} CPUs (${cpuModel}), node ${process.version}, load ${load().join(" ")}`);
const RUN = { full: benchFull, cold: benchCold, scaling: benchScaling, dockerfiles: benchDockerfiles };
for (const name of BENCHMARKS) {
  if (!only.includes(name)) continue;
  try {
    await RUN[name]();
  } catch (err) {
    console.error(`  ${name}: FAILED: ${err.stack ?? err.message}`);
    results.benchmarks[name] = { error: err.message };
    table.push([name, "FAILED", "", String(err.message).slice(0, 80)]);
    process.exitCode = 1;
  }
}

// The table
const heads = ["benchmark", "measure", "value", "absolute"];
const widths = heads.map((h, i) => Math.max(h.length, ...table.map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => (i === 2 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join("  ");
console.log(`\n${line(heads)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
for (const r of table) console.log(line(r));

mkdirSync(path.dirname(jsonOut), { recursive: true });
writeFileSync(jsonOut, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nresults: ${path.relative(process.cwd(), jsonOut) || jsonOut}`);
