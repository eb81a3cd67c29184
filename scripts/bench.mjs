#!/usr/bin/env node
// Benchmarks (not tests): wall-clock time of whole CLI runs, compared in the same run with a peer tool on the same
// files, plus an in-process breakdown of where shipshape's time goes. Needs `npm run build` and the shared corpora
// (../shared/corpus-real), which are not part of the project; without them it says so and exits 0.
//
//   npm run bench                # all benchmarks, 5 rounds each (median)
//   npm run bench -- --rounds 9  # more rounds
//   npm run bench -- --json out.json
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.resolve(root, "..", "shared", "corpus-real");
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const rounds = Number(opt("--rounds", "5"));
const jsonOut = opt("--json", undefined);

if (!existsSync(corpus)) {
  console.log(`skipped: ${corpus} is not there (the shared corpora are not part of the project)`);
  process.exit(0);
}
if (!existsSync(path.join(root, "dist", "cli", "main.js"))) {
  console.error("run `npm run build` first");
  process.exit(2);
}

const require = createRequire(import.meta.url);
const shipshape = path.join(root, "bin", "shipshape.js");
const results = {};

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall-clock ms of a child process run (startup included), and its stdout. */
function timeRun(cmd, argv, anyStatus = false) {
  const start = process.hrtime.bigint();
  let out;
  try {
    out = execFileSync(cmd, argv, { encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    // shipshape: 1 = findings; dockerfilelint exits with the number of files with issues.
    if (!(err.status === 1 || (anyStatus && typeof err.status === "number" && err.stdout))) throw err;
    out = err.stdout;
  }
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, out };
}

function walk(dir, pick, out = []) {
  for (const e of readdirSync(dir).sort()) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) walk(p, pick, out);
    else if (pick(e)) out.push(p);
  }
  return out;
}

// ---- Dockerfiles: shipshape (every Dockerfile rule, tree-sitter shell parsing) vs dockerfilelint, same files.
{
  const dir = path.join(corpus, "docker");
  const { isDockerfileName } = await import(pathToFileURL(path.join(root, "dist", "loaders", "dockerfile.js")).href);
  const files = walk(dir, isDockerfileName);
  const dockerfilelint = require.resolve("dockerfilelint/bin/dockerfilelint");
  const ours = [];
  const theirs = [];
  let oursOut;
  let theirsOut;
  for (let i = 0; i < rounds; i++) {
    // Alternate, so that machine noise hits both alike.
    const a = timeRun(process.execPath, [shipshape, "scan", dir, "--no-config", "--profile", "all", "--format", "json", "--fail-on", "none"]);
    const b = timeRun(process.execPath, [dockerfilelint, "-j", ...files], true);
    ours.push(a.ms);
    theirs.push(b.ms);
    oursOut = a.out;
    theirsOut = b.out;
  }
  const report = JSON.parse(oursOut);
  const { CATALOG } = await import(pathToFileURL(path.join(root, "dist", "rules", "catalog.generated.js")).href);
  const { RULE_MODULES } = await import(pathToFileURL(path.join(root, "dist", "rules", "index.js")).href);
  const dockerRules = RULE_MODULES.filter((m) => CATALOG.find((c) => c.id === m.id)?.target === "dockerfile").length;
  const findings = report.findings.filter((f) => f.object?.kind === "Dockerfile").length;
  const peerFindings = JSON.parse(theirsOut).files.reduce((n, f) => n + f.issues.length, 0);
  const ratio = median(ours) / median(theirs);
  results.dockerfiles = { files: files.length, rounds, shipshapeMs: median(ours), dockerfilelintMs: median(theirs), ratio, dockerRules, findings, peerFindings };
  console.log(`Dockerfiles: ${files.length} files, ${rounds} rounds (median wall clock, process start included)`);
  console.log(`  shipshape      ${median(ours).toFixed(0).padStart(6)} ms  ${dockerRules} Dockerfile rules, ${findings} findings`);
  console.log(`  dockerfilelint ${median(theirs).toFixed(0).padStart(6)} ms  ${peerFindings} findings`);
  console.log(`  ratio shipshape / dockerfilelint: ${ratio.toFixed(2)}`);

  // Where shipshape's time goes, in one process (warm after the first round).
  const { loadShellParser } = await import(pathToFileURL(path.join(root, "dist", "loaders", "shell.js")).href);
  const { loadDockerfileText } = await import(pathToFileURL(path.join(root, "dist", "loaders", "dockerfile.js")).href);
  const { DockerfileParser } = await import("dockerfile-ast");
  const { runRules } = await import(pathToFileURL(path.join(root, "dist", "engine", "run.js")).href);
  const { selectRules } = await import(pathToFileURL(path.join(root, "dist", "engine", "select.js")).href);
  const { emptyConfig } = await import(pathToFileURL(path.join(root, "dist", "engine", "config.js")).href);
  const { KubeVersion } = await import(pathToFileURL(path.join(root, "dist", "model", "kube-version.js")).href);
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
  const load = median(phase.loadMs);
  const ruleMs = median(phase.rulesMs);
  results.dockerfiles.breakdown = { shellInitMs: initMs, dockerfileAstMs: ast, shellAndModelMs: load - ast, rulesMs: ruleMs };
  console.log("  in-process breakdown (median of warm rounds):");
  console.log(`    tree-sitter init (once)      ${initMs.toFixed(0).padStart(5)} ms`);
  console.log(`    dockerfile-ast parse         ${ast.toFixed(0).padStart(5)} ms`);
  console.log(`    shell parse + model          ${(load - ast).toFixed(0).padStart(5)} ms`);
  console.log(`    rules                        ${ruleMs.toFixed(0).padStart(5)} ms`);
}

if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(results, null, 2)}\n`);
