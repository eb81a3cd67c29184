// Whether a rule fixes what it finds, and how safely: read from what the rule does on its own example (the insecure
// manifest or Dockerfile every rule documents), so the reference cannot drift from the code.
import { Inventory } from "../engine/inventory.js";
import { makeParams } from "../engine/params.js";
import type { Rule } from "../engine/rule-types.js";
import { runRules } from "../engine/run.js";
import { loadDockerfileText } from "../loaders/dockerfile.js";
import { loadManifestText } from "../loaders/manifest.js";
import { type ShellParser, loadShellParser } from "../loaders/shell.js";
import type { Finding, LoadProblem } from "../model/finding.js";
import { KubeVersion } from "../model/kube-version.js";

export type FixAvailability = "safe" | "unsafe" | "safe or unsafe";

/** A rule's findings on a text of its kind (manifest or Dockerfile), the rule alone, with its default parameters. */
export function findingsOn(rule: Rule, text: string, shell: ShellParser): { findings: Finding[]; problems: LoadProblem[] } {
  const loaded = rule.target === "dockerfile" ? loadDockerfileText(text, "Dockerfile", shell) : loadManifestText(text, "example.yaml");
  const result = runRules(loaded.resources, {
    rules: [{ rule, severity: rule.severity, params: makeParams(rule.id, rule.params), waivable: false }],
    kubeVersion: KubeVersion.DEFAULT,
    defaultNamespace: "default",
  }, new Inventory(loaded.resources, "default"));
  return { findings: result.findings.filter((f) => f.ruleId === rule.id), problems: loaded.problems };
}

/** For each rule with an example, the safety of the fixes its findings there carry (absent: no automatic fix). */
export async function fixAvailability(rules: readonly Rule[]): Promise<Map<string, FixAvailability>> {
  const shell = await loadShellParser();
  const out = new Map<string, FixAvailability>();
  for (const rule of rules) {
    if (!rule.example) continue;
    const kinds = new Set(findingsOn(rule, rule.example.insecure, shell).findings.filter((f) => f.fix).map((f) => f.fix!.safety));
    if (kinds.size === 2) out.set(rule.id, "safe or unsafe");
    else if (kinds.has("safe")) out.set(rule.id, "safe");
    else if (kinds.has("unsafe")) out.set(rule.id, "unsafe");
  }
  return out;
}
