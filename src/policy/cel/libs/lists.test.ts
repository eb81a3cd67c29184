import { describe, expect, it } from "vitest";
import { ev } from "./test-env.js";

describe("lists library", () => {
  it("isSorted", () => {
    expect(ev("[1, 2, 3].isSorted()")).toBe(true);
    expect(ev("[1, 3, 2].isSorted()")).toBe(false);
    expect(ev('["a", "b"].isSorted()')).toBe(true);
    expect(ev("[].isSorted()")).toBe(true);
    expect(ev("[1, 2.5, 3].isSorted()")).toBe(true);
    expect(() => ev('[1, "a"].isSorted()')).toThrow(/cannot compare/);
  });

  it("sum", () => {
    expect(ev("[1, 2, 3].sum()")).toBe(6n);
    expect(ev("[1.5, 2.5].sum()")).toBe(4);
    expect(ev("[].sum()")).toBe(0n);
    expect(ev("[1, 2, 3].sum() == 6")).toBe(true);
    expect(ev('[duration("1s"), duration("2s")].sum() == duration("3s")')).toBe(true);
    expect(ev("object.l.sum()", { l: [1n, 2n] })).toBe(3n);
    expect(() => ev('["a", "b"].sum()')).toThrow(/int, uint, double or duration/);
    expect(() => ev("[9223372036854775807, 1].sum()")).toThrow(/overflow/);
  });

  it("min and max", () => {
    expect(ev("[3, 1, 2].min()")).toBe(1n);
    expect(ev("[3, 1, 2].max()")).toBe(3n);
    expect(ev('["b", "a"].min()')).toBe("a");
    expect(ev("[1, 2.5].max()")).toBe(2.5);
    expect(ev("[7].max()")).toBe(7n);
    expect(() => ev("[].min()")).toThrow(/empty list/);
    expect(() => ev("[].max()")).toThrow(/empty list/);
    expect(() => ev("[{}, {}].max()")).toThrow(/cannot compare/);
  });

  it("indexOf and lastIndexOf use CEL equality", () => {
    expect(ev("[1, 2, 1].indexOf(1)")).toBe(0n);
    expect(ev("[1, 2, 1].lastIndexOf(1)")).toBe(2n);
    expect(ev("[1, 2].indexOf(5)")).toBe(-1n);
    expect(ev("[1, 2].lastIndexOf(5)")).toBe(-1n);
    expect(ev("[[1], [2]].indexOf([2])")).toBe(1n);
    expect(ev("object.l.indexOf(2)", { l: [1n, 2n] })).toBe(1n);
    expect(ev("[1, 2.0].indexOf(2)")).toBe(1n);
    expect(ev('"hello".indexOf("l")')).toBe(2n);
  });

  it("slice", () => {
    expect(ev("[1, 2, 3, 4].slice(1, 3)")).toEqual([2n, 3n]);
    expect(ev("[1, 2].slice(0, 0)")).toEqual([]);
    expect(() => ev("[1, 2].slice(1, 3)")).toThrow(/out of range/);
    expect(() => ev("[1, 2].slice(2, 1)")).toThrow(/start index/);
    expect(() => ev("[1, 2].slice(-1, 1)")).toThrow(/negative/);
  });

  it("flatten", () => {
    expect(ev("[1, [2, [3]], []].flatten()")).toEqual([1n, 2n, [3n]]);
    expect(ev("[1, [2, [3, [4]]]].flatten(2)")).toEqual([1n, 2n, 3n, [4n]]);
    expect(ev("[1, [2]].flatten(0)")).toEqual([1n, [2n]]);
    expect(() => ev("[1].flatten(-1)")).toThrow(/non-negative/);
  });

  it("distinct, reverse, sort", () => {
    expect(ev("[1, 2, 1, 1.0, 3].distinct()")).toEqual([1n, 2n, 3n]);
    expect(ev('["b", "a", "b"].distinct()')).toEqual(["b", "a"]);
    expect(ev("[1, 2, 3].reverse()")).toEqual([3n, 2n, 1n]);
    expect(ev("[].reverse()")).toEqual([]);
    expect(ev("[3, 1, 2].sort()")).toEqual([1n, 2n, 3n]);
    expect(ev('["b", "c", "a"].sort()')).toEqual(["a", "b", "c"]);
    expect(() => ev('[1, "a"].sort()')).toThrow(/cannot compare/);
  });

  it("first and last return optionals", () => {
    expect(ev("[1, 2].first().value()")).toBe(1n);
    expect(ev("[1, 2].last().value()")).toBe(2n);
    expect(ev("[].first().hasValue()")).toBe(false);
    expect(ev("[].last().orValue(9)")).toBe(9n);
    expect(() => ev("[].first().value()")).toThrow(/not present/);
  });

  it("lists.range", () => {
    expect(ev("lists.range(3)")).toEqual([0n, 1n, 2n]);
    expect(ev("lists.range(0)")).toEqual([]);
    expect(ev("lists.range(-1)")).toEqual([]);
    expect(ev("lists.range(3).map(i, i * 2)")).toEqual([0n, 2n, 4n]);
  });

  it("works on manifest lists", () => {
    const pod = { spec: { containers: [{ name: "a" }, { name: "b" }] } };
    expect(ev("object.spec.containers.map(c, c.name).sort().first().value()", pod)).toBe("a");
    expect(ev("object.spec.containers.map(c, c.name).isSorted()", pod)).toBe(true);
  });
});
