// Hostile and broken YAML/JSON: alias bombs, deep nesting, huge files and lines, encodings, syntax errors.
import { describe, expect, it } from "vitest";
import { PRIVILEGED_POD } from "../../src/testing/cli.js";
import { GOOD, expectIntact, parseError, scanBeside } from "./_scan.js";

const T = { timeout: 20_000 };
const CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n";

/** `lol` expanded 10^levels times through nested anchors: the classic "billion laughs". */
function billionLaughs(levels = 9): string {
  const lines = ["  a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]"];
  for (let i = 0; i < levels; i++) {
    const name = String.fromCharCode(98 + i);
    lines.push(`  ${name}: &${name} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(",")}]`);
  }
  return `${CONFIG_MAP}data:\n${lines.join("\n")}\n`;
}

describe("alias bombs", () => {
  it("refuses a billion-laughs document with aliasLimit, naming the limit and how to raise it", T, async () => {
    const r = await scanBeside({ "bomb.yaml": billionLaughs() });
    expectIntact(r);
    const e = parseError(r, "bomb.yaml", "aliasLimit");
    expect(e.location.line).toBe(1);
    expect(e.message).toMatch(/limit of 1000/);
    expect(e.message).toMatch(/--max-aliases/);
    expect(e.message).toMatch(/limits\.maxAliases/);
  });

  it("refuses a bomb of few aliases (two per level, 2^40 leaves)", T, async () => {
    const lines = ["  a0: &a0 [x]"];
    for (let i = 1; i < 40; i++) lines.push(`  a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
    const r = await scanBeside({ "bomb.yaml": `${CONFIG_MAP}data:\n${lines.join("\n")}\n` });
    expectIntact(r);
    parseError(r, "bomb.yaml", "aliasLimit");
  });

  it("refuses only the bomb's document: the others of the file are scanned, at their lines", T, async () => {
    const r = await scanBeside({ "multi.yaml": `${billionLaughs()}---\n${PRIVILEGED_POD}` });
    expectIntact(r);
    expect(parseError(r, "multi.yaml", "aliasLimit").location.line).toBe(1);
    const bombLines = billionLaughs().split("\n").length - 1;
    expect(r.of("multi.yaml").map((f) => [f.ruleId, f.location.line])).toContainEqual(["privileged-container", bombLines + 1 + 11]);
  });

  it("keeps ordinary anchors and merge keys", T, async () => {
    const r = await scanBeside({ "anchors.yaml": `${PRIVILEGED_POD}---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec:\n  containers:\n    - &c {name: a, image: "nginx:1", securityContext: {privileged: true}}\n    - *c\n` });
    expectIntact(r);
    expect(r.of("anchors.yaml").filter((f) => f.ruleId === "parse-error")).toEqual([]);
  });

  it("applies the configured alias limit (limits.maxAliases, --max-aliases)", T, async () => {
    const doc = `${PRIVILEGED_POD.replace("spec:", "x: &x 1\ny: *x\nspec:")}`;
    const r = await scanBeside({ "alias.yaml": doc }, ["--max-aliases", "0"]);
    expectIntact(r);
    expect(parseError(r, "alias.yaml", "aliasLimit").message).toMatch(/limit of 0/);
  });
});

describe("deep nesting", () => {
  const deepBlock = (n: number) => {
    let s = `${CONFIG_MAP}data:\n`;
    for (let i = 0; i < n; i++) s += `${" ".repeat(i + 1)}k:\n`;
    return s;
  };
  it.each([
    ["10,000 flow sequences", `${CONFIG_MAP}data: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`, 4],
    ["100,000 unclosed flow sequences", `${CONFIG_MAP}data: ${"[".repeat(100_000)}\n`, 4],
    ["10,000 flow maps", `${CONFIG_MAP}data: ${"{a: ".repeat(10_000)}1${"}".repeat(10_000)}\n`, 4],
    ["3,000 block maps", deepBlock(3000), 256 + 4],
    ["10,000 compact block sequences", `${CONFIG_MAP}data:\n${"- ".repeat(10_000)}x\n`, 5],
    ["10,000 JSON objects", `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}}`, 1],
  ])("refuses %s with tooDeep at the line where the limit is crossed", T, async (_name, text, line) => {
    const file = text.startsWith("{") ? "deep.json" : "deep.yaml";
    const r = await scanBeside({ [file]: text });
    expectIntact(r);
    const e = parseError(r, file, "tooDeep");
    expect(e.location.line).toBe(line);
    expect(e.message).toMatch(/more than 256 levels/);
    expect(e.message).toMatch(/--max-depth/);
    expect(r.of(file).filter((f) => f.ruleId === "parse-error")).toHaveLength(1);
  });

  it("refuses only the deep document: the ones after it keep their lines and findings", T, async () => {
    const deep = `${CONFIG_MAP}data: ${"[".repeat(5000)}\n${"]".repeat(5000)}\n`;
    const r = await scanBeside({ "multi.yaml": `${PRIVILEGED_POD}---\n${deep}---\n${PRIVILEGED_POD}` });
    expectIntact(r);
    expect(parseError(r, "multi.yaml", "tooDeep").location.line).toBe(16);
    expect(r.of("multi.yaml").filter((f) => f.ruleId === "privileged-container").map((f) => f.location.line)).toEqual([11, 11 + 12 + 6]);
  });

  it("scans documents nested within the limit, with every rule", T, async () => {
    let nested = "";
    for (let i = 0; i < 200; i++) nested += `${" ".repeat(2 * i + 2)}k${i}:\n`;
    const flow = `${"[".repeat(200)}${"]".repeat(200)}`;
    const r = await scanBeside({ "ok.yaml": `${CONFIG_MAP}data:\n${nested}${" ".repeat(402)}v: [1]\n---\n${CONFIG_MAP.replace("name: x", "name: y")}binaryData: ${flow}\n` }, ["--profile", "all"]);
    expectIntact(r);
    expect(r.of("ok.yaml").filter((f) => f.ruleId === "parse-error")).toEqual([]);
    expect(r.summary.objects).toBe(3);
  });

  it("takes the limit from --max-depth and from limits.maxDepth", T, async () => {
    // good.yaml is 5 levels deep; this, 8
    const text = `${CONFIG_MAP}data: {a: {b: {c: {d: {e: {f: [1]}}}}}}\n`;
    const flag = await scanBeside({ "d.yaml": text }, ["--max-depth", "6"]);
    expectIntact(flag);
    expect(parseError(flag, "d.yaml", "tooDeep").message).toMatch(/more than 6 levels/);
    const config = await scanBeside({ "d.yaml": text, ".shipshape.yaml": "limits:\n  maxDepth: 7\n" });
    expectIntact(config);
    expect(parseError(config, "d.yaml", "tooDeep").message).toMatch(/more than 7 levels.*limits\.maxDepth/);
    const raised = await scanBeside({ "d.yaml": text, ".shipshape.yaml": "limits:\n  maxDepth: 7\n" }, ["--max-depth", "8"]);
    expect(raised.of("d.yaml").filter((f) => f.ruleId === "parse-error")).toEqual([]);
  });

  it("does not count brackets in strings, comments and block scalars", T, async () => {
    const text = `${CONFIG_MAP}data:\n  a: "${"[".repeat(500)}"\n  b: '${"{".repeat(500)}'\n  # ${"[".repeat(500)}\n  c: |\n    ${"[".repeat(500)}\n    {{{{\n  d: x${"[".repeat(500)}\n`;
    const r = await scanBeside({ "s.yaml": text }, ["--max-depth", "5"]);
    expectIntact(r);
    expect(r.of("s.yaml").filter((f) => f.ruleId === "parse-error")).toEqual([]);
  });
});

