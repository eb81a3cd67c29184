#!/usr/bin/env node
// CPU profile of the in-process full scan (dist/engine/scan.js `scan()`, profile all) of the real Kubernetes corpus,
// with `node --cpu-prof`: where the time goes, as self time by module group (yaml parser, locator, rules, CEL, GC, …)
// and the top functions. One warm-up scan, then the measured scans; only the samples taken during the measured
// scans are counted. Needs `npm run build` and ../shared/corpus-real (without it: says so, exits 0).
//
//   npm run bench:profile                          # whole folder (Kustomize roots rendered), 3 measured scans
//   npm run bench:profile -- --plain               # only the files outside kustomization folders
//   npm run bench:profile -- --scans 5 --top 40 --keep prof/   # keep the .cpuprofile (Chrome DevTools opens it)
//   npm run bench:profile -- --json profile.json   # the summary as JSON
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const corpus = path.resolve(opt("--corpus", path.resolve(root, "..", "shared", "corpus-real")));
const scans = Number(opt("--scans", "3"));
const top = Number(opt("--top", "25"));
const plain = args.includes("--plain");

if (!existsSync(corpus)) {
  console.log(`skipped: ${corpus} is not there (the shared corpora are not part of the project)`);
  process.exit(0);
}
if (!existsSync(path.join(root, "dist", "engine", "scan.js"))) {
  console.error("run `npm run build` first");
  process.exit(2);
}

// ---- The child: runs the scans under --cpu-prof and writes the time windows of the measured ones.
if (args.includes("--child")) {
  const dist = (p) => import(pathToFileURL(path.join(root, "dist", p)).href);
  const { walk } = await dist("loaders/files.js");
  const { scan } = await dist("engine/scan.js");
  const { emptyConfig } = await dist("engine/config.js");
  const k8s = path.join(corpus, "k8s");
  let paths = [k8s];
  if (plain) {
    const w = walk([k8s], [], root);
    paths = w.files.filter((f) => f.kind === "manifest" && !w.kustomizations.some((k) => f.absolute.startsWith(k.absolute + path.sep))).map((f) => f.absolute);
  }
  const run = () => scan({ paths, cwd: root, config: emptyConfig(), profile: "all", failOn: "none" });
  const now = () => Number(process.hrtime.bigint() / 1000n); // µs, the clock of the profile's timestamps
  let report = await run(); // warm-up
  const windows = [];
  const ms = [];
  for (let i = 0; i < scans; i++) {
    const t = now();
    report = await run();
    windows.push([t, now()]);
    ms.push((windows[i][1] - t) / 1000);
  }
  writeFileSync(opt("--windows"), JSON.stringify({ windows, ms, objects: report.summary.objects, findings: report.summary.findings }));
  process.exit(0);
}

// ---- The parent: runs the child, reads its profile.
const dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-prof-"));
const windowsFile = path.join(dir, "windows.json");
const childArgs = ["--cpu-prof", "--cpu-prof-dir", dir, fileURLToPath(import.meta.url), "--child", "--windows", windowsFile, "--corpus", corpus, "--scans", String(scans), ...(plain ? ["--plain"] : [])];
execFileSync(process.execPath, childArgs, { stdio: ["ignore", "inherit", "inherit"] });
const profFile = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
const prof = JSON.parse(readFileSync(path.join(dir, profFile), "utf8"));
const info = JSON.parse(readFileSync(windowsFile, "utf8"));
const keep = opt("--keep", undefined);
if (keep) {
  mkdirSync(keep, { recursive: true });
  cpSync(path.join(dir, profFile), path.join(keep, profFile));
}
rmSync(dir, { recursive: true, force: true });

