// A small RuleTester in the spirit of ESLint's: every invalid case names the messageIds and paths it
// expects, and the rule must report exactly those (no more, no fewer).
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { Inventory } from "../engine/inventory.js";
import { makeParams } from "../engine/params.js";
import { withFacts } from "../engine/registry.js";
import type { RuleModule } from "../engine/rule-types.js";
import { runRules } from "../engine/run.js";
import { applyDockerfileFixes } from "../fix/dockerfile-edit.js";
import { loadDockerfileText } from "../loaders/dockerfile.js";
import { loadManifestText } from "../loaders/manifest.js";
import { loadShellParser } from "../loaders/shell.js";
import type { Finding } from "../model/finding.js";
import { KubeVersion } from "../model/kube-version.js";
import type { Resource } from "../model/resource.js";

const shell = await loadShellParser();

export interface ValidCase {
  name: string;
  /**
   * A manifest as YAML text, or an object (or list of objects) to be written as YAML. For Dockerfile rules, the
   * Dockerfile's text (`dockerfile` reads better there; either may be given).
   */
  manifest?: string | object | object[];
  dockerfile?: string;
  /** Dockerfiles scanned together with the manifest, by path (for rules that join images and workloads). */
  dockerfiles?: Record<string, string>;
  params?: Record<string, unknown>;
  kubeVersion?: string;
}

export interface ExpectedFinding {
  messageId: string;
  /** The finding's YAML path, e.g. "spec.containers[0].securityContext.privileged" (Kubernetes rules: required). */
  path?: string;
  container?: string;
  line?: number;
  column?: number;
  /** The object the finding is on, when the manifest holds several. */
  object?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

export function runRuleOn(module: RuleModule, c: ValidCase): Finding[] {
  const rule = withFacts(module as RuleModule);
  const source = c.dockerfile ?? c.manifest;
  if (source === undefined) throw new Error(`${c.name}: give a manifest or a dockerfile`);
  const text = typeof source === "string" ? source : (Array.isArray(source) ? source : [source]).map((o) => stringify(o)).join("---\n");
  const loaded = rule.target === "dockerfile" ? loadDockerfileText(text, "Dockerfile", shell) : loadManifestText(text, "test.yaml");
  if (loaded.problems.length > 0) throw new Error(`test ${rule.target === "dockerfile" ? "Dockerfile" : "manifest"} does not load: ${loaded.problems.map((p) => p.message).join("; ")}`);
  const resources: Resource[] = [...loaded.resources];
  for (const [file, content] of Object.entries(c.dockerfiles ?? {})) {
    const d = loadDockerfileText(content, file, shell);
    if (d.problems.length > 0) throw new Error(`test Dockerfile ${file} does not load: ${d.problems.map((p) => p.message).join("; ")}`);
    resources.push(...d.resources);
  }
  const result = runRules(resources, {
    rules: [{ rule, severity: rule.severity, params: makeParams(rule.id, rule.params, c.params), waivable: true }],
    kubeVersion: c.kubeVersion ? KubeVersion.parse(c.kubeVersion) : KubeVersion.DEFAULT,
    defaultNamespace: "default",
  }, new Inventory(resources, "default"));
  const internal = result.findings.filter((f) => f.ruleId === "internal-error");
  if (internal.length > 0) throw new Error(internal.map((f) => f.message).join("; "));
  return result.findings;
}

/** A Dockerfile rule's findings on a Dockerfile, and the text with all their fixes applied (none may fail). */
export function fixDockerfile(module: RuleModule, dockerfile: string): { findings: Finding[]; text: string } {
  const findings = runRuleOn(module, { name: "fix", dockerfile });
  const candidates = findings.filter((f) => f.fix).map((f) => ({ finding: f, fix: f.fix!, file: "Dockerfile", document: 0, prefix: [] }));
  const r = applyDockerfileFixes(dockerfile, candidates);
  expect(r.failed).toEqual([]);
  return { findings, text: r.text };
}

export function ruleTester(module: RuleModule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`duplicate test case name "${dup}" for ${module.id}`);
  if (cases.valid.length === 0 || cases.invalid.length === 0) throw new Error(`${module.id}: a rule needs both passing and failing cases`);
  describe(module.id, () => {
    describe("valid", () => {
      it.each(cases.valid.map((c) => [c.name, c] as const))("%s", (_, c) => {
        expect(runRuleOn(module, c).map(summary)).toEqual([]);
      });
    });
    describe("invalid", () => {
      it.each(cases.invalid.map((c) => [c.name, c] as const))("%s", (_, c) => {
        if (c.errors.length === 0) throw new Error("an invalid case must list the findings it expects");
        const found = runRuleOn(module, c);
        const got = found.map((f, i) => pick(f, c.errors[i]));
        expect(got).toEqual(c.errors);
        for (const f of found) expect(Object.keys(module.messages)).toContain(f.messageId);
      });
    });
  });
}

function summary(f: Finding): string {
  return `${f.messageId} at ${f.location.path ?? `line ${f.location.line}:${f.location.column}`}${f.container ? ` (${f.container})` : ""}: ${f.message}`;
}

/** The fields of a finding that the expectation names (messageId and path always). */
function pick(f: Finding, want: ExpectedFinding | undefined): ExpectedFinding {
  // Dockerfile findings are placed by line (and column when asked); Kubernetes findings by YAML path.
  const docker = f.object?.kind === "Dockerfile";
  const out: ExpectedFinding = docker ? { messageId: f.messageId } : { messageId: f.messageId, path: f.location.path ?? "" };
  if (docker && (want === undefined || want.line === undefined)) out.line = f.location.line;
  if (want?.container !== undefined || (want === undefined && f.container)) out.container = f.container ?? "";
  if (want?.line !== undefined) out.line = f.location.line;
  if (want?.column !== undefined) out.column = f.location.column;
  if (want?.object !== undefined) out.object = `${f.object?.kind}/${f.object?.name}`;
  return out;
}
