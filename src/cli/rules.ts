import type { ProfileName } from "../engine/config.js";
import { UsageError } from "../engine/errors.js";
import { PROFILES, PROFILE_NAMES } from "../engine/profiles.js";
import { allRules } from "../engine/registry.js";
import type { Rule } from "../engine/rule-types.js";
import { SEVERITIES, type Severity } from "../model/types.js";
import { parseArgs, splitList } from "./args.js";
import type { Io } from "./output.js";

export const RULES_HELP = `Usage: shipshape rules [options]

Lists the rules shipshape implements.

Options:
      --profile NAME      only rules of a profile: ${PROFILE_NAMES.join(", ")}
      --category NAME     only rules of a category (pod-security, capabilities, host-access, …)
      --severity LEVEL    only rules at least this severe
      --pss LEVEL         only Pod Security Standards controls of a level: baseline or restricted
      --format FORMAT     text (default), json or markdown
`;

export function runRules(argv: string[], io: Io): number {
  const args = parseArgs(argv, {
    profile: { type: "string" },
    category: { type: "list" },
    severity: { type: "string" },
    pss: { type: "string" },
    format: { type: "string", short: "f" },
    help: { type: "boolean", short: "h" },
  });
  const v = args.values;
  if (v.help) {
    io.stdout(RULES_HELP);
    return 0;
  }
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  let rules: readonly Rule[] = allRules();
  const profile = v.profile as string | undefined;
  if (profile !== undefined) {
    if (!PROFILE_NAMES.includes(profile as ProfileName)) throw new UsageError(`unknown profile "${profile}"`);
    rules = rules.filter(PROFILES[profile as ProfileName].includes);
  }
  const categories = splitList(v.category as string[] | undefined);
  if (categories) rules = rules.filter((r) => categories.includes(r.category));
  const severity = v.severity as string | undefined;
  if (severity !== undefined) {
    if (!SEVERITIES.includes(severity as Severity)) throw new UsageError(`--severity must be one of ${SEVERITIES.join(", ")}`);
    rules = rules.filter((r) => SEVERITIES.indexOf(r.severity) <= SEVERITIES.indexOf(severity as Severity));
  }
  const pss = v.pss as string | undefined;
  if (pss !== undefined) {
    if (pss !== "baseline" && pss !== "restricted") throw new UsageError("--pss must be baseline or restricted");
    rules = rules.filter((r) => r.pss?.level === pss);
  }
  const format = (v.format as string | undefined) ?? "text";
  if (format === "json") {
    io.stdout(`${JSON.stringify(rules.map(ruleSummary), null, 2)}\n`);
  } else if (format === "markdown") {
    const rows = rules.map((r) => `| \`${r.id}\` | ${r.severity} | ${r.pss ? `${r.pss.level} (${r.pss.control})` : ""} | ${r.category} | ${r.title} |`);
    io.stdout(`| rule | severity | Pod Security Standards | category | title |\n|---|---|---|---|---|\n${rows.join("\n")}\n`);
  } else if (format === "text") {
    const width = Math.max(4, ...rules.map((r) => r.id.length));
    io.stdout(`${"RULE".padEnd(width)}  SEVERITY  PSS          CATEGORY        TITLE\n`);
    for (const r of rules) {
      io.stdout(`${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${(r.pss?.level ?? "-").padEnd(11)}  ${r.category.padEnd(14)}  ${r.title}\n`);
    }
    io.stdout(`\n${rules.length} rule${rules.length === 1 ? "" : "s"}. \`shipshape explain RULE\` tells more about one.\n`);
  } else {
    throw new UsageError(`unknown format "${format}" (text, json or markdown)`);
  }
  return 0;
}

export function ruleSummary(r: Rule): Record<string, unknown> {
  return {
    id: r.id,
    title: r.title,
    severity: r.severity,
    category: r.category,
    appliesTo: r.appliesTo,
    ...(r.pss ? { pss: r.pss } : {}),
    ...(r.frameworks ? { frameworks: r.frameworks } : {}),
    defaultEnabled: r.defaultEnabled,
    params: r.params,
  };
}
