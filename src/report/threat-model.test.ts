import { describe, expect, it } from "vitest";
import type { AttackPath } from "../analysis/types.js";
import { EMPTY_SURFACE, EVIL_FINDING, EVIL_SURFACE, syntheticReport } from "../../test/fixtures/html/reports.js";
import { emptyConfig } from "../engine/config.js";
import { scan } from "../engine/scan.js";
import { renderThreatModel, requirements } from "./threat-model.js";

const EVIL_NAME = `<img src=x onerror=alert(1)>|</script>`;

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

  it("lists every Secret and volume, and each namespace's policies, default deny and Pod Security level", async () => {
    const report = await scan({ paths: ["assets"], cwd: "test/fixtures/surface", config: emptyConfig(), surface: true });
    // No rule mentions the unused Secret: it comes from the analysis, not from findings.
    expect(report.findings.some((f) => f.message.includes("unused-key") || f.object?.name === "unused-key")).toBe(false);
    const out = renderThreatModel(report);
    expect(out).toContain("| vault/unused-key | `assets/vault.yaml:11` | Opaque | **no workload** | – |");
    expect(out).toContain("| vault/registry-creds | no (referenced only) | – | StatefulSet vault/store | – |");
    expect(out).not.toContain("c3VwZXItc2VjcmV0LXZhbHVl");
    expect(out).not.toContain("not-a-real-key");
    expect(out).toContain("| Deployment edge/proxy | logs | `/var/log` | yes | no | `assets/edge.yaml:58` |");
    expect(out).toContain("| Deployment edge/proxy | config | `/etc/proxy` | no | yes | `assets/edge.yaml:61` |");
    expect(out).toContain("| vault/data | data | StatefulSet vault/store | `assets/vault.yaml:38` |");
    expect(out).toContain("| vault | 1 | 0 | deny-all | yes | yes | restricted | no gap reported |");
    expect(out).toContain("| edge | 1 | 0 | allow-web, deny-ingress | yes | **no** | not set | no gap reported |");
    expect(out).toContain("| empty | 0 | 0 | quiet | **no** | yes | not set | no gap reported |");
    expect(out).toContain("namespaces: edge, empty, vault");
  });

  it("escapes the names of Secrets, volumes and namespaces", () => {
    const out = renderThreatModel(
      syntheticReport({
        ...EMPTY_SURFACE,
        assets: {
          secrets: [{ ref: { kind: "Secret", namespace: "a", name: EVIL_NAME, file: `${EVIL_NAME}.yaml`, line: 1 }, defined: true, type: EVIL_NAME, usedBy: [{ kind: "Deployment", namespace: "a", name: EVIL_NAME }], readableBy: [`a/${EVIL_NAME}`] }],
          volumes: { hostPaths: [{ path: EVIL_NAME, volume: EVIL_NAME, readOnly: false, workload: { kind: "Deployment", namespace: "a", name: EVIL_NAME } }], claims: [{ claim: EVIL_NAME, volume: EVIL_NAME, ref: { kind: "PersistentVolumeClaim", namespace: "a", name: EVIL_NAME }, workload: { kind: "Deployment", namespace: "a", name: EVIL_NAME } }] },
        },
        boundaries: [{ namespace: EVIL_NAME, workloads: 1, networkPolicies: [EVIL_NAME], defaultDeny: { ingress: true, egress: false }, podSecurityEnforce: EVIL_NAME }],
      }),
    ).replace(/`[^`\n]*`/g, "");
    expect(out).not.toContain("<img");
    expect(out).not.toContain("</script>");
    expect(out).toContain("Secret");
  });

  it("describes the system of a real scan: assets, boundaries, identities, paths and requirements", async () => {
    const report = await scan({ paths: ["test/fixtures/html"], cwd: process.cwd(), config: emptyConfig(), surface: true });
    const out = renderThreatModel(report);
    expect(out).toContain("| shop/db | no (referenced only) | – | Deployment shop/web | ServiceAccount shop/operator, ServiceAccount shop/web |");
    expect(out).toMatch(/\| DaemonSet monitoring\/agent \| root \| `\/` \| yes \| yes \|/);
    expect(out).toContain("ServiceAccount shop/operator has cluster-admin power");
    expect(out).toMatch(/\| monitoring \| 1 \| 0 \| .* \| partial: agent not selected/);
    expect(out).toMatch(/\| shop \| 2 \| 1 \| none \| \*\*no\*\* \| \*\*no\*\* \| not set \| \*\*none\*\*/);
    expect(out).toMatch(/\| shop\/operator \| .* \| yes \| cluster-admin \|/);
    expect(out).toContain("### P1.");
    expect(out).toContain("```mermaid");
    expect(out).toMatch(/### REQ-1: .* \(minimum set\)\n\n- \*\*Closes:\*\* P1, P2, P3/);
    expect(out).toContain("rule `privileged-container` (critical) reports nothing");
    expect(out).toContain("- **Requirement:** ");
  });
});
