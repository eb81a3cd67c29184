#!/usr/bin/env node
// Benchmark of the attack-surface analysis at 1k, 10k and 100k objects. The inputs are synthetic: the real corpus'
// namespaced objects (../shared/corpus-real/k8s) copied into distinct namespaces, so that every copy is a separate
// but realistic application (RoleBinding subjects and Service/Ingress references are renamed along with it).
// Loading is done once; each size times the rules (the findings the analysis ranks with) and the analysis itself.
//
//   npm run build && node scripts/bench-surface.mjs [--sizes 1000,10000,100000] [--profile recommended]
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.resolve(root, "..", "shared", "corpus-real", "k8s");
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const sizes = opt("--sizes", "1000,10000,100000").split(",").map(Number);
const profile = opt("--profile", "recommended");

if (!existsSync(corpus)) {
  console.log(`skipped: ${corpus} is not there (the shared corpora are not part of the project)`);
  process.exit(0);
}
const dist = (p) => pathToFileURL(path.join(root, "dist", p)).href;
if (!existsSync(path.join(root, "dist", "analysis", "index.js"))) {
  console.error("dist/analysis/index.js is missing: run `npm run build` first");
  process.exit(2);
}
const { loadManifestText } = await import(dist("loaders/manifest.js"));
const { Resource } = await import(dist("model/resource.js"));
const { Inventory } = await import(dist("engine/inventory.js"));
const { runRules } = await import(dist("engine/run.js"));
const { selectRules } = await import(dist("engine/select.js"));
const { emptyConfig } = await import(dist("engine/config.js"));
const { KubeVersion } = await import(dist("model/kube-version.js"));
const { analyze } = await import(dist("analysis/index.js"));

// The real corpus, loaded once.
const files = [];
const walk = (d) => {
  for (const e of readdirSync(d).sort()) {
    const p = path.join(d, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(ya?ml|json)$/i.test(e)) files.push(p);
  }
};
walk(corpus);
const base = files.flatMap((f) => loadManifestText(readFileSync(f, "utf8"), f).resources).filter((r) => !r.clusterScoped && r.kind !== "CustomResourceDefinition");
console.log(`${base.length} namespaced objects in the real corpus, profile ${profile}`);

/** A copy of an object in namespace `<ns>-c<n>`, with the namespaces it names renamed the same way. */
function copyOf(r, n) {
  const object = structuredClone(r.object);
  const ns = (x) => `${x ?? "default"}-c${n}`;
  object.metadata = { ...(object.metadata ?? {}), namespace: ns(r.namespace) };
  if (Array.isArray(object.subjects)) for (const s of object.subjects) if (s && typeof s === "object" && s.kind === "ServiceAccount") s.namespace = ns(s.namespace ?? r.namespace);
  return new Resource(object, r.source);
}

function synthetic(size) {
  const out = [];
  for (let n = 0; out.length < size; n++) for (const r of base) {
    if (out.length >= size) break;
    out.push(copyOf(r, n));
  }
  return out;
}

const rules = selectRules({ profile }, emptyConfig());
const rows = [];
for (const size of sizes) {
  const resources = synthetic(size);
  const inventory = new Inventory(resources, "default");
  let t = performance.now();
  const result = runRules(resources, { rules, kubeVersion: KubeVersion.DEFAULT, defaultNamespace: "default" }, inventory);
  const rulesMs = performance.now() - t;
  // Median of three runs (the first includes JIT warm-up). Derived indexes are memoised per inventory, so each run
  // gets a fresh one.
  const times = [];
  let analysis;
  for (let k = 0; k < 3; k++) {
    const fresh = new Inventory(resources, "default");
    t = performance.now();
    analysis = analyze(fresh, result.findings);
    times.push(performance.now() - t);
  }
  const analysisMs = times.sort((a, b) => a - b)[1];
  const paths = analysis.attackPaths?.length ?? 0;
  rows.push({ size, rulesMs, analysisMs, findings: result.findings.length, paths });
  console.log(
    `${String(size).padStart(7)} objects  rules ${rulesMs.toFixed(0).padStart(7)} ms  analysis ${analysisMs.toFixed(0).padStart(6)} ms` +
      `  (${((analysisMs * 1000) / size).toFixed(1)} µs/object)  ${result.findings.length} findings, ${paths} paths reported`,
  );
}
if (rows.length > 1) {
  const first = rows[0];
  const last = rows[rows.length - 1];
  const growth = last.analysisMs / first.analysisMs;
  console.log(`analysis time grew ${growth.toFixed(1)}× for ${(last.size / first.size).toFixed(0)}× the objects (linear would be ${(last.size / first.size).toFixed(0)}×)`);
}
