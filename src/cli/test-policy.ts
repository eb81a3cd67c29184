import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../engine/errors.js";
import { type SuiteResult, runSuite } from "../policy/suite.js";
import { parseArgs } from "./args.js";
import { type Io, useColor } from "./output.js";

export const TEST_POLICY_HELP = `Usage: shipshape test-policy [--format text|json] SUITE...

Runs policy test suites: files of kind PolicySuite (apiVersion shipshape.io/v1alpha1) that name custom
rules or ValidatingAdmissionPolicies and list objects that must pass or fail them. A folder runs every
*.suite.yaml file in it. See docs/policies.md.

Exit status: 0 every case holds, 1 a case fails or a policy is broken, 2 a suite cannot be read.
`;

export function runTestPolicy(argv: string[], io: Io): number {
  const args = parseArgs(argv, { format: { type: "string", short: "f" }, help: { type: "boolean", short: "h" } });
  if (args.values.help) {
    io.stdout(TEST_POLICY_HELP);
    return 0;
  }
  const format = (args.values.format as string | undefined) ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`unknown format "${format}" (text or json)`);
  if (args.positionals.length === 0) throw new UsageError("test-policy needs at least one suite file or folder");
  const files: string[] = [];
  for (const p of args.positionals) {
    let st;
    try {
      st = statSync(path.resolve(io.cwd, p));
    } catch {
      throw new UsageError(`${p} does not exist`);
    }
    if (st.isDirectory()) {
      const found = suitesIn(path.resolve(io.cwd, p)).map((f) => path.relative(io.cwd, f));
      if (found.length === 0) throw new UsageError(`no *.suite.yaml files in ${p}`);
      files.push(...found);
    } else {
      files.push(p);
    }
  }
  const results = files.map((f) => runSuite(f, io.cwd));
  const failed = results.some((r) => r.tests.some((t) => t.errors.length > 0 || t.cases.some((c) => !c.ok)));
  io.stdout(format === "json" ? `${JSON.stringify(results, null, 2)}\n` : renderText(results, useColor(io, io.stdoutIsTTY)));
  return failed ? 1 : 0;
}

function suitesIn(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith(".")) out.push(...suitesIn(p));
    else if (/\.suite\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

function renderText(results: SuiteResult[], color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    out.push(r.file);
    for (const t of r.tests) {
      out.push(`  ${t.name}${t.rules.length ? `  (${t.rules.join(", ")})` : ""}`);
      for (const e of t.errors) out.push(`    ${paint("31", "error")} ${e}`);
      for (const c of t.cases) {
        if (c.ok) passed++;
        else failed++;
        out.push(`    ${c.ok ? paint("32", "pass") : paint("31", "FAIL")} ${c.name}`);
        for (const f of c.failures) out.push(`         ${f}`);
      }
    }
  }
  out.push("", `${passed} passed, ${failed} failed`);
  return `${out.join("\n")}\n`;
}
