import { describe, expect, it } from "vitest";
import {
  compareQuantities, formatQuantity, isZeroQuantity, normalizeQuantity, parseQuantity, quantityToMillis, quantityToNumber, sameQuantity,
} from "./quantity.js";

describe("resource quantities", () => {
  it.each([
    ["500m", 0.5],
    ["1", 1],
    [1, 1],
    [0.5, 0.5],
    ["0.5", 0.5],
    [".5", 0.5],
    ["5.", 5],
    ["+2", 2],
    ["1k", 1000],
    ["1Ki", 1024],
    ["1Mi", 1024 ** 2],
    ["1Gi", 1024 ** 3],
    ["1.5Gi", 1.5 * 1024 ** 3],
    ["1G", 1e9],
    ["1e3", 1000],
    ["1E3", 1000],
    ["1e-3", 0.001],
    ["2E", 2e18],
    ["100n", 1e-7],
    ["250u", 0.00025],
    [" 128Mi ", 128 * 1024 ** 2],
    [1e21, 1e21],
    ["0", 0],
    ["-1", -1],
  ])("%j = %d", (text, want) => {
    const q = parseQuantity(text);
    expect(q).toBeDefined();
    expect(quantityToNumber(q!)).toBeCloseTo(want, 9);
  });

  it.each(["", "1.5 Gi", "1GB", "Gi", "1gi", "abc", "{{ .Values.cpu }}", "1e", "1.2.3", "0x10", "1e99999"])("rejects %j", (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  it("rejects values of the wrong type", () => {
    for (const v of [undefined, null, true, [], {}, Number.NaN, Number.POSITIVE_INFINITY]) expect(parseQuantity(v)).toBeUndefined();
  });

  it("rounds up to nano precision, as Kubernetes does", () => {
    expect(parseQuantity("1n")!.nanos).toBe(1n);
    expect(parseQuantity("0.1n")!.nanos).toBe(1n);
    expect(parseQuantity("1e-12")!.nanos).toBe(1n);
    expect(parseQuantity("-0.1n")!.nanos).toBe(-1n);
    expect(isZeroQuantity(parseQuantity("0m")!)).toBe(true);
    expect(isZeroQuantity(parseQuantity("0Gi")!)).toBe(true);
  });

  it("compares exactly", () => {
    expect(sameQuantity("1", "1000m")).toBe(true);
    expect(sameQuantity(1, "1000m")).toBe(true);
    expect(sameQuantity("1Gi", "1024Mi")).toBe(true);
    expect(sameQuantity("1G", "1Gi")).toBe(false);
    expect(sameQuantity("1e3", "1k")).toBe(true);
    expect(sameQuantity("abc", "1")).toBeUndefined();
    expect(compareQuantities(parseQuantity("100m")!, parseQuantity("0.2")!)).toBe(-1);
    expect(compareQuantities(parseQuantity("1Gi")!, parseQuantity("1G")!)).toBe(1);
    expect(compareQuantities(parseQuantity("2")!, parseQuantity("2000m")!)).toBe(0);
  });

  it("gives milli values rounded up", () => {
    expect(quantityToMillis(parseQuantity("0.5")!)).toBe(500n);
    expect(quantityToMillis(parseQuantity("100u")!)).toBe(1n);
    expect(quantityToMillis(parseQuantity("2")!)).toBe(2000n);
  });

  it.each([
    ["1.5", "1500m"],
    ["0.5", "500m"],
    ["1.5Gi", "1536Mi"],
    ["1024Mi", "1Gi"],
    ["1Ki", "1Ki"],
    ["0.5Ki", "512"],
    ["0.1Ki", "102400m"],
    ["1000", "1k"],
    ["1500", "1500"],
    ["2000m", "2"],
    ["1e3", "1e3"],
    ["1e-3", "1e-3"],
    ["1000E", "1000E"],
    ["100n", "100n"],
    ["0", "0"],
    ["-2000", "-2k"],
    [0.25, "250m"],
  ])("canonical form of %j is %s", (text, want) => {
    expect(normalizeQuantity(text)).toBe(want);
    expect(formatQuantity(parseQuantity(want)!)).toBe(want);
  });

  it("normalises nothing that does not parse", () => {
    expect(normalizeQuantity("1 GB")).toBeUndefined();
  });
});
