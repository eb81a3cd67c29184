import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import { UsageError } from "../engine/errors.js";
import { PROFILE_NAMES } from "../engine/profiles.js";
import { scan } from "../engine/scan.js";
import { applyDockerfileFixes, isDockerfileFix } from "../fix/dockerfile-edit.js";
import { type FixCandidate, applyFileFixes, planFixes } from "../fix/plan.js";
import { helmHints, kustomizePatches } from "../fix/rendered.js";
import { redactDiff, sensitiveValuesOf } from "../model/redact.js";
import { type OptionSpec, parseArgs } from "./args.js";
import { type Io, useColor } from "./output.js";
import { INPUT_OPTIONS, inputsFrom } from "./scan.js";

const FIX_OPTIONS: Record<string, OptionSpec> = {
  ...INPUT_OPTIONS,
  unsafe: { type: "boolean" },
  "dry-run": { type: "boolean" },
  interactive: { type: "boolean", short: "i" },
  "write-patches": { type: "string" },
  help: { type: "boolean", short: "h" },
};

export const FIX_HELP = `Usage: shipshape fix [options] [paths...]

Applies the fixes rules attach to findings, editing the files in place: comments, key order, quoting and
indentation stay as they were. By default only safe fixes are applied: those that cannot change how a
correct workload behaves. Most hardening changes can break some image (a read-only root filesystem, a
non-root user, dropped capabilities): they are unsafe, listed with what to check, and applied with --unsafe.
Rendered objects are never edited: Kustomize overlays get patch files (--write-patches DIR), Helm charts the
values or template change to make.

Options:
      --unsafe             also apply unsafe fixes (each is listed with what to check)
      --dry-run            print the changes as a unified diff; write nothing
  -i, --interactive        ask before each fix (on a terminal)
      --write-patches DIR  write Kustomize patches for findings in rendered overlays to DIR
      --profile NAME       ${PROFILE_NAMES.join(", ")} (default: recommended)
      --rules IDS          fix only the findings of these rules
      --skip-rules IDS     do not fix the findings of these rules
      --exclude GLOB       do not touch files matching GLOB (repeatable)
      --dockerfile PATH    also read PATH as a Dockerfile (repeatable)
      --policy PATH        custom CEL rules (their findings have no automatic fix)
  -c, --config FILE        configuration file (default: .shipshape.yaml from here upward)
      --no-config          ignore .shipshape.yaml files
      --values, --set, --release-name, --helm-bin, --kustomize-bin, --kube-version, --default-namespace
                           as for shipshape scan

Exit status: 0 done (or nothing to do), 1 a fix could not be applied, 2 bad arguments.
`;

/** Rounds of scan and fix before giving up on convergence (each applies at least one fix). */
const MAX_ROUNDS = 6;

