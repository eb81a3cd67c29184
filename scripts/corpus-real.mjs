#!/usr/bin/env node
// Realism check: scans the real-world manifests in ../shared/corpus-real/k8s (not part of the project)
// with every rule, and prints finding counts per rule, diagnostics and timing.
// Usage: node scripts/corpus-real.mjs [--profile all] [--json FILE]   (run `npm run build` first)
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.resolve(root, "..", "shared", "corpus-real", "k8s");
if (!existsSync(corpus)) {
  console.log(`skipped: ${corpus} is not there (the shared corpora are not part of the project)`);
  process.exit(0);
}
const args = process.argv.slice(2);
const profile = args[args.indexOf("--profile") + 1] && args.includes("--profile") ? args[args.indexOf("--profile") + 1] : "all";
const started = process.hrtime.bigint();
let out;
try {
  out = execFileSync(process.execPath, [path.join(root, "bin", "shipshape.js"), "scan", corpus, "--no-config", "--profile", profile, "--format", "json", "--fail-on", "none"], { encoding: "utf8", maxBuffer: 1 << 30 });
} catch (err) {
  console.error(`scan failed (exit ${err.status}): ${String(err.stderr).slice(0, 2000)}`);
  process.exit(2);
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const report = JSON.parse(out);
const byRule = new Map();
const objectsByRule = new Map();
for (const f of report.findings) {
  byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  if (!objectsByRule.has(f.ruleId)) objectsByRule.set(f.ruleId, new Set());
  if (f.object) objectsByRule.get(f.ruleId).add(`${f.object.kind}/${f.object.namespace ?? ""}/${f.object.name}`);
}
const s = report.summary;
console.log(`${s.objects} objects in ${s.files} files, ${s.rules} rules (profile ${profile}), ${s.findings} findings, ${s.suppressed} suppressed, ${s.errors} errors, ${ms.toFixed(0)} ms`);
for (const [id, n] of [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
  console.log(`${String(n).padStart(6)}  ${String(objectsByRule.get(id).size).padStart(5)} objects  ${id}`);
}
const internal = report.findings.filter((f) => f.ruleId === "internal-error");
for (const f of internal.slice(0, 20)) console.log(`internal-error: ${f.location.file}:${f.location.line} ${f.message}`);
const jsonOut = args.includes("--json") ? args[args.indexOf("--json") + 1] : undefined;
if (jsonOut) writeFileSync(jsonOut, out);
process.exit(internal.length > 0 ? 1 : 0);
