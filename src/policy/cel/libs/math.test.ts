import { describe, expect, it } from "vitest";
import { ev } from "./test-env.js";

describe("math library", () => {
  it("greatest and least", () => {
    expect(ev("math.greatest(1, 2)")).toBe(2n);
    expect(ev("math.greatest(1, 2.5, 2)")).toBe(2.5);
    expect(ev("math.least(3, -1, 2)")).toBe(-1n);
    expect(ev("math.greatest([1, 5, 3])")).toBe(5n);
    expect(ev("math.least([1.5, 0.5])")).toBe(0.5);
    expect(ev("math.greatest(7)")).toBe(7n);
    expect(ev("math.greatest(1, 2) == 2")).toBe(true);
    expect(ev("math.least(object.a, object.b)", { a: 4n, b: 2n })).toBe(2n);
    expect(() => ev("math.greatest([])")).toThrow(/must not be empty/);
    expect(() => ev('math.least("a", "b")')).toThrow(/must be numbers/);
  });

  it("rounding", () => {
    expect(ev("math.ceil(1.2)")).toBe(2);
    expect(ev("math.floor(-1.2)")).toBe(-2);
    expect(ev("math.round(2.5)")).toBe(3);
    expect(ev("math.round(-2.5)")).toBe(-3);
    expect(ev("math.round(1.4)")).toBe(1);
    expect(ev("math.trunc(-1.7)")).toBe(-1);
    expect(ev('math.isNaN(math.round(double("NaN")))')).toBe(true);
    expect(() => ev("math.ceil(1)")).toThrow(/overload/);
  });

  it("abs and sign", () => {
    expect(ev("math.abs(-5)")).toBe(5n);
    expect(ev("math.abs(-5.5)")).toBe(5.5);
    expect(ev("math.abs(5u) == 5u")).toBe(true);
    expect(() => ev("math.abs(-9223372036854775808)")).toThrow(/overflow/);
    expect(ev("math.sign(-5)")).toBe(-1n);
    expect(ev("math.sign(0)")).toBe(0n);
    expect(ev("math.sign(2.5)")).toBe(1);
    expect(ev("math.sign(0u) == 0u")).toBe(true);
    expect(() => ev('math.sign("a")')).toThrow(/overload/);
  });

  it("double predicates", () => {
    expect(ev('math.isNaN(double("NaN"))')).toBe(true);
    expect(ev("math.isNaN(1.0)")).toBe(false);
    expect(ev('math.isInf(double("-Infinity"))')).toBe(true);
    expect(ev("math.isInf(1.0)")).toBe(false);
    expect(ev("math.isFinite(1.0)")).toBe(true);
    expect(ev('math.isFinite(double("Infinity"))')).toBe(false);
  });
});
