import { describe, expect, it } from "vitest";
import type { AttackPath } from "../analysis/types.js";
import { EMPTY_SURFACE, EVIL_FINDING, EVIL_SURFACE, syntheticReport } from "../../test/fixtures/html/reports.js";
import { emptyConfig } from "../engine/config.js";
import { scan } from "../engine/scan.js";
import { renderThreatModel, requirements } from "./threat-model.js";

function path(...rules: string[][]): AttackPath {
  return { id: rules.join(), origin: "internet", target: { kind: "node" }, impact: 1, steps: rules.map((breakWith, i) => ({ node: `n${i}`, type: "workload", fact: "", breakWith })) };
}

describe("requirements", () => {
  it("picks the rules that break the most paths first, and reports paths no rule breaks", () => {
    const { chosen, all, uncovered } = requirements([path(["a"], ["b"]), path(["b"]), path(["c"]), path([], [])]);
    expect(chosen).toEqual([{ rule: "b", closes: [0, 1] }, { rule: "c", closes: [2] }]);
    expect(all.map((r) => r.rule)).toEqual(["b", "c", "a"]);
    expect(uncovered).toEqual([3]);
  });
});

describe("renderThreatModel", () => {
  it("escapes manifest strings", () => {
    const out = renderThreatModel(syntheticReport(EVIL_SURFACE, [EVIL_FINDING])).replace(/`[^`\n]*`/g, "");
    expect(out).not.toContain("<img");
    expect(out).not.toContain("</script>");
    expect(out).toContain("### REQ-1:");
  });

  it("works without the analysis and with an empty one", () => {
    const none = renderThreatModel(syntheticReport());
    expect(none).toContain("attack-surface analysis was not run");
    for (const h of ["## 1. Scope", "## 2. Assets", "## 3. Entry points", "## 4. Trust boundaries", "## 5. Identities", "## 6. Attack paths", "## 7. Security requirements", "## 8. Questions"]) expect(none).toContain(h);
    const empty = renderThreatModel(syntheticReport(EMPTY_SURFACE));
    expect(empty).toContain("No attack path found");
    expect(empty).toContain("No attack path to close");
  });

  it("describes the system of a real scan: assets, boundaries, identities, paths and requirements", async () => {
    const report = await scan({ paths: ["test/fixtures/html"], cwd: process.cwd(), config: emptyConfig(), surface: true });
    const out = renderThreatModel(report);
    expect(out).toContain("Deployment shop/web: reads Secret db");
    expect(out).toMatch(/\| DaemonSet monitoring\/agent \| root \| `\/` \| yes \| yes \|/);
    expect(out).toContain("ServiceAccount shop/operator has cluster-admin power");
    expect(out).toMatch(/\| monitoring \| 1 \| 0 \| partial: agent not selected/);
    expect(out).toMatch(/\| shop \| 2 \| 1 \| \*\*none\*\*/);
    expect(out).toMatch(/\| shop\/operator \| .* \| yes \| cluster-admin \|/);
    expect(out).toContain("### P1.");
    expect(out).toContain("```mermaid");
    expect(out).toMatch(/### REQ-1: .* \(minimum set\)\n\n- \*\*Closes:\*\* P1, P2, P3/);
    expect(out).toContain("rule `privileged-container` (critical) reports nothing");
    expect(out).toContain("- **Requirement:** ");
  });
});
