import { describe, expect, it } from "vitest";
import { EMPTY_SURFACE, EVIL_FINDING, EVIL_SURFACE, syntheticReport } from "../../test/fixtures/html/reports.js";
import { emptyConfig } from "../engine/config.js";
import { scan } from "../engine/scan.js";
import { renderMarkdown, mermaidPaths } from "./markdown.js";
import { md, mdCode, mermaidLabel } from "./markdown-escape.js";

describe("Markdown escaping", () => {
  it("makes HTML, links, emphasis and table breaks inert", () => {
    expect(md("<b>x</b> [a](http://e.vil) *b* _c_ | `d` & \\")).toBe("&lt;b&gt;x&lt;/b&gt; \\[a\\](http:\\/\\/e.vil) \\*b\\* \\_c\\_ \\| \\`d\\` &amp; \\\\");
    expect(md("a\nb")).toBe("a b");
    expect(mdCode("a`b|c")).toBe("`aˋb¦c`");
    expect(mermaidLabel(`a"b<c>]d`)).toBe("a#34;b#60;c#62;#93;d");
  });
});

describe("renderMarkdown", () => {
  it("escapes manifest strings everywhere, the Mermaid diagram included", () => {
    const out = renderMarkdown(syntheticReport(EVIL_SURFACE, [EVIL_FINDING]));
    // Code spans show their text as is (and cannot be closed early: backticks are replaced); elsewhere no markup.
    const prose = out.replace(/`[^`\n]*`/g, "");
    expect(prose).not.toContain("<img");
    expect(prose).not.toContain("</script>");
    const mermaid = out.slice(out.indexOf("```mermaid"), out.indexOf("```", out.indexOf("```mermaid") + 3));
    expect(mermaid.replace(/-->\|\d+\|/g, "")).not.toMatch(/[<>]/);
    for (const line of mermaid.split("\n").filter((l) => /^\s+n\d+[[({]/.test(l))) expect(line.match(/"/g)).toHaveLength(2);
    expect(out).toContain("Break it with any of: `service-loadbalancer`, `automount-service-account-token`, `cluster-admin-binding`");
    // Every table row keeps its column count.
    for (const row of out.split("\n").filter((l) => l.includes("privileged-container"))) expect(row.replace(/\\\|/g, "").split("|")).toHaveLength(7);
    expect(out.split("\n").filter((l) => l.includes("privileged-container"))).toHaveLength(1);
  });

  it("renders a summary without the analysis and with an empty one", () => {
    const none = renderMarkdown(syntheticReport());
    expect(none).toMatch(/^## shipshape: no findings\n/);
    expect(none).toContain("| 🟣 critical | 0 |");
    expect(none).not.toContain("Attack paths");
    const empty = renderMarkdown(syntheticReport(EMPTY_SURFACE));
    expect(empty).toContain("No path from the internet");
    expect(empty).not.toContain("```mermaid");
  });

  it("shows findings, a flowchart of the paths and the ranked workloads of a real scan", async () => {
    const report = await scan({ paths: ["test/fixtures/html"], cwd: process.cwd(), config: emptyConfig(), surface: true });
    const out = renderMarkdown(report);
    expect(out).toContain("### Top findings");
    expect(out).toContain("```mermaid\nflowchart LR\n");
    expect(out).toContain("### Riskiest workloads");
    expect(out).toContain('{{"cluster-admin"}}');
    expect(out.length).toBeLessThan(60_000);
    const chart = mermaidPaths(report.surface!.attackPaths);
    expect(chart.split("\n").filter((l) => l.includes("-->")).length).toBeGreaterThanOrEqual(report.surface!.attackPaths.length);
  });
});