export async function runFix(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, FIX_OPTIONS);
  const v = args.values;
  if (v.help) {
    io.stdout(FIX_HELP);
    return 0;
  }
  const inputs = inputsFrom(v, io);
  if (args.positionals.includes("-")) throw new UsageError("fix edits files: it cannot read stdin");
  const interactive = v.interactive === true;
  if (interactive && !io.ask) throw new UsageError("--interactive needs a terminal");
  const dryRun = v["dry-run"] === true;
  const unsafe = v.unsafe === true;
  const color = useColor(io, io.stdoutIsTTY);
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);

  const scanOnce = () =>
    scan({
      ...inputs,
      paths: args.positionals.length > 0 ? args.positionals : ["."],
      failOn: "none",
    });

  // Fixes are computed for the files as they are. Two fixes of one object that touch the same setting (drop ALL
  // capabilities, drop NET_RAW) cannot both be right after the first: the second waits, the files are scanned
  // again and the fixes that still apply are applied, until nothing changes (a dry run shows the first round).
  const out: string[] = [];
  let applied: FixCandidate[] = [];
  let failures: string[] = [];
  let deferred = 0;
  let plan: ReturnType<typeof planFixes> | undefined;
  let all = false;
  let quit = false;
  const decided = new Map<string, boolean>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const report = await scanOnce();
    plan = planFixes(report.findings, { unsafe });
    failures = [];
    deferred = 0;
    // Interactive: one question per fix, in file order; "a" accepts the rest, "q" stops asking and applies nothing more.
    const accept = async (c: FixCandidate): Promise<boolean> => {
      if (!interactive) return true;
      const key = `${c.finding.fingerprint}\u0000${c.fix.description}`;
      if (decided.has(key)) return decided.get(key)!;
      let yes: boolean;
      if (quit) yes = false;
      else if (all) yes = true;
      else {
        const f = c.finding;
        io.stderr(`\n${f.location.file}:${f.location.line}  ${f.ruleId}  ${f.object?.kind}/${f.object?.name}\n  ${f.message}\n  fix: ${c.fix.description} [${c.fix.safety}]${c.fix.safety === "unsafe" ? `\n  check: ${c.fix.note}` : ""}\n`);
        const answer = (await io.ask!("Apply? [y]es, [n]o, [a]ll remaining, [q]uit: ")).trim().toLowerCase();
        if (answer === "a") all = true;
        if (answer === "q") quit = true;
        yes = answer === "y" || answer === "yes" || answer === "a";
      }
      decided.set(key, yes);
      return yes;
    };
    let changed = false;
    for (const [file, candidates] of plan.byFile) {
      const chosen = new Set<FixCandidate>();
      for (const c of candidates) if (await accept(c)) chosen.add(c);
      if (chosen.size === 0) continue;
      const abs = path.resolve(io.cwd, file);
      let text: string;
      try {
        text = readFileSync(abs, "utf8");
      } catch (err) {
        failures.push(`${file}: cannot read: ${(err as Error).message}`);
        continue;
      }
      const pick = (c: FixCandidate) => chosen.has(c);
      const r1 = applyFileFixes(text, candidates.filter((c) => !isDockerfileFix(c)), pick);
      const r2 = applyDockerfileFixes(r1.text, candidates.filter(isDockerfileFix), pick);
      const result = { text: r2.text, applied: [...r1.applied, ...r2.applied], failed: [...r1.failed, ...r2.failed] };
      deferred += r1.deferred?.length ?? 0;
      for (const x of result.failed) failures.push(`${file}:${x.candidate.finding.location.line} ${x.candidate.finding.ruleId}: ${x.reason}`);
      if (result.text === text) continue;
      changed = true;
      applied = applied.concat(result.applied);
      if (dryRun) {
        // context lines of the user's file may hold secrets (a Secret's data, a password env): masked, as in reports
        const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, text, result.text, undefined, undefined, { context: 3 }).replace(/^=+\n/m, "").trimEnd();
        out.push(redactDiff(patch, sensitiveValuesOf(report.findings), { keepRemoved: true }));
      } else {
        writeFileSync(abs, result.text);
      }
      out.push(`${dryRun ? "would fix" : "fixed"} ${file}:`);
      for (const c of result.applied) {
        const f = c.finding;
        out.push(`  ${c.fix.safety === "unsafe" ? paint("33", "unsafe") : paint("32", "safe  ")} ${f.ruleId}  ${f.object?.kind}/${f.object?.name}${f.container ? ` (${f.container})` : ""}: ${c.fix.description}`);
        if (c.fix.safety === "unsafe") out.push(`         check: ${c.fix.note}`);
      }
    }
    if (dryRun || !changed) break;
  }
  if (!plan) return 0;
  for (const f of failures) out.push(`${paint("31", "could not fix")} ${f}`);
  if (dryRun && deferred > 0) out.push(`${deferred} more ${deferred === 1 ? "fix touches" : "fixes touch"} what these change: they are recomputed and applied when fix runs without --dry-run.`);
  const failed = failures.length;

  // Rendered objects: patches for Kustomize, hints for Helm
  const rendered = plan.rendered.filter((c) => unsafe || c.fix.safety === "safe");
  const { patches, unpatchable, deferred: patchDeferred } = kustomizePatches(rendered);
  if (patches.length > 0) {
    const dir = v["write-patches"] as string | undefined;
    if (dir && !dryRun) {
      mkdirSync(path.resolve(io.cwd, dir), { recursive: true });
      for (const p of patches) writeFileSync(path.resolve(io.cwd, dir, p.name), p.text);
      out.push(`wrote ${patches.length} Kustomize patch${patches.length === 1 ? "" : "es"} to ${dir} (add each to the overlay's patches:)`);
      for (const p of patches) out.push(`  ${path.join(dir, p.name)}: ${p.fixes.map((c) => c.finding.ruleId).join(", ")}`);
    } else {
      out.push(`${patches.length} object${patches.length === 1 ? "" : "s"} rendered by Kustomize can be fixed with a patch: ${dir ? "" : "use --write-patches DIR to write them"}`);
      if (dryRun) for (const p of patches) out.push(p.text.trimEnd());
    }
  }
  if (patchDeferred.length > 0) {
    const n = patchDeferred.length;
    out.push(`${n} more ${n === 1 ? "fix touches" : "fixes touch"} what these patches change (${[...new Set(patchDeferred.map((c) => c.finding.ruleId))].join(", ")}): add the patches and run fix again.`);
  }
  for (const c of unpatchable) out.push(`no patch for ${c.finding.ruleId} on ${c.finding.object?.kind}/${c.finding.object?.name}: ${c.fix.description} (fix ${c.finding.location.file}:${c.finding.location.line} by hand)`);
  const hints = helmHints(rendered);
  if (hints.length > 0) out.push("Helm charts are not edited; make these changes:", ...hints.map((h) => `  ${h}`));

  // Summary
  const safeN = applied.filter((c) => c.fix.safety === "safe").length;
  out.push("", `${dryRun ? "Would apply" : "Applied"} ${applied.length} fix${applied.length === 1 ? "" : "es"} (${safeN} safe, ${applied.length - safeN} unsafe)${failed ? `; ${failed} could not be applied` : ""}.`);
  if (plan.unsafeSkipped.length > 0) {
    out.push(`${plan.unsafeSkipped.length} unsafe fix${plan.unsafeSkipped.length === 1 ? "" : "es"} not applied (check each, then use --unsafe, or --interactive):`);
    for (const c of plan.unsafeSkipped) {
      const f = c.finding;
      out.push(`  ${f.location.file}:${f.location.line}  ${f.ruleId}  ${f.object?.kind}/${f.object?.name}: ${c.fix.description}`, `      check: ${c.fix.note}`);
    }
  }
  const manual = plan.manual.filter((f) => !f.ruleId.endsWith("-error") && f.ruleId !== "policy-notice");
  if (manual.length > 0) out.push(`${manual.length} finding${manual.length === 1 ? " has" : "s have"} no automatic fix (\`shipshape scan\` lists them with how to fix each).`);
  io.stdout(`${out.join("\n")}\n`);
  return failed > 0 ? 1 : 0;
}
