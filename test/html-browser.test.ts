// The HTML report in a real browser (Debian's Chromium through playwright-core): it loads without errors or
// requests, draws the graph, filters findings, highlights a clicked path, and runs none of the markup that
// the fixture's manifests try to inject. Saves a screenshot to test-output/report.png.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyConfig } from "../src/engine/config.js";
import { scan } from "../src/engine/scan.js";
import { HTML_PATHS, renderHtml } from "../src/report/html.js";
import { buildGraph } from "../src/report/html-graph.js";
import type { ScanReport } from "../src/report/model.js";

const CHROMIUM = "/usr/bin/chromium";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "test-output");
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) console.warn(`html-browser.test.ts skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

type Browser = import("playwright-core").Browser;
type Page = import("playwright-core").Page;

describe.skipIf(!hasChromium)("HTML report in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let report: ScanReport;
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    report = await scan({ paths: ["test/fixtures/html"], cwd: root, config: emptyConfig(), surface: true });
    mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, "report.html");
    writeFileSync(file, renderHtml(report));
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file://")) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("loads without console errors, network requests or injected script", async () => {
    expect(report.surface!.attackPaths.length).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    // The hostile names are shown as text.
    expect(await page.locator("body").innerText()).toContain("operator</title><script>alert(3)</script>");
    expect(await page.locator("script").count()).toBe(1);
    expect(await page.locator("img").count()).toBe(0);
  });

  it("draws every node and edge of the graph", async () => {
    const g = buildGraph(report.surface!, report.surface!.attackPaths.slice(0, HTML_PATHS));
    expect(await page.locator("svg.graph g.node").count()).toBe(g.nodes.length);
    expect(await page.locator("svg.graph path.edge").count()).toBe(g.edges.length);
    const box = await page.locator("svg.graph").boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    expect(box!.height).toBeGreaterThan(100);
  });

  it("filters the findings by severity, rule, namespace and text", async () => {
    const rows = page.locator("#findings tbody tr");
    const visible = () => page.locator("#findings tbody tr:not([hidden])").count();
    const total = await rows.count();
    expect(total).toBe(report.findings.length);
    expect(await visible()).toBe(total);
    const critical = report.findings.filter((f) => f.severity === "critical").length;
    await page.click('.chip[data-sev="critical"]');
    expect(await visible()).toBe(total - critical);
    expect(await page.locator("#f-shown").innerText()).toBe(String(total - critical));
    await page.click('.chip[data-sev="critical"]');
    expect(await visible()).toBe(total);
    await page.selectOption("#f-ns", "monitoring");
    expect(await visible()).toBe(report.findings.filter((f) => f.object?.namespace === "monitoring").length);
    await page.selectOption("#f-ns", "");
    await page.selectOption("#f-rule", "privileged-container");
    expect(await visible()).toBe(report.findings.filter((f) => f.ruleId === "privileged-container").length);
    await page.selectOption("#f-rule", "");
    await page.fill("#f-q", "no-such-text-anywhere");
    expect(await visible()).toBe(0);
    expect(await page.locator("#f-none").isVisible()).toBe(true);
    await page.fill("#f-q", "");
    expect(await visible()).toBe(total);
  });

  it("highlights a path when it is clicked", async () => {
    const p = report.surface!.attackPaths[0]!;
    await page.click('button.path[data-path="0"]');
    expect(await page.locator("svg.graph").getAttribute("class")).toContain("focus");
    const on = await page.locator("svg.graph g.node.on").evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
    expect(on.sort()).toEqual([...new Set(p.steps.map((s) => s.node))].sort());
    expect(await page.locator("svg.graph path.edge.on").count()).toBe(p.steps.length - 1);
    expect(await page.locator('button.path[data-path="0"]').getAttribute("aria-pressed")).toBe("true");
    await page.locator("#graph").screenshot({ path: path.join(outDir, "graph.png") });
    await page.screenshot({ path: path.join(outDir, "report.png"), fullPage: true });
    await page.click('button.path[data-path="0"]');
    expect(await page.locator("svg.graph g.node.on").count()).toBe(0);
  });

  it("opens a rule's explanation from a finding's link", async () => {
    await page.click('#findings a[href="#rule-privileged-container"] >> nth=0');
    // The page opens it on the hash change, which follows the click asynchronously: wait for it (bounded).
    await page.waitForSelector("details#rule-privileged-container[open]", { timeout: 3000 });
    expect(await page.locator("details#rule-privileged-container").getAttribute("open")).not.toBeNull();
  });
});
