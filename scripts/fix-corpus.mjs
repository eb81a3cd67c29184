#!/usr/bin/env node
// `npm run fix:corpus`: runs `shipshape fix --unsafe` on a copy of the real manifests in ../shared/corpus-real/k8s
// and checks that every changed file still parses (no new YAML errors, same number of documents) and keeps every
// comment it had. Needs ../shared (not part of the project); skips when it is absent.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Lexer, parseAllDocuments } from "yaml";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpus = path.resolve(root, process.argv[2] ?? "../shared/corpus-real/k8s");
if (!existsSync(corpus)) {
  console.log(`skipped: ${corpus} is not here`);
  process.exit(0);
}
const work = mkdtempSync(path.join(os.tmpdir(), "shipshape-fix-corpus-"));
cpSync(corpus, work, { recursive: true });

const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.(ya?ml|json)$/i.test(e.name) ? [path.join(dir, e.name)] : []));
const before = new Map(files(work).map((f) => [f, readFileSync(f, "utf8")]));

const started = Date.now();
let out = "";
try {
  out = execFileSync(process.execPath, [path.join(root, "bin/shipshape.js"), "fix", "--unsafe", "--no-config", "--profile", "all", work], { encoding: "utf8", maxBuffer: 1 << 28 });
} catch (err) {
  console.error(`fix failed (exit ${err.status}):\n${String(err.stderr ?? "").slice(0, 4000)}`);
  process.exit(2);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);

/** Comment texts of a YAML text, as the lexer sees them (never inside quoted or block scalars). */
function comments(text) {
  const out = new Map();
  for (const tok of new Lexer().lex(text)) {
    if (tok.startsWith("#")) {
      const t = tok.trim();
      out.set(t, (out.get(t) ?? 0) + 1);
    }
  }
  return out;
}
const shape = (text) => {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  return { documents: list.length, errors: list.reduce((n, d) => n + d.errors.length, 0) };
};

let changed = 0;
let editedDocs = 0;
const problems = [];
for (const [file, old] of before) {
  const now = readFileSync(file, "utf8");
  if (now === old) continue;
  changed++;
  const rel = path.relative(work, file);
  const a = shape(old);
  const b = shape(now);
  editedDocs += a.documents;
  if (b.errors > a.errors) problems.push(`${rel}: ${b.errors - a.errors} new YAML error(s)`);
  if (b.documents !== a.documents) problems.push(`${rel}: ${a.documents} documents before, ${b.documents} after`);
  const ca = comments(old);
  const cb = comments(now);
  for (const [c, n] of ca) if ((cb.get(c) ?? 0) < n) problems.push(`${rel}: lost comment ${JSON.stringify(c)}`);
}
const applied = /Applied (\d+) fix/.exec(out)?.[1] ?? "?";
console.log(`${before.size} files, ${changed} changed by ${applied} fixes in ${seconds} s (fix --unsafe --profile all)`);
const failedLines = out.split("\n").filter((l) => l.startsWith("could not fix"));
if (failedLines.length) console.log(`${failedLines.length} fixes could not be applied:\n  ${failedLines.slice(0, 20).join("\n  ")}`);
if (problems.length) {
  console.log(`${problems.length} problems:\n  ${problems.slice(0, 50).join("\n  ")}`);
} else {
  console.log("every changed file parses as before and keeps every comment");
}
rmSync(work, { recursive: true, force: true });
process.exit(problems.length ? 1 : 0);