describe("large files and long lines", () => {
  it("refuses a 50 MB file with tooLarge, naming the limit and how to raise it", T, async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, "a: b\n");
    const r = await scanBeside({ "big.yaml": big });
    expectIntact(r);
    const e = parseError(r, "big.yaml", "tooLarge");
    expect(e.location.line).toBe(1);
    expect(e.message).toMatch(/52428800 bytes; the limit is 16777216/);
    expect(e.message).toMatch(/--max-file-size.*limits\.maxFileBytes/);
  });

  it("takes the file size limit from --max-file-size and limits.maxFileBytes, for stdin too", T, async () => {
    const flag = await scanBeside({ "p.yaml": PRIVILEGED_POD }, ["--max-file-size", "100"]);
    expect(flag.code).toBe(1);
    expect(parseError(flag, "p.yaml", "tooLarge").message).toMatch(/limit is 100\b/);
    expect(parseError(flag, GOOD, "tooLarge")).toBeDefined();
    const config = await scanBeside({ ".shipshape.yaml": "limits: {maxFileBytes: 1000}\n", "big.yaml": `${PRIVILEGED_POD}# ${"x".repeat(1000)}\n` });
    expectIntact(config);
    parseError(config, "big.yaml", "tooLarge");
    const k = await scanBeside({ "big.yaml": `${PRIVILEGED_POD}# ${"x".repeat(2000)}\n` }, ["--max-file-size", "1K"]);
    expectIntact(k);
    expect(parseError(k, "big.yaml", "tooLarge").message).toMatch(/limit is 1024\b/);
  });

  it("refuses a bad limit value as a usage error", T, async () => {
    for (const args of [["--max-file-size", "lots"], ["--max-depth", "0"], ["--max-depth", "5M"], ["--max-aliases", "-1"]]) {
      const r = await scanBeside({}, args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(new RegExp(args[0]!));
    }
    const bad = await scanBeside({ ".shipshape.yaml": "limits:\n  maxDepth: deep\n" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/\.shipshape\.yaml:2:13: \/limits\/maxDepth must be integer/);
  });

  it("scans a 4 MB file of many objects", T, async () => {
    const docs: string[] = [];
    for (let i = 0; i < 2000; i++) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n  namespace: shop\ndata:\n  blob: ${"z".repeat(2000)}\n`);
    const r = await scanBeside({ "many.yaml": `${docs.join("---\n")}---\n${PRIVILEGED_POD}` });
    expectIntact(r);
    expect(r.of("many.yaml").filter((f) => f.ruleId === "privileged-container").map((f) => f.location.line)).toEqual([2000 * 8 + 11]);
    expect(r.summary.objects).toBe(2002);
  });

  it("scans a 10 MB single-line JSON file, with the finding at its column", T, async () => {
    const blob = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, "v".repeat(10_000)]));
    const json = JSON.stringify({
      apiVersion: "v1",
      kind: "List",
      items: [
        { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "blob" }, data: blob },
        { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "nginx:1", securityContext: { privileged: true } }] } },
      ],
    });
    expect(json.length).toBeGreaterThan(10_000_000);
    const r = await scanBeside({ "line.json": json });
    expectIntact(r);
    const f = r.of("line.json").find((x) => x.ruleId === "privileged-container")!;
    expect(f.location.line).toBe(1);
    expect(f.location.column).toBe(json.indexOf('"privileged":true') + '"privileged":'.length + 1);
  });

  it("scans a 5 MB string value, with the findings below it at their lines", T, async () => {
    const r = await scanBeside({ "str.yaml": `${CONFIG_MAP}data:\n  big: ${"a".repeat(5_000_000)}\n  quoted: "${"b".repeat(100_000)}"\n---\n${PRIVILEGED_POD}` });
    expectIntact(r);
    expect(r.of("str.yaml").filter((f) => f.ruleId === "privileged-container").map((f) => f.location.line)).toEqual([7 + 11]);
  });
});

describe("encodings and line endings", () => {
  const lines = (r: Awaited<ReturnType<typeof scanBeside>>, file: string) => r.of(file).filter((f) => f.ruleId === "privileged-container").map((f) => [f.location.line, f.location.column]);

  it("reports a binary file named .yaml", T, async () => {
    const r = await scanBeside({ "bin.yaml": Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0xff, 0xfe, 0x0a, 0x00]) });
    expectIntact(r);
    expect(parseError(r, "bin.yaml", "binary").location.line).toBe(1);
  });

  it("reports invalid UTF-8 at its line, and still scans the file", T, async () => {
    const text = Buffer.concat([Buffer.from(PRIVILEGED_POD.slice(0, PRIVILEGED_POD.indexOf("  namespace"))), Buffer.from("  labels: {x: caf"), Buffer.from([0xe9, 0xff]), Buffer.from("}\n"), Buffer.from(PRIVILEGED_POD.slice(PRIVILEGED_POD.indexOf("  namespace")))]);
    const r = await scanBeside({ "latin1.yaml": text });
    expectIntact(r);
    const e = parseError(r, "latin1.yaml", "invalidUtf8");
    expect(e.location).toMatchObject({ line: 5, column: 18 });
    expect(lines(r, "latin1.yaml")).toEqual([[12, 21]]);
  });

  it("reads a UTF-8 BOM, keeping lines and columns", T, async () => {
    const r = await scanBeside({ "bom.yaml": `\ufeff${PRIVILEGED_POD}` });
    expectIntact(r);
    expect(r.of("bom.yaml").filter((f) => f.ruleId === "parse-error")).toEqual([]);
    expect(lines(r, "bom.yaml")).toEqual([[11, 21]]);
  });

  it("reads UTF-16 with a BOM (PowerShell's redirection), as kubectl does", T, async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PRIVILEGED_POD, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    const r = await scanBeside({ "le.yaml": le, "be.yaml": be });
    expectIntact(r);
    expect(lines(r, "le.yaml")).toEqual([[11, 21]]);
    expect(lines(r, "be.yaml")).toEqual([[11, 21]]);
  });

  it("keeps lines with CRLF line endings, and with lone CRs inside values", T, async () => {
    const r = await scanBeside({ "crlf.yaml": PRIVILEGED_POD.replace(/\n/g, "\r\n"), "crlf.Dockerfile": "FROM alpine:3\r\nUSER root\r\nRUN curl -k https://x \\\r\n  | sh\r\n" });
    expectIntact(r);
    expect(lines(r, "crlf.yaml")).toEqual([[11, 21]]);
    expect(r.of("crlf.yaml").filter((f) => f.ruleId === "parse-error")).toEqual([]);
    expect(r.of("crlf.Dockerfile").filter((f) => f.ruleId === "parse-error")).toEqual([]);
    expect(r.of("crlf.Dockerfile").length).toBeGreaterThan(0);
  });
});

describe("broken syntax", () => {
  it.each([
    ["an unterminated double-quoted string", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"web\nspec: {}\n", 6],
    ["an unterminated single-quoted string", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'web\nspec: {}\n", 6],
    ["an unterminated flow map", "apiVersion: v1\nkind: Pod\nmetadata: {name: x\nspec: [\n", 4],
    ["an unterminated flow sequence", "apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: a}\n", 5],
    ["tabs for indentation", "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n", 4],
    ["a stray closing bracket", "apiVersion: v1\nkind: Pod\nmetadata: {name: x}}\n", 3],
    ["an unterminated JSON object", '{"apiVersion": "v1", "kind": "Pod",\n "metadata": {"name": "x"\n', 3],
  ])("reports %s with its line", T, async (_name, text, line) => {
    const file = text.startsWith("{") ? "broken.json" : "broken.yaml";
    const r = await scanBeside({ [file]: text });
    expectIntact(r);
    const errors = r.of(file).filter((f) => f.ruleId === "parse-error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.messageId === "syntax" && e.severity === "high")).toBe(true);
    expect(errors[0]!.location.line).toBe(line);
  });

  it("reads duplicate keys as Kubernetes does (the last one wins)", T, async () => {
    const text = PRIVILEGED_POD.replace("privileged: true", "privileged: true\n        privileged: false");
    const r = await scanBeside({ "dup.yaml": text });
    expectIntact(r);
    expect(r.of("dup.yaml").filter((f) => f.ruleId === "privileged-container")).toEqual([]);
  });

  // Pending: YamlLocator.locate (src/loaders/locator.ts) takes the first of duplicate keys, not the one that counts.
  it("points at the duplicate key that counts (the last one)", T, async () => {
    const text = PRIVILEGED_POD.replace("privileged: true", "privileged: false\n        privileged: true");
    const r = await scanBeside({ "dup.yaml": text });
    expectIntact(r);
    expect(r.of("dup.yaml").filter((f) => f.ruleId === "privileged-container").map((f) => f.location.line)).toEqual([12]);
  });

  // Pending: src/loaders/manifest.ts does not report duplicate keys (see the report): kubectl's strict field
  // validation refuses them, and a reviewer reading the first of two keys sees another object than the cluster.
  it.todo("reports duplicate keys (parse-error duplicateKey at the second key)");
});
