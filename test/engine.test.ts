import { describe, expect, it } from "vitest";
import { emptyConfig } from "../src/engine/config.js";
import { makeParams } from "../src/engine/params.js";
import { withFacts } from "../src/engine/registry.js";
import { defineRule } from "../src/engine/rule-types.js";
import { runRules } from "../src/engine/run.js";
import { scan } from "../src/engine/scan.js";
import { loadManifestText } from "../src/loaders/manifest.js";
import { KubeVersion } from "../src/model/kube-version.js";
import { PRIVILEGED_POD, runCli, tempTree } from "../src/testing/cli.js";

const privileged = withFacts((await import("../src/rules/pod-security/privileged-container.js")).default);

describe("engine", () => {
  it("turns a rule that throws into an internal-error finding naming the rule, and goes on", () => {
    const broken = withFacts(defineRule({
      id: "host-network", title: "t", rationale: "r", attack: "a", remediation: "f",
      messages: { m: "m" },
      check() {
        throw new Error("boom");
      },
    }));
    const { resources } = loadManifestText(PRIVILEGED_POD, "p.yaml");
    const result = runRules(resources, {
      rules: [
        { rule: broken, severity: "high", params: makeParams("host-network", {}), waivable: true },
        { rule: privileged, severity: "critical", params: makeParams(privileged.id, {}), waivable: true },
      ],
      kubeVersion: KubeVersion.DEFAULT,
      defaultNamespace: "default",
      keepEvaluations: true,
    });
    expect(result.findings.map((f) => [f.ruleId, f.data?.rule])).toEqual([["internal-error", "host-network"], ["privileged-container", undefined]]);
    expect(result.findings[0]!.message).toMatch(/host-network failed.*boom/);
    expect(result.evaluations.map((e) => e.status)).toEqual(["error", "fail"]);
  });

  it("records passes as well as failures", async () => {
    const dir = tempTree({ "p.yaml": PRIVILEGED_POD.replace("privileged: true", "privileged: false") });
    const report = await scan({ paths: ["."], cwd: dir, config: emptyConfig(), keepEvaluations: true, profile: "pss-baseline" });
    expect(report.summary.checks.failed).toBe(0);
    expect(report.summary.checks.passed).toBe(report.summary.checks.evaluated);
    expect(report.evaluations.length).toBe(report.summary.checks.evaluated);
    expect(report.evaluations.every((e) => e.status === "pass")).toBe(true);
  });

  it("applies rule parameters from the configuration", async () => {
    const pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    ports:\n    - containerPort: 443\n      hostPort: 443\n";
    const dir = tempTree({ "p.yaml": pod, ".shipshape.yaml": "rules:\n  host-port:\n    params: {allowedHostPorts: [443]}\n" });
    const withParam = await runCli(["scan", ".", "--rules", "host-port", "--format", "json"], dir);
    expect(JSON.parse(withParam.stdout).findings).toEqual([]);
    const without = await runCli(["scan", ".", "--rules", "host-port", "--format", "json", "--no-config"], dir);
    expect(JSON.parse(without.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(["host-port"]);
  });

  it("rejects a parameter of the wrong type", async () => {
    const dir = tempTree({ ".shipshape.yaml": "rules:\n  host-port:\n    params: {allowedHostPorts: 443}\n" });
    const r = await runCli(["scan", "."], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/allowedHostPorts must be a list/);
  });

  it("passes --kube-version to version-dependent rules and rejects nonsense", async () => {
    const pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    livenessProbe:\n      httpGet: {host: 10.0.0.1, port: 80}\n";
    const dir = tempTree({ "p.yaml": pod });
    const ids = async (v: string) => (JSON.parse((await runCli(["scan", ".", "--rules", "probe-or-lifecycle-host-field", "--format", "json", "--kube-version", v], dir)).stdout) as { findings: unknown[] }).findings.length;
    expect(await ids("1.34")).toBe(1);
    expect(await ids("v1.33.2")).toBe(0);
    const bad = await runCli(["scan", ".", "--kube-version", "latest"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a Kubernetes version/);
  });

  it("uses --default-namespace for objects that set none, and exemptions match it", async () => {
    const dir = tempTree({
      "p.yaml": PRIVILEGED_POD.replace("  namespace: shop\n", ""),
      ".shipshape.yaml": "exemptions:\n  - rules: [privileged-container]\n    namespace: team-a\n    reason: sandbox\n",
    });
    const inTeam = JSON.parse((await runCli(["scan", ".", "--rules", "privileged-container", "-f", "json", "--default-namespace", "team-a"], dir)).stdout);
    expect(inTeam.summary.suppressed).toBe(1);
    expect(inTeam.findings[0]?.object?.namespace).toBeUndefined();
    const inDefault = JSON.parse((await runCli(["scan", ".", "--rules", "privileged-container", "-f", "json"], dir)).stdout);
    expect(inDefault.summary.suppressed).toBe(0);
  });
});
