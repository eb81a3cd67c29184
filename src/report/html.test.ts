import { describe, expect, it } from "vitest";
import type { SurfaceAnalysis } from "../analysis/types.js";
import { EMPTY_SURFACE, EVIL, EVIL_FINDING, EVIL_SURFACE, syntheticReport } from "../../test/fixtures/html/reports.js";
import { emptyConfig } from "../engine/config.js";
import { scan } from "../engine/scan.js";
import { esc, renderHtml } from "./html.js";
import { buildGraph, edgePath } from "./html-graph.js";
import { FORMATS, NEEDS_SURFACE } from "./index.js";

describe("renderHtml", () => {
  it("escapes every manifest string", () => {
    const html = renderHtml(syntheticReport(EVIL_SURFACE, [EVIL_FINDING]));
    expect(html).not.toContain("<img");
    expect(html).not.toContain("onerror=alert(1)>");
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).toContain(esc(EVIL));
    expect(esc(`<a href="x">'&`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;");
  });

  it("is self-contained and locks the page down with a CSP", () => {
    const html = renderHtml(syntheticReport(EVIL_SURFACE, [EVIL_FINDING]));
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;[^"]*script-src &#39;sha256-[A-Za-z0-9+/=]+&#39;/);
    expect(html).not.toMatch(/<(link|iframe|object|embed)\b/);
    expect(html).not.toMatch(/\bsrc=["']?https?:/);
    expect(html).not.toMatch(/@import|url\(http/);
  });

  it("renders without the analysis, and with an empty one", () => {
    const none = renderHtml(syntheticReport());
    expect(none).toContain("No findings.");
    expect(none).toContain("attack-surface analysis was not run");
    expect(none).not.toContain('id="graph"');
    const empty = renderHtml(syntheticReport(EMPTY_SURFACE));
    expect(empty).toContain('id="graph"');
    expect(empty).toContain("nothing to draw");
    expect(empty).toContain("No attack path found");
    expect(empty).not.toContain("<svg");
  });

  it("shows summary, workloads, graph, paths, findings and rule explanations of a real scan", async () => {
    const report = await scan({ paths: ["test/fixtures/html"], cwd: process.cwd(), config: emptyConfig(), surface: true });
    const html = FORMATS.html(report);
    expect(html).toContain('<section id="summary">');
    expect(html).toContain('<section id="workloads">');
    expect(html.match(/<g class="node /g)!.length).toBeGreaterThanOrEqual(8);
    expect(html.match(/<button class="path"/g)).toHaveLength(report.surface!.attackPaths.length);
    expect(html.match(/<tr data-sev=/g)).toHaveLength(report.findings.length);
    expect(html).toContain('<details class="rule" id="rule-privileged-container">');
    expect(html).toContain("How to fix it");
    expect(html).toContain("cluster-admin");
  });

  it("is one of the formats that need the analysis", () => {
    for (const f of ["html", "markdown", "threat-model"]) expect(NEEDS_SURFACE.has(f) && f in FORMATS).toBe(true);
  });
});

describe("attack graph layout", () => {
  it("puts nodes in their columns without overlaps, and routes edges that skip columns around nodes", () => {
    const g = buildGraph(EVIL_SURFACE);
    expect(g.nodes.map((n) => n.type)).toEqual(["internet", "entry", "workload", "identity", "target"]);
    expect(new Set(g.nodes.map((n) => n.x)).size).toBe(5);
    expect(g.edges).toHaveLength(4);
    expect(g.edges.every((e) => e.paths.includes(0))).toBe(true);
    const skip = { entryPoints: [], identities: [], totalPaths: 1, risk: [], attackPaths: [{ ...EVIL_SURFACE.attackPaths[0]!, steps: [EVIL_SURFACE.attackPaths[0]!.steps[0]!, EVIL_SURFACE.attackPaths[0]!.steps[2]!, EVIL_SURFACE.attackPaths[0]!.steps[4]!] }] };
    const s = buildGraph(skip);
    const e = s.edges.find((x) => x.to === "target:cluster-admin")!;
    expect(e.via).toHaveLength(1);
    const a = s.nodes.find((n) => n.id === e.from)!;
    const b = s.nodes.find((n) => n.id === e.to)!;
    expect(edgePath(a, b, e.via)).toMatch(/^M[\d.]+,[\d.]+ C.* L.* C/);
  });

  it("keeps every path node and drops others beyond the limit", () => {
    const many: SurfaceAnalysis = {
      ...EVIL_SURFACE,
      entryPoints: Array.from({ length: 30 }, (_, i) => ({ id: `Service/x/s${i}`, kind: "LoadBalancer" as const, ref: { kind: "Service", namespace: "x", name: `s${i}` }, fact: "", workloads: [{ kind: "Deployment", namespace: "x", name: `d${i}` }] })),
    };
    const g = buildGraph(many, many.attackPaths, 20);
    expect(g.nodes.length).toBeLessThanOrEqual(20);
    for (const st of many.attackPaths[0]!.steps) expect(g.nodes.some((n) => n.id === st.node)).toBe(true);
    expect(g.omitted).toBeGreaterThan(0);
    for (const n of g.nodes) for (const m of g.nodes) if (n !== m && n.x === m.x) expect(Math.abs(n.y - m.y)).toBeGreaterThanOrEqual(38);
  });
});
