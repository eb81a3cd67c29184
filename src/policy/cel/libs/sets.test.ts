import { describe, expect, it } from "vitest";
import { ev } from "./test-env.js";

describe("sets library", () => {
  it("contains", () => {
    expect(ev("sets.contains([1, 2, 3], [1, 2])")).toBe(true);
    expect(ev("sets.contains([1, 2], [3])")).toBe(false);
    expect(ev("sets.contains([1, 2], [])")).toBe(true);
    expect(ev("sets.contains([], [1])")).toBe(false);
    expect(ev("sets.contains([1], [1.0, 1u])")).toBe(true);
    expect(ev('sets.contains(["a", "b"], object.caps)', { caps: ["a"] })).toBe(true);
  });

  it("equivalent", () => {
    expect(ev("sets.equivalent([1, 2], [2, 1, 1])")).toBe(true);
    expect(ev("sets.equivalent([1, 2], [1])")).toBe(false);
    expect(ev("sets.equivalent([], [])")).toBe(true);
    expect(ev("sets.equivalent([1], [1.0])")).toBe(true);
  });

  it("intersects", () => {
    expect(ev("sets.intersects([1, 2], [2, 3])")).toBe(true);
    expect(ev("sets.intersects([1, 2], [3])")).toBe(false);
    expect(ev("sets.intersects([], [])")).toBe(false);
    expect(ev('sets.intersects([[1], ["a"]], [["a"]])')).toBe(true);
  });

  it("rejects non-lists", () => {
    expect(() => ev('sets.contains("ab", ["a"])')).toThrow();
    expect(() => ev("sets.intersects(object.x, [1])", { x: 1n })).toThrow();
  });
});