/** The group a function's self time is counted in. */
function group(node) {
  const { url, functionName } = node.callFrame;
  if (functionName === "(garbage collector)") return "GC";
  if (functionName === "(program)") return "V8/native (program)";
  if (functionName === "(idle)") return "idle (waiting: subprocesses)";
  if (functionName === "(root)") return "root";
  const u = url.replace(/^file:\/\//, "");
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u);
  if (nm) {
    if (nm[1] === "yaml") return "yaml library (parse, compose, toJS)";
    if (nm[1] === "@marcbachmann/cel-js") return "CEL (cel-js)";
    return `dependency ${nm[1]}`;
  }
  const d = /\/dist\/(.*)$/.exec(u);
  if (d) {
    const f = d[1];
    if (f === "loaders/locator.js") return "locator (dist/loaders/locator.js)";
    if (f === "loaders/manifest.js" || f === "loaders/k8s-yaml-schema.js") return "manifest loader + k8s YAML schema";
    if (f.startsWith("loaders/kustomize") || f.startsWith("loaders/render") || f.startsWith("loaders/helm")) return "render mapping (kustomize/helm loaders)";
    if (f.startsWith("loaders/")) return `loaders (${f})`;
    if (f.startsWith("rules/")) return "rules (dist/rules)";
    if (f.startsWith("policy/")) return "policies / CEL glue (dist/policy)";
    return `${f.split("/")[0]} (dist/${f.split("/")[0]})`;
  }
  if (u.startsWith("node:") || u === "") return "node internals / builtins (fs, child_process, RegExp, JSON…)";
  return u;
}

/** A function's file, short: node_modules/pkg/…, dist/…, node:… */
function shortUrl(url) {
  const u = url.replace(/^file:\/\//, "");
  if (u.includes("/node_modules/")) return `node_modules/${u.slice(u.lastIndexOf("/node_modules/") + 14)}`;
  if (u.includes("/dist/")) return `dist/${u.slice(u.indexOf("/dist/") + 6)}`;
  return u;
}

// Self time per node from the samples inside the measured windows.
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
let t = prof.startTime;
const self = new Map();
let counted = 0;
let total = 0;
for (let i = 0; i < prof.samples.length; i++) {
  t += prof.timeDeltas[i];
  const dt = prof.timeDeltas[i + 1] ?? 0;
  total += dt;
  if (!info.windows.some(([a, b]) => t >= a && t <= b)) continue;
  self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + dt);
  counted += dt;
}
const windowed = counted > 0;
if (!windowed) {
  // Clocks did not line up: count the whole run (warm-up and module loading included), and say so.
  t = prof.startTime;
  for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i + 1] ?? 0));
  counted = total;
}
const groups = new Map();
const fns = new Map();
for (const [id, us] of self) {
  const n = byId.get(id);
  const g = group(n);
  groups.set(g, (groups.get(g) ?? 0) + us);
  const { functionName, url, lineNumber } = n.callFrame;
  const key = `${functionName || "(anonymous)"}  ${shortUrl(url)}:${lineNumber + 1}`;
  const f = fns.get(key) ?? { us: 0, group: g };
  f.us += us;
  fns.set(key, f);
}
const pct = (us) => +((us * 100) / counted).toFixed(1);
const summary = {
  variant: plain ? "plain files" : "whole folder",
  scans,
  scanMs: info.ms.map((x) => +x.toFixed(0)),
  objects: info.objects,
  findings: info.findings,
  sampledMs: +(counted / 1000).toFixed(0),
  windowed,
  groups: [...groups].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: +(us / 1000).toFixed(0), percent: pct(us) })),
  functions: [...fns].sort((a, b) => b[1].us - a[1].us).slice(0, top).map(([name, f]) => ({ name, group: f.group, ms: +(f.us / 1000).toFixed(0), percent: pct(f.us) })),
};
console.log(`CPU profile of scan() (${summary.variant}, profile all): ${info.objects} objects, ${scans} measured scans of ${summary.scanMs.join(", ")} ms after a warm-up`);
console.log(`${summary.sampledMs} ms sampled${windowed ? " (measured scans only)" : " (WHOLE process: could not align the clocks)"}\n\nself time by group:`);
for (const g of summary.groups) console.log(`  ${String(g.percent).padStart(5)} %  ${String(g.ms).padStart(7)} ms  ${g.name}`);
console.log("\ntop functions by self time:");
for (const f of summary.functions) console.log(`  ${String(f.percent).padStart(5)} %  ${String(f.ms).padStart(7)} ms  ${f.name}  [${f.group}]`);
const json = opt("--json", undefined);
if (json) writeFileSync(json, `${JSON.stringify(summary, null, 2)}\n`);
if (keep) console.log(`\nprofile kept: ${path.join(keep, profFile)}`);
