import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempTree } from "../src/testing/cli.js";

describe("scan --format html | markdown | threat-model", () => {
  it("runs the attack-surface analysis without --surface and writes each report", async () => {
    const dir = tempTree({ "app.yaml": readFileSync(path.resolve("test/fixtures/html/app.yaml"), "utf8") });
    try {
      const r = await runCli(["scan", "app.yaml", "-f", "html", "-o", "out/r.html", "-f", "markdown", "-o", "out/r.md", "-f", "threat-model"], dir);
      expect(r.code).toBe(1);
      const html = readFileSync(path.join(dir, "out/r.html"), "utf8");
      expect(html).toMatch(/^<!DOCTYPE html>/);
      expect(html).toContain('<section id="graph">');
      expect(readFileSync(path.join(dir, "out/r.md"), "utf8")).toContain("```mermaid\nflowchart LR");
      expect(r.stdout).toMatch(/^# Threat model\n/);
      expect(r.stdout).toContain("## 7. Security requirements");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
