// Custom CEL rules (kind CustomRule) end to end, through the real CLI: scan --policy and .shipshape.yaml's
// policies, the reports that carry their findings, suppression, broken policies, test-policy and explain.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AjvDraft04 from "ajv-draft-04";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { runCli, tempTree } from "../src/testing/cli.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const FIX = "test/fixtures/policies/custom";
const WORKLOADS = `${FIX}/manifests/workloads.yaml`;
const sarifSchemaFile = fileURLToPath(new URL("../../shared/schemas/sarif-schema-2.1.0.json", import.meta.url));

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  data?: Record<string, string>;
  object?: { kind: string; name: string; namespace?: string };
  location: { file: string; line: number; column: number; path?: string };
  suppression?: { kind: string; reason: string };
}
interface Report {
  findings: Finding[];
  suppressed: Finding[];
  summary: { rules: number; objects: number; errors: number; checks: { evaluated: number } };
}

const read = (file: string, cwd = root) => readFileSync(`${cwd}/${file}`, "utf8");

/** 1-based line and column of `at` inside the first line of `file` that holds `needle` (default: needle itself). */
function positionOf(file: string, needle: string, at = needle, cwd = root): { line: number; column: number } {
  const lines = read(file, cwd).split("\n");
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${file}`);
  const start = lines[i]!.indexOf(needle);
  const off = needle.indexOf(at);
  if (off < 0) throw new Error(`${at} not in ${needle}`);
  return { line: i + 1, column: start + off + 1 };
}

async function scanJson(args: string[], cwd = root): Promise<{ code: number; report: Report; stderr: string }> {
  const r = await runCli(["scan", "--format", "json", ...args], cwd);
  if (r.stdout.trim() === "") throw new Error(`no report (exit ${r.code}): ${r.stderr}`);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

const custom = (r: Report, id?: string) => r.findings.filter((f) => (id ? f.ruleId === id : f.ruleId.startsWith("custom:")));
/** "Kind/name" of the objects a rule reported, sorted. */
const reported = (r: Report, id: string) => [...new Set(custom(r, id).map((f) => `${f.object?.kind}/${f.object?.name}`))].sort();

const WORKLOAD_NAMES = ["CronJob/nightly", "Deployment/owned", "Deployment/worker", "Pod/api"];

describe("custom rules in a scan", () => {
  describe("the example rules on the examples", async () => {
    const withPolicies = await scanJson(["examples/", "--no-config", "--policy", "examples/policies"]);
    const without = await scanJson(["examples/", "--no-config"]);
    const r = withPolicies.report;

    it("adds the four example rules", () => {
      expect(r.summary.rules - without.report.summary.rules).toBe(4);
      expect(custom(without.report)).toEqual([]);
    });

    it("team-label reports the workloads and Services without a team label, and nothing else", () => {
      expect(reported(r, "custom:team-label")).toEqual(["DaemonSet/log-collector", "Deployment/storefront", "Service/storefront"]);
      // both storefront Deployments and both Services: hardened-app and insecure-app
      expect(custom(r, "custom:team-label").map((f) => f.location.file).sort()).toEqual([
        "examples/hardened-app/shop.yaml",
        "examples/hardened-app/shop.yaml",
        "examples/insecure-app/log-collector.yaml",
        "examples/insecure-app/shop.yaml",
        "examples/insecure-app/shop.yaml",
      ]);
      for (const f of custom(r, "custom:team-label")) {
        expect(f.message).toBe("no team label (metadata.labels.team)");
        expect(f.severity).toBe("low");
        // fieldPath: metadata
        expect(f.location.path).toBe("metadata");
        const lines = read(f.location.file).split("\n");
        expect(lines[f.location.line - 2]).toBe("metadata:");
      }
      // Namespaces, ServiceAccounts, NetworkPolicies, … are neither workloads nor Services
      expect(custom(r).some((f) => !["Deployment", "DaemonSet", "Service"].includes(f.object?.kind ?? ""))).toBe(false);
    });

    it("limits-required reports the insecure app's containers without limits (init containers included), not the hardened app", () => {
      expect(custom(r, "custom:limits-required").map((f) => `${f.location.file} ${f.object?.name}: ${f.message}`).sort()).toEqual([
        "examples/insecure-app/log-collector.yaml log-collector: no CPU or memory limit on: collector",
        "examples/insecure-app/shop.yaml storefront: no CPU or memory limit on: migrate, web",
      ]);
    });

    it("allowed-registries and no-latest-tag hold for every example object (all images are pinned, from registry.example.com)", async () => {
      expect(custom(r, "custom:allowed-registries")).toEqual([]);
      expect(custom(r, "custom:no-latest-tag")).toEqual([]);
      // they did run: alone, they check every workload and pass
      const alone = await scanJson(["examples/", "--no-config", "--policy", "examples/policies", "--rules", "custom:allowed-registries,custom:no-latest-tag"]);
      expect(alone.report.summary.checks.evaluated).toBe(6); // 3 workloads × 2 rules
      expect(alone.report.findings.filter((f) => f.ruleId !== "policy-error")).toEqual([]);
    });

    it("reports no policy errors", () => {
      // examples/policies/run-as-non-root.vap.yaml is both scanned (it is under examples/) and read as a --policy
      // file: one policy, not "a second ValidatingAdmissionPolicy named …"
      expect(r.findings.filter((f) => f.ruleId === "policy-error").map((f) => `${f.location.file}:${f.location.line}: ${f.message}`)).toEqual([]);
    });
  });

  describe("matching", async () => {
    const { report: r } = await scanJson([WORKLOADS, "--no-config", "--policy", `${FIX}/rules/matching.yaml`]);

    it("kinds: [workloads] covers Pod, Deployment and CronJob, not a ConfigMap", () => {
      expect(reported(r, "custom:workload-owner")).toEqual(["CronJob/nightly", "Deployment/worker", "Pod/api"]);
      expect(custom(r).some((f) => f.object?.kind === "ConfigMap" || f.object?.kind === "Namespace")).toBe(false);
      expect(custom(r, "custom:workload-owner").every((f) => f.severity === "low" && f.message === "no owner label")).toBe(true);
    });

    it("containers holds every container of any workload kind: init, regular and ephemeral", () => {
      expect(custom(r, "custom:pinned-images").map((f) => `${f.object?.kind}/${f.object?.name}: ${f.message}`).sort()).toEqual([
        "CronJob/nightly: not pinned by digest: fetch",
        "Deployment/worker: not pinned by digest: migrate, worker",
        "Pod/api: not pinned by digest: setup, app, debug",
      ]);
    });

    it("namespaces, excludeNamespaces, objectSelector and namespaceSelector narrow what a rule sees", () => {
      expect(reported(r, "custom:shop-only")).toEqual(["Pod/api"]);
      expect(reported(r, "custom:not-in-legacy")).toEqual(["CronJob/nightly", "Pod/api"]);
      expect(reported(r, "custom:frontend-only")).toEqual(["Pod/api"]);
      // shop is labelled env: prod in the scan; legacy is env: dev; tools is not in the scan
      expect(reported(r, "custom:prod-only")).toEqual(["Pod/api"]);
    });

    it("a finding without fieldPath points at the object", () => {
      const f = custom(r, "custom:workload-owner").find((x) => x.object?.name === "worker")!;
      expect(f.location).toMatchObject({ file: WORKLOADS, ...positionOf(WORKLOADS, "apiVersion: apps/v1") });
    });
  });

  it("fieldPath locates the finding at that field, and a validation's severity is its own", async () => {
    const { report: r } = await scanJson([WORKLOADS, "--no-config", "--policy", `${FIX}/rules/located.yaml`]);
    const found = custom(r, "custom:replicas-and-probes");
    expect(found.map((f) => `${f.object?.name} ${f.severity} ${f.location.path} ${f.message}`)).toEqual([
      "worker high spec.replicas fewer than 2 replicas",
      "worker low spec.template.spec.containers[0].image a container has no readiness probe",
    ]);
    expect(found[0]!.location).toMatchObject({ file: WORKLOADS, ...positionOf(WORKLOADS, "replicas: 1", "1") });
    expect(found[1]!.location).toMatchObject(positionOf(WORKLOADS, "image: registry.example.com/worker:2.0", "registry"));
    // Deployment/owned has 3 replicas and a probe; the Pod and the CronJob are not Deployments
    expect(reported(r, "custom:replicas-and-probes")).toEqual(["Deployment/worker"]);
  });

  describe("selection and configuration", () => {
    const policies = `${FIX}/rules`;

    it("--rules custom:x runs only that rule", async () => {
      const { report: r } = await scanJson([WORKLOADS, "--no-config", "--policy", policies, "--rules", "custom:shop-only"]);
      expect(r.summary.rules).toBe(1);
      expect(r.findings.map((f) => `${f.ruleId} ${f.object?.name}`)).toEqual(["custom:shop-only api"]);
    });

    it("--skip-rules leaves a custom rule out", async () => {
      const { report: r } = await scanJson([WORKLOADS, "--no-config", "--policy", policies, "--skip-rules", "custom:pinned-images"]);
      expect(custom(r, "custom:pinned-images")).toEqual([]);
      expect(custom(r, "custom:workload-owner")).toHaveLength(3);
    });

    it("--rules custom:nope is a usage error (exit 2)", async () => {
      const r = await runCli(["scan", WORKLOADS, "--no-config", "--policy", policies, "--rules", "custom:nope"], root);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('"custom:nope"');
      expect(r.stdout).toBe("");
      // without the policy files the rule does not exist either
      expect((await runCli(["scan", WORKLOADS, "--no-config", "--rules", "custom:shop-only"], root)).code).toBe(2);
    });

    const tree = (config: string) =>
      tempTree({
        "conf/.shipshape.yaml": config,
        "policies/matching.yaml": read(`${FIX}/rules/matching.yaml`),
        "policies/located.yaml": read(`${FIX}/rules/located.yaml`),
        "policies/allowed-registries.yaml": read("examples/policies/allowed-registries.yaml"),
        "app/workloads.yaml": read(WORKLOADS),
      });

    it("the configuration's policies are found relative to the configuration file", async () => {
      const dir = tree("policies: [../policies]\n");
      const { report: r } = await scanJson(["app", "--config", "conf/.shipshape.yaml"], dir);
      expect(reported(r, "custom:workload-owner")).toEqual(["CronJob/nightly", "Deployment/worker", "Pod/api"]);
      expect(reported(r, "custom:allowed-registries")).toEqual(["Pod/api"]); // busybox in setup and debug
      // the same relative path in --policy is relative to where the scan runs: it does not exist there
      const r2 = await runCli(["scan", "app", "--no-config", "--policy", "../policies"], dir);
      expect(r2.code).toBe(2);
      expect(r2.stderr).toContain("policy path ../policies does not exist");
    });

    it("rules: {custom:x: off} turns a rule off and {severity: …} sets its severity, over per-validation ones too", async () => {
      const dir = tree("policies: [../policies]\nrules:\n  custom:workload-owner: off\n  custom:replicas-and-probes: {severity: info}\n");
      const { report: r } = await scanJson(["app", "--config", "conf/.shipshape.yaml"], dir);
      expect(custom(r, "custom:workload-owner")).toEqual([]);
      expect(reported(r, "custom:shop-only")).toEqual(["Pod/api"]);
      expect(custom(r, "custom:replicas-and-probes").map((f) => `${f.location.path} ${f.severity}`)).toEqual(["spec.replicas info", "spec.template.spec.containers[0].image info"]);
      const low = await scanJson(["app", "--config", "conf/.shipshape.yaml"], tree("policies: [../policies]\nrules:\n  custom:workload-owner: {severity: high}\n"));
      expect(custom(low.report, "custom:workload-owner").map((f) => f.severity)).toEqual(["high", "high", "high"]);
    });

    it("params are overridden from .shipshape.yaml", async () => {
      const base = await scanJson(["app", "--config", "conf/.shipshape.yaml"], tree("policies: [../policies]\n"));
      expect(custom(base.report, "custom:allowed-registries").map((f) => f.message)).toEqual(["image not from an allowed registry: setup (busybox:1.36), debug (busybox:1.36)"]);
      const dir = tree('policies: [../policies]\nrules:\n  custom:allowed-registries:\n    params:\n      registries: ["busybox"]\n');
      const { report: r } = await scanJson(["app", "--config", "conf/.shipshape.yaml"], dir);
      // busybox is now the only allowed registry: every other image is reported, busybox is not
      expect(reported(r, "custom:allowed-registries")).toEqual(["CronJob/nightly", "Deployment/owned", "Deployment/worker", "Pod/api"]);
      const api = custom(r, "custom:allowed-registries").find((f) => f.object?.name === "api")!;
      expect(api.message).toBe("image not from an allowed registry: app (registry.example.com/api:1.0)");
    });

    it("a parameter the rule does not have, or of the wrong type, is a usage error (exit 2)", async () => {
      const wrongName = tree("policies: [../policies]\nrules:\n  custom:allowed-registries:\n    params:\n      registry: [docker.io/]\n");
      const r = await runCli(["scan", "app", "--config", "conf/.shipshape.yaml"], wrongName);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('rule custom:allowed-registries has no parameter "registry" (it has: registries)');
      const wrongType = tree("policies: [../policies]\nrules:\n  custom:allowed-registries:\n    params:\n      registries: docker.io/\n");
      const t = await runCli(["scan", "app", "--config", "conf/.shipshape.yaml"], wrongType);
      expect(t.code).toBe(2);
      expect(t.stderr).toContain("parameter custom:allowed-registries.registries must be a list");
    });

    it("a configuration naming a custom rule that no policy file defines is a usage error", async () => {
      const r = await runCli(["scan", "app", "--config", "conf/.shipshape.yaml"], tree("policies: [../policies]\nrules:\n  custom:typo: off\n"));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('"custom:typo"');
    });
  });
});

describe("reports carry custom findings", () => {
  const args = [WORKLOADS, "--no-config", "--policy", `${FIX}/rules/located.yaml`, "--rules", "custom:replicas-and-probes"];
  const replicas = positionOf(WORKLOADS, "replicas: 1", "1");

  it("JSON: rule id, message, object and location", async () => {
    const { code, report } = await scanJson(args);
    expect(code).toBe(1); // a high finding
    expect(report.findings[0]).toMatchObject({
      ruleId: "custom:replicas-and-probes",
      severity: "high",
      message: "fewer than 2 replicas",
      object: { kind: "Deployment", name: "worker", namespace: "legacy" },
      location: { file: WORKLOADS, line: replicas.line, column: replicas.column, path: "spec.replicas" },
    });
  });

  it("SARIF: the rule's descriptor has its title, rationale and remediation; results point at the field", async () => {
    const r = await runCli(["scan", ...args, "--format", "sarif"], root);
    const sarif = JSON.parse(r.stdout) as {
      runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string } }[] } }; results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[];
    };
    const run = sarif.runs[0]!;
    const rule = run.tool.driver.rules.find((x) => x.id === "custom:replicas-and-probes")!;
    expect(rule.shortDescription.text).toBe("Deployments run two replicas with readiness probes");
    expect(rule.fullDescription.text).toBe("One replica is one outage away from none.");
    expect(rule.help.text).toContain("One replica is one outage away from none.");
    expect(rule.help.text).toContain("Set spec.replicas to 2 or more and give every container a readinessProbe.");
    expect(rule.help.markdown).toContain("Set spec.replicas to 2 or more");
    expect(run.results.map((x) => `${x.ruleId} ${x.level} ${x.message.text}`)).toEqual([
      "custom:replicas-and-probes error fewer than 2 replicas.",
      "custom:replicas-and-probes note a container has no readiness probe.",
    ]);
    const loc = run.results[0]!.locations[0]!.physicalLocation;
    expect(loc.artifactLocation.uri).toBe(WORKLOADS);
    expect(loc.region).toMatchObject({ startLine: replicas.line, startColumn: replicas.column });
  });

  it.skipIf(!existsSync(sarifSchemaFile))("SARIF with custom rules validates against the SARIF 2.1.0 schema", async () => {
    const r = await runCli(["scan", WORKLOADS, "--no-config", "--policy", `${FIX}/rules`, "--policy", "examples/policies", "--format", "sarif"], root);
    const schema = JSON.parse(readFileSync(sarifSchemaFile, "utf8")) as object;
    const validate = new AjvDraft04.default({ allErrors: true, strict: false, logger: false }).compile(schema);
    const sarif = JSON.parse(r.stdout) as unknown;
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(r.stdout).toContain('"ruleId": "custom:pinned-images"');
  });

  it("JUnit: a test suite per custom rule, a failure for the violating object, a passing case for the compliant one", async () => {
    const r = await runCli(["scan", ...args, "--format", "junit"], root);
    expect(r.stdout).toContain('<testsuite name="custom:replicas-and-probes" tests="2" failures="1"');
    expect(r.stdout).toMatch(/<testcase name="Deployment legacy\/worker" classname="custom:replicas-and-probes"[^>]*>\s*<failure message="fewer than 2 replicas; a container has no readiness probe"/);
    expect(r.stdout).toContain(`${WORKLOADS}:${replicas.line}:${replicas.column}: high custom:replicas-and-probes: fewer than 2 replicas`);
    expect(r.stdout).toMatch(/<testcase name="Deployment shop\/owned" classname="custom:replicas-and-probes"[^>]*\/>/);
  });

  it("--format policyreport: fail and pass results under the custom rule's id", async () => {
    const r = await runCli(["scan", ...args, "--format", "policyreport"], root);
    const docs = parseAllDocuments(r.stdout).map((d) => d.toJS() as { kind: string; metadata: { namespace?: string }; results: { policy: string; result: string; severity: string; message: string; resources: { name: string }[]; properties: { line: string } }[] });
    const legacy = docs.find((d) => d.metadata.namespace === "legacy")!;
    expect(legacy.results.map((x) => `${x.policy} ${x.result} ${x.severity} ${x.resources[0]!.name}: ${x.message} @${x.properties.line}`)).toEqual([
      `custom:replicas-and-probes fail high worker: fewer than 2 replicas @${replicas.line}`,
      `custom:replicas-and-probes warn low worker: a container has no readiness probe @${positionOf(WORKLOADS, "image: registry.example.com/worker:2.0").line}`,
    ]);
    const shop = docs.find((d) => d.metadata.namespace === "shop")!;
    expect(shop.results.map((x) => `${x.policy} ${x.result} ${x.resources[0]!.name}`)).toEqual(["custom:replicas-and-probes pass owned"]);
  });
});

describe("suppression of custom findings", () => {
  const pods = `apiVersion: v1
kind: Pod
metadata:
  name: waived
  annotations:
    ignore.shipshape.io/custom.workload-owner: "owner is in the service catalogue"
spec:
  containers: [{name: app, image: "registry.example.com/a@sha256:${"a".repeat(64)}"}]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: template-waived
spec:
  selector: {matchLabels: {app: t}}
  template:
    metadata:
      labels: {app: t}
      annotations:
        ignore.shipshape.io/custom.workload-owner: "owner is in the service catalogue"
    spec:
      containers: [{name: app, image: "registry.example.com/a@sha256:${"a".repeat(64)}"}]
---
apiVersion: v1
kind: Pod
metadata:
  name: wrong-annotation
  annotations:
    ignore.shipshape.io/custom:workload-owner: "a colon is not valid in an annotation name"
    ignore.shipshape.io/workload-owner: "without the custom. prefix"
spec:
  containers: [{name: app, image: "registry.example.com/a@sha256:${"a".repeat(64)}"}]
---
apiVersion: v1
kind: Pod
metadata:
  name: exempted
spec:
  containers: [{name: app, image: "registry.example.com/a@sha256:${"a".repeat(64)}"}]
`;
  const tree = (config: string) => tempTree({ ".shipshape.yaml": config, "pods.yaml": pods, "policies/matching.yaml": read(`${FIX}/rules/matching.yaml`) });

  it("the annotation ignore.shipshape.io/custom.<name> on the object or its pod template, and a config exemption", async () => {
    const dir = tree('policies: [policies]\nexemptions:\n  - rules: [custom:workload-owner]\n    name: exempted\n    reason: "migrating"\n');
    const { report: r } = await scanJson(["pods.yaml", "--rules", "custom:workload-owner"], dir);
    expect(reported(r, "custom:workload-owner")).toEqual(["Pod/wrong-annotation"]);
    expect(r.suppressed.map((f) => `${f.ruleId} ${f.object?.name} ${f.suppression?.kind}: ${f.suppression?.reason}`).sort()).toEqual([
      "custom:workload-owner exempted config: migrating",
      "custom:workload-owner template-waived annotation: owner is in the service catalogue",
      "custom:workload-owner waived annotation: owner is in the service catalogue",
    ]);
    expect(r.suppressed.every((f) => f.message === "no owner label")).toBe(true);
  });

  it("an exemption for one custom rule leaves the others", async () => {
    const dir = tree('policies: [policies]\nexemptions:\n  - rules: [custom:workload-owner]\n    reason: "owners are elsewhere"\n');
    const { report: r } = await scanJson(["pods.yaml"], dir);
    expect(custom(r, "custom:workload-owner")).toEqual([]);
    expect(reported(r, "custom:not-in-legacy")).toEqual(["Deployment/template-waived", "Pod/exempted", "Pod/waived", "Pod/wrong-annotation"]);
    expect(r.suppressed.filter((f) => f.ruleId === "custom:workload-owner")).toHaveLength(4);
  });
});

describe("broken policies", async () => {
  const dir = `${FIX}/broken`;
  const { code, report: r } = await scanJson([WORKLOADS, "--no-config", "--policy", dir]);
  const at = (file: string) => r.findings.filter((f) => f.location.file === `${dir}/${file}`);

  it.each([
    ["syntax-error.yaml", "object.spec.replicas >= )", ")", "syntax error"],
    ["unknown-function.yaml", "frobnicate(c.image)", "frobnicate", "frobnicate"],
    ["wrong-type.yaml", 'expression: 1 + "a"', '1 + "a"', "int + string"],
    ["not-bool.yaml", "expression: size(containers)", "size(containers)", "a validation must be a bool"],
    ["undeclared-variable.yaml", "&& variables.x", "variables.x", "variables.x is not declared"],
    ["missing-validations.yaml", "title: Forgot the validations", "title", "spec.validations must list at least one validation"],
    ["bad-severity.yaml", "severity: urgent", "urgent", "CustomRule bad-severity: severity must be one of critical, high, medium, low, info"],
    ["bad-severity.yaml", "severity: severe", "severe", "CustomRule bad-validation-severity: severity must be one of critical, high, medium, low, info"],
  ])("%s: a policy-error at the problem (%s)", (file, needle, point, message) => {
    const want = positionOf(`${dir}/${file}`, needle, point);
    const errors = at(file).filter((f) => f.ruleId === "policy-error" && f.message.includes(message));
    expect(errors.map((f) => `${f.location.line}:${f.location.column}`), JSON.stringify(at(file))).toEqual([`${want.line}:${want.column}`]);
    expect(errors[0]!.severity).toBe("high");
    expect(errors[0]!.object?.kind).toBe("CustomRule");
  });

  it("bad YAML in a policy file is a parse-error at the problem", () => {
    const want = positionOf(`${dir}/bad-yaml.yaml`, "message: the owner: is missing", "the owner");
    expect(at("bad-yaml.yaml").map((f) => `${f.ruleId} ${f.location.line}:${f.location.column} ${f.message}`)).toEqual([
      `parse-error ${want.line}:${want.column} malformed YAML: Nested mappings are not allowed in compact mappings`,
    ]);
  });

  it("each broken file has exactly its own problem, and broken rules report nothing", () => {
    const errors = r.findings.filter((f) => f.ruleId === "policy-error" || f.ruleId === "parse-error");
    expect(errors).toHaveLength(9);
    expect(r.summary.errors).toBe(9);
    const broken = ["syntax-error", "unknown-function", "wrong-type", "not-bool", "undeclared-variable", "missing-validations", "bad-severity", "bad-validation-severity", "bad-yaml"];
    expect(custom(r).filter((f) => broken.includes(f.ruleId.slice("custom:".length)))).toEqual([]);
    expect(code).toBe(1);
  });

  it("the other rules still run: the good custom rule and the built-in ones", () => {
    expect(reported(r, "custom:still-runs")).toEqual(["CronJob/nightly", "Deployment/worker", "Pod/api"]);
    expect(r.findings.some((f) => f.ruleId === "run-as-non-root")).toBe(true);
    expect(r.summary.objects).toBe(7);
  });

  it("a --policy path that does not exist is a usage error (exit 2)", async () => {
    const x = await runCli(["scan", WORKLOADS, "--no-config", "--policy", `${FIX}/nope.yaml`], root);
    expect(x.code).toBe(2);
    expect(x.stderr).toContain(`policy path ${FIX}/nope.yaml does not exist`);
    expect(x.stdout).toBe("");
  });

  it("a configuration's policies entry that does not exist is a usage error too", async () => {
    const tmp = tempTree({ ".shipshape.yaml": "policies: [missing]\n", "pod.yaml": read(WORKLOADS) });
    const x = await runCli(["scan", "pod.yaml"], tmp);
    expect(x.code).toBe(2);
    expect(x.stderr).toContain("policy path missing does not exist");
  });
});

describe("shipshape test-policy", () => {
  const suites = `${FIX}/suites`;

  it("the examples' suite passes", async () => {
    const r = await runCli(["test-policy", "examples/policies"], root);
    const cases = (r.stdout.match(/^ {4}pass /gm) ?? []).length;
    expect(r.stdout).not.toMatch(/^ {4}FAIL /m);
    expect(cases).toBeGreaterThan(10);
    expect(r.stdout).toContain(`\n${cases} passed, 0 failed\n`);
    expect(r.stdout).toContain("examples/policies/policies.suite.yaml");
    expect(r.stdout).toContain("(custom:allowed-registries)");
    expect(r.stdout).toContain("(vap:pods-run-as-non-root)");
    expect(r.code).toBe(0);
    // the suite file itself, as a file
    const file = await runCli(["test-policy", "examples/policies/policies.suite.yaml"], root);
    expect(file.code).toBe(0);
    expect(file.stdout).toContain(`${cases} passed, 0 failed`);
  });

  it("a wrong expectation fails the case (exit 1) and says why", async () => {
    const r = await runCli(["test-policy", `${suites}/wrong-expectation.suite.yaml`], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("    pass an owned Deployment passes\n");
    expect(r.stdout).toContain("    FAIL a Pod without an owner is expected to pass\n         expected no violations, got 1: no owner label\n");
    expect(r.stdout).toContain("    FAIL the message is not the one expected\n         expected violations matching /owner is missing/, got none\n");
    expect(r.stdout).toContain("    FAIL a count that is off\n         expected 2 custom:pinned-images violations, got 1: not pinned by digest: app\n");
    expect(r.stdout).toContain("\n1 passed, 3 failed\n");
  });

  it("a suite whose policy is broken reports the error with its position and exits 1", async () => {
    const r = await runCli(["test-policy", `${suites}/broken-policy.suite.yaml`], root);
    expect(r.code).toBe(1);
    const p = positionOf(`${FIX}/broken/syntax-error.yaml`, "object.spec.replicas >= )", ")");
    expect(r.stdout).toContain(`    error ${FIX}/broken/syntax-error.yaml:${p.line}:${p.column}: CustomRule syntax-error: syntax error`);
    expect(r.stdout).toContain("    FAIL anything\n         the test's policies have errors (above)\n");
    const y = positionOf(`${FIX}/broken/bad-yaml.yaml`, "message: the owner: is missing", "the owner");
    expect(r.stdout).toContain(`    error ${FIX}/broken/bad-yaml.yaml:${y.line}:${y.column}: malformed YAML`);
    expect(r.stdout).toContain("0 passed, 2 failed");
  });

  it("a file that is not a suite, a missing file, a folder without suites and a malformed suite exit 2", async () => {
    const notSuite = await runCli(["test-policy", "examples/policies/team-label.yaml"], root);
    expect(notSuite.code).toBe(2);
    expect(notSuite.stderr).toContain("examples/policies/team-label.yaml:1:1: not a policy suite");
    const missing = await runCli(["test-policy", `${suites}/nope.suite.yaml`], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.suite.yaml does not exist");
    const empty = await runCli(["test-policy", `${FIX}/rules`], root);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("no *.suite.yaml files");
    const none = await runCli(["test-policy"], root);
    expect(none.code).toBe(2);
    const dir = tempTree({
      "bad.suite.yaml": "apiVersion: shipshape.io/v1alpha1\nkind: PolicySuite\ntests:\n  - name: t\n    policy: p.yaml\n    cases:\n      - name: c\n        object: {apiVersion: v1, kind: Pod, metadata: {name: p}}\n        expect: maybe\n",
      "p.yaml": read("examples/policies/team-label.yaml"),
    });
    const bad = await runCli(["test-policy", "bad.suite.yaml"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.suite.yaml:7:9: case "c": expect must be pass or fail');
    const format = await runCli(["test-policy", "--format", "xml", "examples/policies"], root);
    expect(format.code).toBe(2);
  });

  it("--format json: every test, case and violation", async () => {
    const r = await runCli(["test-policy", "--format", "json", `${suites}/wrong-expectation.suite.yaml`], root);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { file: string; tests: { name: string; rules: string[]; errors: string[]; cases: { name: string; ok: boolean; failures: string[]; violations: { ruleId: string; message: string; object: string; severity: string }[] }[] }[] }[];
    expect(out).toHaveLength(1);
    expect(out[0]!.file).toBe(`${suites}/wrong-expectation.suite.yaml`);
    const t = out[0]!.tests[0]!;
    expect(t.rules).toEqual(["custom:workload-owner", "custom:shop-only", "custom:not-in-legacy", "custom:frontend-only", "custom:prod-only", "custom:pinned-images"]);
    expect(t.errors).toEqual([]);
    expect(t.cases.map((c) => `${c.ok} ${c.name}`)).toEqual(["true an owned Deployment passes", "false a Pod without an owner is expected to pass", "false the message is not the one expected", "false a count that is off"]);
    expect(t.cases[1]!.violations).toEqual([{ ruleId: "custom:workload-owner", message: "no owner label", object: "Pod/bare", severity: "low" }]);
  });

  it("objects from files, and inventory objects that are looked up (namespaceSelector) but not evaluated", async () => {
    const r = await runCli(["test-policy", "--format", "json", `${suites}/objects.suite.yaml`], root);
    const out = JSON.parse(r.stdout) as { tests: { cases: { name: string; ok: boolean; failures: string[]; violations: { ruleId: string; object: string }[] }[] }[] }[];
    const cases = out[0]!.tests.flatMap((t) => t.cases);
    expect(cases.filter((c) => !c.ok).map((c) => `${c.name}: ${c.failures.join("; ")}`)).toEqual([]);
    expect(r.code).toBe(0);
    const byName = new Map(cases.map((c) => [c.name, c.violations.map((v) => `${v.ruleId} ${v.object}`).sort()]));
    // every object of the file is evaluated
    expect(byName.get("every object of a file")).toEqual(["custom:workload-owner Deployment/also-from-file", "custom:workload-owner Pod/from-file"]);
    // the Namespace in the inventory makes prod-only match; the unlabelled Deployment next to it is not evaluated
    expect(byName.get("a Namespace from the inventory selects the pod")).toEqual(["custom:not-in-legacy Pod/in-prod", "custom:prod-only Pod/in-prod", "custom:workload-owner Pod/in-prod"]);
    expect(byName.get("without the inventory the namespace has no env label")).toEqual(["custom:not-in-legacy Pod/in-prod", "custom:workload-owner Pod/in-prod"]);
  });
});

describe("shipshape explain for policy rules", () => {
  it("explains a custom rule from --policy (text)", async () => {
    const r = await runCli(["explain", "custom:team-label", "--policy", "examples/policies", "--no-config"], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("custom:team-label: Workloads and Services carry a team label\n(severity low)");
    expect(r.stdout).toContain("Without an owner, nobody is paged");
    expect(r.stdout).toContain("Add `metadata.labels.team`");
    expect(r.stdout).toContain('teams: ["payments","storefront","platform"]');
    expect(r.stdout).toContain('ignore.shipshape.io/custom.team-label: "<reason>"');
    expect(r.stdout).toContain(`examples/policies/team-label.yaml:${positionOf("examples/policies/team-label.yaml", "apiVersion:").line}`);
    // no empty attacker section for a rule without `attack`
    expect(r.stdout).not.toContain("What an attacker does with it");
  });

  it("explains a custom rule as JSON", async () => {
    const r = await runCli(["explain", "custom:allowed-registries", "--policy", "examples/policies/allowed-registries.yaml", "--no-config", "--format", "json"], root);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      id: "custom:allowed-registries",
      title: "Images come from a trusted registry",
      severity: "high",
      category: "supply-chain",
      params: { registries: ["registry.example.com/", "ghcr.io/acme/"] },
      remediation: expect.stringContaining("Mirror the image") as unknown,
    });
  });

  it("explains a ValidatingAdmissionPolicy from --vap", async () => {
    const r = await runCli(["explain", "vap:pods-run-as-non-root", "--vap", "examples/policies", "--no-config"], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("vap:pods-run-as-non-root: ValidatingAdmissionPolicy pods-run-as-non-root\n(severity high)");
    expect(r.stdout).toContain("bound by pods-run-as-non-root-shop");
    expect(r.stdout).toContain("ignore.shipshape.io/vap.pods-run-as-non-root");
  });

  it("an unknown custom rule, a missing --policy and a broken policy are usage errors", async () => {
    const unknown = await runCli(["explain", "custom:nope", "--policy", "examples/policies", "--no-config"], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("custom:allowed-registries");
    const none = await runCli(["explain", "custom:team-label", "--no-config"], root);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--policy");
    const broken = await runCli(["explain", "custom:still-runs", "--policy", `${FIX}/broken`, "--no-config"], root);
    expect(broken.code).toBe(2);
    const p = positionOf(`${FIX}/broken/unknown-function.yaml`, "frobnicate");
    expect(broken.stderr).toContain(`${FIX}/broken/unknown-function.yaml:${p.line}:${p.column}: CustomRule unknown-function:`);
  });
});
