import { UsageError } from "../engine/errors.js";
import { catalogFacts, findRule } from "../engine/registry.js";
import type { Rule } from "../engine/rule-types.js";
import { ignoreAnnotation } from "../engine/suppress.js";
import { isPolicyRuleId } from "../engine/select.js";
import { policyRulesStrict } from "../policy/index.js";
import { parseArgs } from "./args.js";
import { loadConfigFor } from "./scan.js";
import type { Io } from "./output.js";
import { ruleSummary } from "./rules.js";

export const EXPLAIN_HELP = `Usage: shipshape explain RULE [--format text|markdown|json] [--policy PATH] [--vap PATH]

Explains a rule: why it matters, what an attacker does with it, how to fix it, with an example.
Custom rules (custom:<name>) are read from --policy and the configuration's \`policies\`;
ValidatingAdmissionPolicies (vap:<policy>) from --vap and the configuration's \`vap\`.

Options:
  -f, --format FORMAT  text (default), markdown or json
      --policy PATH    custom rule files or folders (repeatable)
      --vap PATH       ValidatingAdmissionPolicy files or folders (repeatable)
  -c, --config FILE    .shipshape.yaml (default: found from here upward)
      --no-config      ignore .shipshape.yaml files
`;

export function runExplain(argv: string[], io: Io): number {
  const args = parseArgs(argv, {
    format: { type: "string", short: "f" },
    policy: { type: "list" },
    vap: { type: "list" },
    config: { type: "string", short: "c" },
    "no-config": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (args.values.help) {
    io.stdout(EXPLAIN_HELP);
    return 0;
  }
  const id = args.positionals[0];
  if (!id || args.positionals.length > 1) throw new UsageError("explain needs exactly one rule id, e.g. `shipshape explain privileged-container`");
  const rule = isPolicyRuleId(id) ? findPolicyRule(id, args.values, io) : findRule(id);
  if (!rule) {
    if (catalogFacts(id)) throw new UsageError(`rule "${id}" is in the catalogue but not implemented in this version of shipshape`);
    throw new UsageError(`unknown rule "${id}" (see \`shipshape rules\`)`);
  }
  const format = (args.values.format as string | undefined) ?? "text";
  if (format === "json") {
    io.stdout(`${JSON.stringify({ ...ruleSummary(rule), rationale: rule.rationale, attack: rule.attack, remediation: rule.remediation, example: rule.example, peers: rule.peers }, null, 2)}\n`);
  } else if (format === "markdown") {
    io.stdout(explainMarkdown(rule));
  } else if (format === "text") {
    io.stdout(explainText(rule));
  } else {
    throw new UsageError(`unknown format "${format}" (text, markdown or json)`);
  }
  return 0;
}

function findPolicyRule(id: string, values: Record<string, unknown>, io: Io): Rule {
  const config = loadConfigFor(io, values);
  const rules = policyRulesStrict([...config.policies, ...((values.policy as string[] | undefined) ?? [])], [...config.vap, ...((values.vap as string[] | undefined) ?? [])], io.cwd);
  const rule = rules.find((r) => r.id === id);
  if (!rule) {
    const known = rules.map((r) => r.id);
    throw new UsageError(`no rule "${id}" in the policy files${known.length ? ` (they define: ${known.join(", ")})` : " (give them with --policy or --vap, or list them in .shipshape.yaml)"}`);
  }
  return rule;
}

function facts(rule: Rule): string[] {
  const out = [`severity ${rule.severity}`];
  if (rule.pss) out.push(`Pod Security Standards ${rule.pss.level} (${rule.pss.control})`);
  if (rule.frameworks?.cis?.length) out.push(`CIS ${rule.frameworks.cis.join(", ")}`);
  if (rule.frameworks?.nsa) out.push("NSA/CISA hardening guidance");
  if (rule.frameworks?.mitre?.length) out.push(`MITRE ATT&CK: ${rule.frameworks.mitre.join(", ")}`);
  return out;
}

function peers(rule: Rule): string {
  return Object.entries(rule.peers)
    .map(([tool, ids]) => `${tool} ${ids.join(", ")}`)
    .join("; ");
}

function params(rule: Rule): string[] {
  return Object.entries(rule.params).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
}

const indent = (s: string, n = 2) => s.split("\n").map((l) => (l === "" ? l : " ".repeat(n) + l)).join("\n");

export function explainText(rule: Rule): string {
  const parts = [
    `${rule.id}: ${rule.title}`,
    `(${facts(rule).join(" · ")})`,
    "",
    "Why it matters",
    indent(rule.rationale),
    ...(rule.attack.trim() ? ["", "What an attacker does with it", indent(rule.attack)] : []),
    "",
    "How to fix it",
    indent(rule.remediation),
  ];
  if (rule.example) {
    parts.push("", "Example that is reported", indent(rule.example.insecure.trimEnd(), 4), "", "Fixed", indent(rule.example.secure.trimEnd(), 4));
  }
  const p = params(rule);
  if (p.length > 0) parts.push("", "Parameters (set under rules.<id>.params in .shipshape.yaml)", ...p.map((x) => `  ${x}`));
  parts.push(
    "",
    "Accepting the risk",
    indent(
      rule.target === "dockerfile"
        ? `Put a comment on the line above the instruction: # shipshape ignore=${rule.id} <reason>\n(or # shipshape ignore-file=${rule.id} <reason> for the whole file), or add an exemption with a reason to .shipshape.yaml.`
        : `Annotate the object or its pod template with ${ignoreAnnotation(rule.id)}: "<reason>",\nor add an exemption with a reason to .shipshape.yaml.`,
    ),
  );
  const pr = peers(rule);
  if (pr) parts.push("", "Same check in other tools", indent(pr));
  if (rule.source) parts.push("", "Defined in", indent(`${rule.source.file}:${rule.source.line}`));
  return `${parts.join("\n")}\n`;
}

export function explainMarkdown(rule: Rule): string {
  const parts = [`## \`${rule.id}\`: ${rule.title}`, "", `*${facts(rule).join(" · ")}*`, "", "**Why it matters.** " + rule.rationale, ...(rule.attack.trim() ? ["", "**What an attacker does with it.** " + rule.attack] : []), "", "**How to fix it.** " + rule.remediation];
  const lang = rule.target === "dockerfile" ? "dockerfile" : "yaml";
  if (rule.example) parts.push("", "Reported:", "", "```" + lang, rule.example.insecure.trimEnd(), "```", "", "Fixed:", "", "```" + lang, rule.example.secure.trimEnd(), "```");
  const p = params(rule);
  if (p.length > 0) parts.push("", "Parameters:", "", ...p.map((x) => `- \`${x}\``));
  return `${parts.join("\n")}\n`;
}
