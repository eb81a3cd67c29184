import { describe, expect, it } from "vitest";
import { loadManifestText } from "./manifest.js";

/**
 * Where character `offset` of the string at `path` is, and the character written there. The tests check the
 * written character against the value's, so they fail if the alignment drifts.
 */
function locate(text: string, path: (string | number)[], offset: number): { line: number; column: number; char: string } | undefined {
  const { resources, problems } = loadManifestText(text, "v.yaml");
  expect(problems).toEqual([]);
  const p = resources[0]!.source.locator.locateInString?.(path, offset);
  if (!p) return undefined;
  const line = text.split("\n")[p.line - 1] ?? "";
  return { line: p.line, column: p.column, char: line[p.column - 1] ?? "" };
}

/** Checks that every non-blank character of the value is located at the same character in the source. */
function checkAll(text: string, path: (string | number)[], value: string, escaped = "") {
  for (let k = 0; k < value.length; k++) {
    const c = value[k]!;
    if (/\s/.test(c)) continue;
    const at = locate(text, path, k)?.char;
    // an escaped character is located at its backslash
    expect(at === c || (at === "\\" && escaped.includes(c)), `offset ${k} (${JSON.stringify(c)}): found ${JSON.stringify(at)}`).toBe(true);
  }
}

const head = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n";

describe("YamlLocator.locateInString", () => {
  it("plain scalars", () => {
    const text = `${head}data:\n  expr: object.spec.replicas <= 5\n`;
    expect(locate(text, ["data", "expr"], 0)).toEqual({ line: 5, column: 9, char: "o" });
    expect(locate(text, ["data", "expr"], 7)).toEqual({ line: 5, column: 16, char: "s" });
    checkAll(text, ["data", "expr"], "object.spec.replicas <= 5");
  });

  it("plain scalars spanning several lines (folded into spaces)", () => {
    const text = `${head}data:\n  expr: object.spec.replicas\n    <= params.max\n`;
    const value = "object.spec.replicas <= params.max";
    expect(locate(text, ["data", "expr"], value.indexOf("params"))).toEqual({ line: 6, column: 8, char: "p" });
    checkAll(text, ["data", "expr"], value);
  });

  it("double-quoted scalars, with escapes", () => {
    const text = `${head}data:\n  expr: "object.metadata.name != \\"x\\" && size(object.data) > 0"\n`;
    const value = 'object.metadata.name != "x" && size(object.data) > 0';
    expect(locate(text, ["data", "expr"], 0)).toEqual({ line: 5, column: 10, char: "o" });
    expect(locate(text, ["data", "expr"], value.indexOf("size"))).toEqual({ line: 5, column: 10 + value.indexOf("size") + 2, char: "s" });
    expect(locate(text, ["data", "expr"], value.indexOf("x"))?.char).toBe("x");
    checkAll(text, ["data", "expr"], value, '"');
  });

  it("double-quoted scalars with regex backslashes, unicode escapes, \\t and folded lines", () => {
    const text = `${head}data:\n  expr: "object.x.matches('^a\\\\.b$') && \\u00e9t == 'tt\\tt' &&\n    size(object.y) > 0 \\\n    && z"\n`;
    const value = "object.x.matches('^a\\.b$') && \u00e9t == 'tt\tt' && size(object.y) > 0 && z";
    const { resources } = loadManifestText(text, "v.yaml");
    expect(resources[0]!.object.data).toEqual({ expr: value });
    checkAll(text, ["data", "expr"], value, "\\\u00e9\t");
    expect(locate(text, ["data", "expr"], value.indexOf("size"))).toEqual({ line: 6, column: 5, char: "s" });
    expect(locate(text, ["data", "expr"], value.lastIndexOf("&&"))).toEqual({ line: 7, column: 5, char: "&" });
    expect(locate(text, ["data", "expr"], value.length - 1)).toEqual({ line: 7, column: 8, char: "z" });
  });

  it("single-quoted scalars, with doubled quotes", () => {
    const text = `${head}data:\n  expr: 'object.metadata.name != ''x'' && true'\n`;
    const value = "object.metadata.name != 'x' && true";
    expect(locate(text, ["data", "expr"], value.indexOf("true"))).toEqual({ line: 5, column: 10 + value.indexOf("true") + 2, char: "t" });
    checkAll(text, ["data", "expr"], value);
  });

  it("literal block scalars (|), several lines", () => {
    const text = `${head}data:\n  expr: |\n    object.spec.replicas <= 5 &&\n      object.metadata.name.startsWith('web')\n`;
    const value = "object.spec.replicas <= 5 &&\n  object.metadata.name.startsWith('web')\n";
    expect(locate(text, ["data", "expr"], 0)).toEqual({ line: 6, column: 5, char: "o" });
    expect(locate(text, ["data", "expr"], value.indexOf("startsWith"))).toEqual({ line: 7, column: 28, char: "s" });
    checkAll(text, ["data", "expr"], value);
  });

  it("folded block scalars (>)", () => {
    const text = `${head}data:\n  expr: >-\n    object.spec.replicas <= 5 &&\n    object.metadata.name == 'web'\n`;
    const value = "object.spec.replicas <= 5 && object.metadata.name == 'web'";
    expect(locate(text, ["data", "expr"], value.indexOf("object.metadata"))).toEqual({ line: 7, column: 5, char: "o" });
    checkAll(text, ["data", "expr"], value);
  });

  it("a block scalar in a list item (the policy layout)", () => {
    const text = `${head}spec:\n  validations:\n    - expression: |\n        has(object.spec)\n        && nosuch(1)\n      message: m\n`;
    expect(locate(text, ["spec", "validations", 0, "expression"], "has(object.spec)\n&& ".length)).toEqual({ line: 8, column: 12, char: "n" });
  });

  it("an offset past the end points at the end of the value, not beyond the scalar", () => {
    const text = `${head}data:\n  expr: abc\n  other: xyz\n`;
    const p = locate(text, ["data", "expr"], 99);
    expect(p?.line).toBe(5);
    expect(p!.column).toBeGreaterThanOrEqual(9);
    expect(p!.column).toBeLessThanOrEqual(12);
    const block = `${head}data:\n  expr: |\n    abc\n  other: xyz\n`;
    expect(locate(block, ["data", "expr"], 99)?.line).toBeLessThanOrEqual(6);
  });

  it("is undefined for paths that are not strings", () => {
    const text = `${head}data:\n  n: 5\n  m: {a: b}\n`;
    expect(locate(text, ["data", "n"], 0)).toBeUndefined();
    expect(locate(text, ["data", "m"], 0)).toBeUndefined();
    expect(locate(text, ["data", "absent"], 0)).toBeUndefined();
  });

  it("works in the second document of a file", () => {
    const text = `${head}data: {a: b}\n---\n${head}data:\n  expr: "x == y"\n`;
    const { resources } = loadManifestText(text, "v.yaml");
    expect(resources[1]!.source.locator.locateInString?.(["data", "expr"], 5)).toEqual({ line: 10, column: 15 });
  });
});
