#!/usr/bin/env bash
# Checks shipshape's SARIF with Microsoft's SARIF Multitool: the SARIF 2.1.0 spec rules and GitHub code
# scanning's ingestion rules (`--rule-kind "Gh;Sarif"`), plus the official JSON schema when ../shared has it.
#
#   scripts/sarif-multitool.sh            renders `shipshape scan examples --format sarif` and checks it
#   scripts/sarif-multitool.sh FILE...    checks the given SARIF files
#
# Exits 1 when the multitool reports an error (or nothing at all, which means it could not read the log),
# or the schema check fails. The multitool (~100 MB) is installed into a temporary folder, never into the
# project; set SARIF_MULTITOOL_DIR to reuse an install there.
set -euo pipefail

cd "$(dirname "$0")/.."
project=$PWD
version=${SARIF_MULTITOOL_VERSION:-5.7.0}
work=$(mktemp -d "${TMPDIR:-/tmp}/shipshape-sarif.XXXXXX")
trap 'rm -rf "$work"' EXIT

# 1. The multitool, in a temporary folder.
tool_dir=${SARIF_MULTITOOL_DIR:-$work/multitool}
mt=$tool_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [[ ! -f $mt ]]; then
  echo "Installing @microsoft/sarif-multitool-linux@$version into $tool_dir ..." >&2
  mkdir -p "$tool_dir"
  npm install --prefix "$tool_dir" --no-save --no-audit --no-fund --loglevel=error "@microsoft/sarif-multitool-linux@$version" >&2
fi
chmod +x "$mt" # its postinstall (chmod) may not have run
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# 2. The SARIF to check.
files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then
  [[ -f dist/cli/main.js ]] || npm run --silent build
  out=$work/examples.sarif
  status=0
  node bin/shipshape.js scan examples --format sarif --output "$out" || status=$?
  # 1 only means findings reached --fail-on (the examples are insecure on purpose); anything else is a failure.
  if [[ $status -gt 1 || ! -s $out ]]; then
    echo "shipshape scan failed (exit $status) or wrote no SARIF" >&2
    exit 1
  fi
  files=("$out")
fi

failed=0
for file in "${files[@]}"; do
  echo "== $file"
  # 3. The official schema (the multitool silently reports nothing on a log it cannot deserialize).
  schema=$project/../shared/schemas/sarif-schema-2.1.0.json
  if [[ -f $schema && -d node_modules/ajv-draft-04 ]]; then
    if ! node --input-type=module - "$schema" "$file" <<'EOF'
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(`${process.cwd()}/package.json`);
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");
const [schemaFile, file] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
if (validate(JSON.parse(readFileSync(file, "utf8")))) {
  console.log("schema: valid SARIF 2.1.0");
} else {
  for (const e of validate.errors) console.log(`schema error: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  process.exit(1);
}
EOF
    then
      failed=1
    fi
  else
    echo "schema: skipped (../shared/schemas or ajv-draft-04 not available)"
  fi

  # 4. The multitool, with every level so that a silent failure (no results at all) shows.
  log=$work/validation.sarif
  rm -f "$log"
  "$mt" validate "$file" --rule-kind "Gh;Sarif" --level "Error;Warning;Note" -o "$log" > "$work/multitool.out" 2>&1 || {
    cat "$work/multitool.out"
    echo "Sarif.Multitool failed" >&2
    failed=1
    continue
  }
  if ! node --input-type=module - "$log" "$work/multitool.out" <<'EOF'
import { readFileSync } from "node:fs";
const [logFile, outFile] = process.argv.slice(2);
const run = JSON.parse(readFileSync(logFile, "utf8")).runs?.[0] ?? {};
const rules = run.tool?.driver?.rules ?? [];
const results = run.results ?? [];
const levelOf = (r) => r.level ?? rules[r.ruleIndex ?? -1]?.defaultConfiguration?.level ?? rules.find((d) => d.id === r.ruleId)?.defaultConfiguration?.level ?? "warning";
const counts = { error: 0, warning: 0, note: 0, none: 0 };
const notes = new Map();
for (const r of results) {
  const level = levelOf(r);
  counts[level] = (counts[level] ?? 0) + 1;
  if (level === "note") notes.set(r.ruleId, (notes.get(r.ruleId) ?? 0) + 1);
}
// The multitool's own lines for errors and warnings; notes (advice such as "add code snippets") summarized.
for (const line of readFileSync(outFile, "utf8").split("\n")) if (/: (error|warning) /.test(line)) console.log(line);
const toolErrors = (run.invocations ?? []).flatMap((i) => i.toolExecutionNotifications ?? []).filter((n) => (n.level ?? "warning") === "error");
for (const n of toolErrors) console.log(`multitool error: ${n.message?.text ?? JSON.stringify(n)}`);
console.log(`multitool: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.note} note(s)` +
  (notes.size > 0 ? ` [notes: ${[...notes].map(([id, n]) => `${id}×${n}`).join(", ")}]` : ""));
if (results.length === 0) console.log("multitool: no results at all, not even notes: it probably could not read the log (check it against the schema)");
const ok = counts.error === 0 && toolErrors.length === 0 && results.length > 0 && run.invocations?.[0]?.executionSuccessful !== false;
process.exit(ok ? 0 : 1);
EOF
  then
    failed=1
  fi
done

exit "$failed"
